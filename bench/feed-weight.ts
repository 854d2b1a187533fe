/**
 * The JavaScript a page downloads because of one switchboard/feed block, gzipped (-9), from the browser's own
 * network requests: two pages that differ only by the block (bench/feed-site.php made them), each loaded in
 * a fresh context (nothing cached, no consent given: what ships to every visitor).
 *
 * Every script response is classified by where it comes from (bench/lib-page-scripts.ts's originOf, as for
 * bench/search-weight.ts): the switchboard plugin (the block's own code: plugin/build/feed/view.js and any chunk of its own), WordPress
 * (wp-includes: the shared runtime, @wordpress/interactivity, api-fetch and what they pull in), the theme,
 * anything else. The block's cost is what its page downloads that the page without it does not. Next to
 * that, every built file of the block's front end (plugin/build/feed/*.js but the editor's index.js), since
 * a chunk loaded only after consent ships too. Targets (issue 6): the block's own code ≤ 3 KB gzipped, and
 * no React on the page (no react, react-dom or wp-element script).
 *
 * Usage: tsx bench/feed-weight.ts --feed URL --none URL [--out=artifacts/bench/feed-weight]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';

import {
	gzipSize,
	ORIGIN_COLUMNS,
	type Origin,
	weighPage,
	weightOptions,
	withChromium,
	type Script,
	shortName,
} from './lib-page-scripts';
import { runScript } from './lib-run';
import { show, table, verdict, writeReport } from './search-stats';

const ROOT = resolve( __dirname, '..' );
/** Target for the block's own code, gzipped (issue 6). */
export const TARGET_OWN_BYTES = 3 * 1024;

/** What one page downloaded, and what its HTML declares. */
interface PageWeight {
	page: string;
	url: string;
	scripts: Script[];
	/** The page's script handles and module ids (`id` of <script>, import map keys, modulepreload links). */
	declared: string[];
	hasBlock: boolean;
}

/**
 * Whether a script URL or a declared handle is React or WordPress's React wrapper.
 *
 * @param name Script URL, `<script id>` or module id.
 */
export function isReact( name: string ): boolean {
	return (
		/\/vendor\/react(-dom)?(\.min)?\.js/.test( name ) ||
		/\/dist\/element(\.min)?\.js/.test( name ) ||
		/^(react|react-dom|wp-element)(-js)?$/.test( name ) ||
		/^@wordpress\/element$/.test( name )
	);
}

/**
 * The block's own code and the shared runtime it adds: scripts only the page with the block downloads,
 * summed by origin (a script both pages download costs the block nothing).
 *
 * @param withBlock Page with the block.
 * @param without   Page without it.
 */
export function added(
	withBlock: readonly Script[],
	without: readonly Script[]
): { own: Script[]; shared: Script[]; other: Script[] } {
	const seen = new Set( without.map( ( s ) => s.url ) );
	const extra = withBlock.filter( ( s ) => ! seen.has( s.url ) );
	return {
		own: extra.filter( ( s ) => s.origin === 'switchboard' ),
		shared: extra.filter( ( s ) => s.origin === 'wordpress' ),
		other: extra.filter(
			( s ) => s.origin !== 'switchboard' && s.origin !== 'wordpress'
		),
	};
}

/**
 * The built files of the block's front end: every .js in the folder but the editor script (index.js).
 *
 * @param folder plugin/build/feed.
 */
export function builtViewFiles(
	folder: string
): { file: string; bytes: number; gzip: number }[] {
	if ( ! existsSync( folder ) ) {
		return [];
	}
	return readdirSync( folder )
		.filter( ( f ) => f.endsWith( '.js' ) && f !== 'index.js' )
		.sort()
		.map( ( file ) => {
			const data = readFileSync( join( folder, file ) );
			return { file, bytes: data.length, gzip: gzipSize( data ) };
		} );
}

const sum = ( scripts: readonly { gzip: number }[] ) =>
	scripts.reduce( ( total, s ) => total + s.gzip, 0 );

