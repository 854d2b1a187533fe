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
import type { Browser } from '@playwright/test';

import {
	gzipSize,
	ORIGIN_COLUMNS,
	type Origin,
	ORIGINS,
	weighPage,
	weightOptions,
	withChromium,
	type Script,
	shortName,
} from './lib-page-scripts';
import { runScript } from './lib-run';
import { show, table, verdict, writeReport } from './search-stats';

/** Target for the block's own code, gzipped. */
const TARGET_OWN_BYTES = 5 * 1024;

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
	const { scripts, found: inline } = await weighPage(
		browser,
		url,
		async ( page ) => {
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
			return page.evaluate( () =>
				Array.from( document.querySelectorAll( 'script:not([src])' ) )
					.filter(
						( s ) =>
							! /json/.test( s.getAttribute( 'type' ) ?? '' ) ||
							s.getAttribute( 'type' ) === 'importmap'
					)
					.map( ( s ) => s.textContent ?? '' )
			);
		}
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

async function main(): Promise< void > {
	const { urls, out } = weightOptions(
		process.argv.slice( 2 ),
		[ 'switchboard', 'core', 'none' ],
		'search-weight'
	);
	const pages = await withChromium( async ( browser ) => [
		await weigh(
			browser,
			'switchboard/search (instant)',
			urls.switchboard
		),
		await weigh( browser, 'core/search', urls.core ),
		await weigh( browser, 'no search block', urls.none ),
	] );
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
				...ORIGIN_COLUMNS,
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
	runScript( 'search-weight', main );
}
