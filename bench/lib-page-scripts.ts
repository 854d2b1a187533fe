/**
 * Weighing the JavaScript a page downloads, shared by the block weight benchmarks (bench/search-weight.ts,
 * bench/feed-weight.ts): where a script comes from, its gzip -9 size, and the scripts a Playwright page
 * fetched over the network. One definition, so the two blocks' budgets are measured the same way.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

import { launchChromium, option } from './search-stats';

const ROOT = resolve( __dirname, '..' );

/** Where a script comes from. */
export type Origin = 'switchboard' | 'wordpress' | 'theme' | 'other';

/** Every origin, in report order. */
export const ORIGINS: readonly Origin[] = [
	'switchboard',
	'wordpress',
	'theme',
	'other',
];

/** A report's column heads for a page's downloads by origin (the theme and the rest summed in one). */
export const ORIGIN_COLUMNS: readonly string[] = [
	'switchboard plugin',
	'WordPress (wp-includes)',
	'theme and other',
];

/** One script the page downloaded. */
export interface Script {
	url: string;
	origin: Origin;
	bytes: number;
	gzip: number;
}

/**
 * Where a script comes from, by its URL path.
 *
 * @param url Script URL.
 */
export function originOf( url: string ): Origin {
	const path = new URL( url ).pathname;
	if ( path.includes( '/wp-content/plugins/switchboard/' ) ) {
		return 'switchboard';
	}
	if ( path.includes( '/wp-includes/' ) || path.includes( '/wp-admin/' ) ) {
		return 'wordpress';
	}
	if ( path.includes( '/wp-content/themes/' ) ) {
		return 'theme';
	}
	return 'other';
}

/**
 * gzip -9 size of some bytes (zlib's deflate at level 9 with gzip's header: what `gzip -9c` writes).
 *
 * @param data Bytes.
 */
export function gzipSize( data: Buffer | string ): number {
	return gzipSync( data, { level: 9 } ).length;
}

/**
 * Records every script the page downloads from now on; the returned function gives them once the page has
 * settled (a body that cannot be read, say after a navigation, is left out).
 *
 * @param page Playwright page, before its first navigation.
 */
function recordScripts( page: Page ): () => Promise< Script[] > {
	const pending: Promise< Script | null >[] = [];
	page.on( 'response', ( response ) => {
		const request = response.request();
		const type = response.headers()[ 'content-type' ] ?? '';
		// Downloads only: blob: and data: scripts are made in memory (Chromium shows one on a browser's first page).
		if (
			! /^https?:/.test( response.url() ) ||
			( request.resourceType() !== 'script' &&
				! /javascript/.test( type ) )
		) {
			return;
		}
		pending.push(
			response
				.body()
				.then( ( body ) => ( {
					url: response.url(),
					origin: originOf( response.url() ),
					bytes: body.length,
					gzip: gzipSize( body ),
				} ) )
				.catch( () => null )
		);
	} );
	return async () =>
		( await Promise.all( pending ) ).filter(
			( s ): s is Script => s !== null
		);
}

/**
 * A script's name for the report: its path from wp-content or wp-includes on.
 *
 * @param url Script URL.
 */
export function shortName( url: string ): string {
	const { pathname, search } = new URL( url );
	const at = pathname.search( /\/wp-(content|includes)\// );
	return `${ at >= 0 ? pathname.slice( at + 1 ) : pathname }${ search.replace( /[?&]ver=[^&]*/, '' ) }`;
}

/**
 * What a weight benchmark is told: the URLs of the pages it compares, from `--name URL` arguments (each must
 * be http(s)), and where its report goes (`--out`, below the repository, without the extension).
 *
 * @param argv  Arguments (process.argv.slice( 2 )).
 * @param names Argument names, one per page.
 * @param bench The benchmark's name: its usage line and default report `artifacts/bench/<bench>`.
 */
export function weightOptions< Name extends string >(
	argv: readonly string[],
	names: readonly Name[],
	bench: string
): { urls: Record< Name, string >; out: string } {
	const urls = Object.fromEntries(
		names.map( ( name ) => [ name, option( argv, name, '' ) ] )
	) as Record< Name, string >;
	if (
		! Object.values< string >( urls ).every( ( u ) =>
			/^https?:\/\//.test( u )
		)
	) {
		throw new Error(
			`usage: tsx bench/${ bench }.ts ${ names
				.map( ( name ) => `--${ name } URL` )
				.join( ' ' ) }`
		);
	}
	return {
		urls,
		out: resolve(
			ROOT,
			option( argv, 'out', `artifacts/bench/${ bench }` )
		),
	};
}

/**
 * Runs a measurement with a Chromium that is closed afterwards, whatever happens.
 *
 * @param measure What to do with the browser.
 */
export async function withChromium< T >(
	measure: ( browser: Browser ) => Promise< T >
): Promise< T > {
	const browser = await launchChromium();
	try {
		return await measure( browser );
	} finally {
		await browser.close();
	}
}

/**
 * Loads a page in a fresh context (nothing cached) to network idle, lets the benchmark use it (type a
 * query, wait for late chunks, read the HTML), and returns every script it downloaded meanwhile.
 *
 * @param browser Browser.
 * @param url     Page URL.
 * @param inspect What the benchmark does on the loaded page; its answer comes back as `found`.
 */
export async function weighPage< T >(
	browser: Browser,
	url: string,
	inspect: ( page: Page ) => Promise< T >
): Promise< { scripts: Script[]; found: T } > {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const downloaded = recordScripts( page );
		await page.goto( url, { waitUntil: 'networkidle' } );
		const found = await inspect( page );
		return { scripts: await downloaded(), found };
	} finally {
		await context.close();
	}
}