/**
 * Loads a page and weighs the scripts it downloaded.
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
	const { scripts, found } = await weighPage(
		browser,
		url,
		async ( page ) => {
			// Modules imported after hydration (a chunk on first idle, say) arrive after the first network idle.
			await page.waitForTimeout( 1000 );
			await page.waitForLoadState( 'networkidle' );
			return page.evaluate( () => {
				const names: string[] = [];
				document
					.querySelectorAll( 'script[id]' )
					.forEach( ( s ) => names.push( s.id ) );
				document
					.querySelectorAll(
						'script[src], link[rel="modulepreload"]'
					)
					.forEach( ( s ) =>
						names.push(
							s.getAttribute( 'src' ) ??
								s.getAttribute( 'href' ) ??
								''
						)
					);
				const map = document.querySelector(
					'script[type="importmap"]'
				);
				try {
					const parsed = JSON.parse( map?.textContent ?? '{}' ) as {
						imports?: Record< string, string >;
					};
					names.push( ...Object.keys( parsed.imports ?? {} ) );
				} catch {
					// A page without a valid import map declares no module ids.
				}
				return {
					declared: names,
					hasBlock:
						document.querySelector(
							'.wp-block-switchboard-feed'
						) !== null,
				};
			} );
		}
	);
	return { page: name, url, scripts, ...found };
}

async function main(): Promise< void > {
	const { urls, out } = weightOptions(
		process.argv.slice( 2 ),
		[ 'feed', 'none' ],
		'feed-weight'
	);
	const [ feed, none ] = await withChromium( async ( browser ) => [
		await weigh( browser, 'one switchboard/feed block', urls.feed ),
		await weigh( browser, 'no feed block', urls.none ),
	] );
	if ( ! feed.hasBlock ) {
		throw new Error(
			`the page ${ urls.feed } has no .wp-block-switchboard-feed element: the block did not render`
		);
	}
	const extra = added( feed.scripts, none.scripts );
	const own = sum( extra.own );
	const built = builtViewFiles( resolve( ROOT, 'plugin/build/feed' ) );
	const builtTotal = sum( built );
	const react = [
		...feed.scripts.map( ( s ) => s.url ),
		...feed.declared,
	].filter( isReact );
	const kb = ( bytes: number ) => `${ show( bytes ) } B`;
	const total = ( p: PageWeight ) => sum( p.scripts );
	const byOrigin = ( p: PageWeight, origin: Origin ) =>
		sum( p.scripts.filter( ( s ) => s.origin === origin ) );
	const list = ( scripts: readonly Script[] ) =>
		scripts
			.map( ( s ) => `${ shortName( s.url ) } ${ show( s.gzip ) } B` )
			.join( ', ' ) || 'none';
	const markdown = [
		'## Feed: JavaScript a page downloads for one feed block (gzip -9)',
		'',
		table(
			[
				'page',
				...ORIGIN_COLUMNS,
				'total downloaded',
				'script requests',
			],
			[ feed, none ].map( ( p ) => [
				p.page,
				kb( byOrigin( p, 'switchboard' ) ),
				kb( byOrigin( p, 'wordpress' ) ),
				kb( byOrigin( p, 'theme' ) + byOrigin( p, 'other' ) ),
				kb( total( p ) ),
				String( p.scripts.length ),
			] )
		),
		'',
		table(
			[ 'what the block adds', 'gzip', 'files' ],
			[
				[ "the block's own code", kb( own ), list( extra.own ) ],
				[
					'shared runtime (WordPress: Interactivity API, api-fetch...)',
					kb( sum( extra.shared ) ),
					list( extra.shared ),
				],
				[
					'theme and other',
					kb( sum( extra.other ) ),
					list( extra.other ),
				],
				[
					"the block's front-end build (plugin/build/feed, all but index.js)",
					kb( builtTotal ),
					built
						.map( ( b ) => `${ b.file } ${ show( b.gzip ) } B` )
						.join( ', ' ) || 'none built',
				],
			]
		),
		'',
		table(
			[ 'target', 'measured', 'result' ],
			[
				[
					"the block's own JavaScript on the page ≤ 3 KB gzipped (3,072 B)",
					kb( own ),
					verdict(
						extra.own.length === 0 ? null : own <= TARGET_OWN_BYTES
					),
				],
				[
					'everything its front end can load (the build) ≤ 3 KB gzipped',
					kb( builtTotal ),
					verdict(
						built.length === 0
							? null
							: builtTotal <= TARGET_OWN_BYTES
					),
				],
				[
					'no React on the page (react, react-dom, wp-element)',
					react.length ? react.join( ', ' ) : 'none',
					verdict( react.length === 0 ),
				],
			]
		),
		'',
		"- From Chromium's network responses (a fresh context per page, no consent given, the page loaded to network idle and a second later idle again), each body gzipped at level 9; handles and module ids from the page's <script id>, <script src>, modulepreload links and import map.",
		`- Scripts both pages download (the theme's own blocks): ${ list( none.scripts ) }; what they load costs the feed block nothing more on this theme.`,
		...( extra.own.length === 0
			? [
					"- The page with the block downloaded no script of the plugin: the block's view module was not enqueued (is plugin/build/feed/view.js built, and does render.php enqueue it?).",
				]
			: [] ),
	].join( '\n' );
	writeReport( out, markdown, {
		generatedAt: new Date().toISOString(),
		targetOwnBytes: TARGET_OWN_BYTES,
		ownBytes: own,
		sharedBytes: sum( extra.shared ),
		builtBytes: builtTotal,
		built,
		react,
		pages: [ feed, none ],
	} );
}

// Run as a script; imported (by the tests), it only provides its helpers.
if ( require.main === module ) {
	runScript( 'feed-weight', main );
}
