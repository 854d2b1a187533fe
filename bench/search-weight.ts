/**
 * The JavaScript a page downloads because of its search block, gzipped (-9), from the browser's own network
 * requests: three pages that differ only by their search block (switchboard/search in instant mode,
 * core/search, none). Each page loads in a fresh context (nothing cached); on the two pages with a search
 * field, a query is typed and the page left to settle, so code loaded on first use counts too.
 *
 * Every script response is classified by where it comes from: the switchboard plugin (the block's own code),
 * WordPress (wp-includes: Interactivity API, api-fetch and what they pull in), the theme, anything else. Inline
 * scripts in the HTML (import map, module data, inline settings) are counted apart. The block's cost is what
 * its page downloads minus what the page without a search block downloads.
 *
 * Usage: tsx bench/search-weight.ts --switchboard URL --core URL --none URL [--out=artifacts/bench/search-weight]
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

import {
	launchChromium,
	option,
	show,
	table,
	verdict,
	writeReport,
} from './search-stats';

const ROOT = resolve( __dirname, '..' );
/** Target for the block's own code, gzipped. */
const TARGET_OWN_BYTES = 5 * 1024;

type Origin = 'switchboard' | 'wordpress' | 'theme' | 'other';
const ORIGINS: readonly Origin[] = [
	'switchboard',
	'wordpress',
	'theme',
	'other',
];

/** One script the page downloaded. */
interface Script {
	url: string;
	origin: Origin;
	bytes: number;
	gzip: number;
}

