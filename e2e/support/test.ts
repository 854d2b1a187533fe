/**
 * The journeys' `test`: WordPress's own e2e fixtures plus two guards every journey gets for free.
 * A PHP notice, warning or deprecation written to the site's debug log while a test runs fails it,
 * and so does any JavaScript error in the page (console error or uncaught exception).
 */
import { open, stat } from 'node:fs/promises';
import { test as base, expect } from '@wordpress/e2e-test-utils-playwright';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { debugLogPath } from './site';

async function fileSize( file: string ): Promise< number > {
	try {
		return ( await stat( file ) ).size;
	} catch {
		return 0;
	}
}

/**
 * What was appended to a file after `offset` bytes.
 * @param file
 * @param offset
 */
async function readFrom( file: string, offset: number ): Promise< string > {
	const size = await fileSize( file );
	if ( size <= offset ) {
		return '';
	}
	const handle = await open( file, 'r' );
	try {
		const buffer = Buffer.alloc( size - offset );
		await handle.read( buffer, 0, buffer.length, offset );
		return buffer.toString( 'utf8' );
	} finally {
		await handle.close();
	}
}

type Guards = {
	phpLogGuard: void;
	pageErrors: string[];
};

export const test = base.extend< Guards >( {
	phpLogGuard: [
		async ( {}, use ) => {
			const log = debugLogPath();
			const offset = log ? await fileSize( log ) : 0;
			await use();
			if ( log ) {
				const written = await readFrom( log, offset );
				expect(
					written,
					'PHP wrote to the debug log during this journey'
				).toBe( '' );
			}
		},
		{ auto: true },
	],
	pageErrors: [
		async ( { page }, use ) => {
			const errors: string[] = [];
			page.on( 'console', ( message ) => {
				if ( message.type() === 'error' ) {
					const { url } = message.location();
					errors.push(
						url ? `${ message.text() } (${ url })` : message.text()
					);
				}
			} );
			page.on( 'pageerror', ( error ) => errors.push( error.message ) );
			await use( errors );
			expect( errors, 'JavaScript errors in the page' ).toEqual( [] );
		},
		{ auto: true },
	],
} );

export { expect };

/**
 * Takes out of `pageErrors` the console errors Chromium writes for HTTP answers a journey expects (a decline
 * is a 402 from Stripe, a refused amount a 400 from the gateway), and returns how many there were. Every other
 * error still fails the journey.
 * @param pageErrors The guard's list.
 * @param status     The expected HTTP status.
 * @param url        A pattern the failing request's URL matches.
 */
export function forgiveHttpErrors(
	pageErrors: string[],
	status: number,
	url: RegExp
): number {
	const expected = ( error: string ) =>
		error.includes( `status of ${ status }` ) && url.test( error );
	const count = pageErrors.filter( expected ).length;
	const others = pageErrors.filter( ( error ) => ! expected( error ) );
	pageErrors.splice( 0, pageErrors.length, ...others );
	return count;
}

/**
 * Fails with the list of WCAG 2 A/AA violations axe finds on the page as it is now.
 * @param page
 */
export async function expectAccessible( page: Page ): Promise< void > {
	const results = await new AxeBuilder( { page } )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	const summary = results.violations.map(
		( violation ) =>
			`${ violation.id }: ${ violation.help } (${ violation.nodes
				.map( ( node ) => node.target.join( ' ' ) )
				.join( ', ' ) })`
	);
	expect( summary, `axe violations on ${ page.url() }` ).toEqual( [] );
}
