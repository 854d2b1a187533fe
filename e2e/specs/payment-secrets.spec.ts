/**
 * Stripe's secrets live in the payment service alone: after a real payment, no secret key, restricted key or
 * webhook secret is in WordPress's database, a page, a REST answer, a built bundle, or a log.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/test';
import { debugLogPath, repoRoot, siteName } from '../support/site';
import { e2eCacheDir } from '../support/service-process';
import {
	payments,
	pointSiteAtPaymentService,
} from '../support/payment-services';
import {
	createPaymentPage,
	payOnPage,
	waitForRecord,
} from '../support/payments';

/** What a Stripe secret looks like (a publishable key is public by design). */
const SECRET =
	/\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9_]{10,}|\bwhsec_[A-Za-z0-9+/=_-]{10,}/;

/**
 * Every file under a folder.
 * @param dir Folder.
 */
async function files( dir: string ): Promise< string[] > {
	const entries = await readdir( dir, {
		withFileTypes: true,
		recursive: true,
	} );
	return entries
		.filter( ( entry ) => entry.isFile() )
		.map( ( entry ) => path.join( entry.parentPath, entry.name ) );
}

test.describe( 'Stripe secrets stay in the payment service', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtPaymentService( requestUtils );
	} );

	test( 'none in the database, pages, REST answers, bundles or logs after a payment', async ( {
		page,
		requestUtils,
	} ) => {
		const { env } = await payments.state();
		const known = [ env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET ];
		expect( known.every( ( value ) => SECRET.test( value ) ) ).toBe( true );

		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay, then look for secrets'
		);
		const seen: string[] = [];
		page.on( 'response', async ( response ) => {
			if ( response.url().includes( '/wp-json/' ) ) {
				seen.push( await response.text().catch( () => '' ) );
			}
		} );
		await payOnPage( page, link, '$5.00' );
		seen.push( await page.content() );
		await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.status === 'succeeded' )
		);

		// What an administrator's REST answers hold.
		for ( const restPath of [
			'/switchboard/v1/payments',
			'/switchboard/v1/admin/settings',
			'/switchboard/v1/admin/health',
			'/wp/v2/settings',
		] ) {
			seen.push(
				JSON.stringify(
					await requestUtils
						.rest( { path: restPath } )
						.catch( String )
				)
			);
		}
		for ( const text of seen ) {
			expect( text ).not.toMatch( SECRET );
		}

		// The built bundles.
		for ( const file of await files(
			path.join( repoRoot, 'plugin', 'build' )
		) ) {
			expect( await readFile( file, 'utf8' ), file ).not.toMatch(
				SECRET
			);
		}

		// The site's and the services' logs.
		const logs = ( await files( e2eCacheDir ) ).filter( ( file ) =>
			file.endsWith( '.log' )
		);
		for ( const file of [ ...logs, debugLogPath() ].filter( Boolean ) ) {
			const text = await readFile( file, 'utf8' ).catch( () => '' );
			for ( const value of known ) {
				expect( text.includes( value ), file ).toBe( false );
			}
		}

		// Every table and column of WordPress's database.
		const found = execFileSync(
			'bash',
			[
				path.join( repoRoot, 'bin', 'wp-server' ),
				'php',
				'--name',
				siteName,
				path.join(
					repoRoot,
					'e2e',
					'support',
					'php',
					'find-secrets.php'
				),
			],
			{ cwd: repoRoot, encoding: 'utf8' }
		);
		expect( JSON.parse( found ) ).toEqual( [] );
	} );
} );