/** What one page downloaded. */
interface PageWeight {
	page: string;
	url: string;
	scripts: Script[];
	gzip: Record< Origin, number >;
	inlineGzip: number;
	inlineCount: number;
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
 * Loads a page, types a query when it has a search field, and weighs the scripts it downloaded.
 *
 * @param browser Browser.
 * @param name    Page label.
 * @param url     Page URL.
 */
async function weigh(
	browser: Browser,
	name: string,
	url: string
): Promise< PageWeight > {
	const context = await browser.newContext();
	const page = await context.newPage();
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
	await page.goto( url, { waitUntil: 'networkidle' } );
	// The page's own block, not a search field the theme's header may hide behind a button.
	const field = page
		.locator(
			'.wp-block-switchboard-search input[type="search"], .wp-block-post-content .wp-block-search input[type="search"]'
		)
		.filter( { visible: true } )
		.first();
	if ( ( await field.count() ) > 0 ) {
		await field.click();
		await page.keyboard.type( 'search', { delay: 80 } );
		await page.waitForLoadState( 'networkidle' );
		await page.waitForTimeout( 500 );
	}
	const inline = await page.evaluate( () =>
		Array.from( document.querySelectorAll( 'script:not([src])' ) )
			.filter(
				( s ) =>
					! /json/.test( s.getAttribute( 'type' ) ?? '' ) ||
					s.getAttribute( 'type' ) === 'importmap'
			)
			.map( ( s ) => s.textContent ?? '' )
	);
	await context.close();
	const scripts = ( await Promise.all( pending ) ).filter(
		( s ): s is Script => s !== null
	);
	const gzip = Object.fromEntries(
		ORIGINS.map( ( o ) => [ o, 0 ] )
	) as Record< Origin, number >;
	for ( const script of scripts ) {
		gzip[ script.origin ] += script.gzip;
	}
	return {
		page: name,
		url,
		scripts,
		gzip,
		inlineGzip: inline.length ? gzipSize( inline.join( '\n' ) ) : 0,
		inlineCount: inline.length,
	};
}

/**
 * A script's name for the report: its path from wp-content or wp-includes on.
 *
 * @param url Script URL.
 */
function shortName( url: string ): string {
	const { pathname, search } = new URL( url );
	const at = pathname.search( /\/wp-(content|includes)\// );
	return `${ at >= 0 ? pathname.slice( at + 1 ) : pathname }${ search.replace( /[?&]ver=[^&]*/, '' ) }`;
}

async function main(): Promise< void > {
	const argv = process.argv.slice( 2 );
	const urls = {
		switchboard: option( argv, 'switchboard', '' ),
		core: option( argv, 'core', '' ),
		none: option( argv, 'none', '' ),
	};
	if ( ! Object.values( urls ).every( ( u ) => /^https?:\/\//.test( u ) ) ) {
		throw new Error(
			'usage: tsx bench/search-weight.ts --switchboard URL --core URL --none URL'
		);
	}
	const out = resolve(
		ROOT,
		option( argv, 'out', 'artifacts/bench/search-weight' )
	);
	const browser = await launchChromium();
	const pages: PageWeight[] = [];
	try {
		pages.push(
			await weigh(
				browser,
				'switchboard/search (instant)',
				urls.switchboard
			)
		);
		pages.push( await weigh( browser, 'core/search', urls.core ) );
		pages.push( await weigh( browser, 'no search block', urls.none ) );
	} finally {
		await browser.close();
	}
	const [ ours, core, none ] = pages;
	const total = ( p: PageWeight ) =>
		ORIGINS.reduce( ( sum, o ) => sum + p.gzip[ o ], 0 );
	const kb = ( bytes: number ) => `${ show( bytes ) } B`;
	const delta = ( p: PageWeight, o: Origin ) => p.gzip[ o ] - none.gzip[ o ];
	const rows = pages.map( ( p ) => [
		p.page,
		kb( p.gzip.switchboard ),
		kb( p.gzip.wordpress ),
		kb( p.gzip.theme + p.gzip.other ),
		kb( total( p ) ),
		`${ kb( p.inlineGzip ) } (${ p.inlineCount })`,
		String( p.scripts.length ),
	] );
	const added = [ ours, core ].map( ( p ) => [
		`${ p.page } minus no search block`,
		kb( delta( p, 'switchboard' ) ),
		kb( delta( p, 'wordpress' ) ),
		kb( delta( p, 'theme' ) + delta( p, 'other' ) ),
		kb( total( p ) - total( none ) ),
		kb( p.inlineGzip - none.inlineGzip ),
	] );
	const own = delta( ours, 'switchboard' );
	const files = ( p: PageWeight ) =>
		p.scripts
			.filter( ( s ) => ! none.scripts.some( ( n ) => n.url === s.url ) )
			.map(
				( s ) =>
					`${ shortName( s.url ) } ${ show( s.gzip ) } B (${ s.origin })`
			);
	const markdown = [
		'## Search: JavaScript a page downloads for its search block (gzip -9)',
		'',
		table(
			[
				'page',
				'switchboard plugin',
				'WordPress (wp-includes)',
				'theme and other',
				'total downloaded',
				'inline scripts (count)',
				'script requests',
			],
			rows
		),
		'',
		table(
			[
				'what the block adds',
				"block's own code",
				'WordPress shared runtime',
				'theme and other',
				'total',
				'inline',
			],
			added
		),
		'',
		table(
			[ 'target', 'measured', 'result' ],
			[
				[
					"the block's own JavaScript ≤ 5 KB gzipped (5,120 B)",
					kb( own ),
					verdict(
						ours.scripts.length === 0
							? null
							: own <= TARGET_OWN_BYTES
					),
				],
			]
		),
		'',
		'- From Chromium\'s network responses (fresh context per page, the page loaded, a query typed into its search field, network idle), each body gzipped at level 9. "Inline" is the text of the HTML\'s inline scripts (import map, settings), gzipped together.',
		`- Scripts only the switchboard/search page downloads: ${ files( ours ).join( ', ' ) || 'none' }.`,
		`- Scripts only the core/search page downloads: ${ files( core ).join( ', ' ) || 'none' }.`,
		`- Scripts every page downloads (the theme's own blocks, e.g. navigation and a header search): ${ none.scripts.map( ( s ) => `${ shortName( s.url ) } ${ show( s.gzip ) } B` ).join( ', ' ) || 'none' }; what they load (such as the Interactivity API runtime) costs the search block nothing more on this theme.`,
	].join( '\n' );
	writeReport( out, markdown, {
		generatedAt: new Date().toISOString(),
		targetOwnBytes: TARGET_OWN_BYTES,
		ownBytes: own,
		pages,
	} );
}

// Run as a script; imported (by the tests), it only provides its helpers.
if ( require.main === module ) {
	main().catch( ( error: unknown ) => {
		process.stderr.write(
			`search-weight: ${ error instanceof Error ? ( error.stack ?? error.message ) : String( error ) }\n`
		);
		process.exit( 1 );
	} );
}
