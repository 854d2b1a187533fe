/**
 * Keystroke-to-results time of the switchboard/search block (instant mode) in Chromium.
 *
 * Opens a page with the block (the real gateway route and the real search service behind it), types generated
 * queries character by character and measures, in the page, from each `keydown` (performance.now() in a
 * capturing listener) to the moment the block's results reflect what the input then holds: the summary heading
 * of contract C5 ("3 results for “term”" / "No results for “term”") says that query, as seen by a
 * MutationObserver, and the next animation frame has started (so the new results are ready to paint).
 * Resource Timing splits each keystroke into the wait before the request (a request still on its way), the request (gateway and
 * service), and the rest (the block's own work: rendering, scheduling).
 *
 * Two ways of typing, both printed:
 * - paced: after each key, the next waits until the results show the current input; every key is measured.
 *   The target (p95 ≤ 150 ms) applies to this row.
 * - typing: keys at a human pace (60-220 ms apart, seeded); each key is measured to the first results that show
 *   its input or a later one (a superseded request never shows, by design).
 *
 * Usage: tsx bench/search-browser.ts --url PAGE_URL [--keystrokes=60] [--out=artifacts/bench/search-browser]
 * Chromium: /usr/bin/chromium (CHROMIUM_PATH), flags from ENVIRONMENT.md.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

import { generateQueries } from './search-corpus';
import {
	CHROMIUM_PATH,
	launchChromium,
	type Latency,
	latency,
	option,
	show,
	table,
	verdict,
	writeReport,
} from './search-stats';
import { runScript } from './lib-run';

const ROOT = resolve( __dirname, '..' );
const TARGET_P95_MS = 150;
/** A key whose results have not appeared after this long counts as "no update" (and fails the run's check). */
const UPDATE_TIMEOUT_MS = 3000;

/** What the page records (window.__sbBench). */
export interface PageRecord {
	keys: { t: number; key: string }[];
	inputs: { t: number; value: string }[];
	updates: { t: number; painted: number; summary: string }[];
	requests: { q: string; start: number; end: number }[];
}

/** One measured key. */
interface KeyTiming {
	mode: 'paced' | 'typing';
	query: string;
	value: string;
	totalMs: number | null;
	waitMs: number | null;
	requestMs: number | null;
	restMs: number | null;
	cached: boolean;
}

/**
 * The in-page recorder (window.__sbBench), installed before the block's scripts run. A string, not a function:
 * tsx's transform would add helpers to a function's source that the page does not have.
 */
const RECORDER = `( () => {
	const record = { keys: [], inputs: [], updates: [], requests: [] };
	window.__sbBench = record;
	const inBlock = ( node ) => node instanceof Element && node.closest( '.wp-block-switchboard-search' ) !== null;
	document.addEventListener( 'keydown', ( event ) => {
		if ( inBlock( event.target ) && event.key.length === 1 ) {
			record.keys.push( { t: event.timeStamp || performance.now(), key: event.key } );
		}
	}, true );
	document.addEventListener( 'input', ( event ) => {
		if ( inBlock( event.target ) && event.target instanceof HTMLInputElement ) {
			record.inputs.push( { t: performance.now(), value: event.target.value } );
		}
	}, true );
	let last = '';
	const observe = () => {
		const block = document.querySelector( '.wp-block-switchboard-search' );
		if ( ! block ) {
			return false;
		}
		const check = () => {
			const heading = block.querySelector( 'h2' );
			// A hidden summary (the block hides what does not apply) shows nothing.
			const summary = heading && ! heading.closest( '[hidden]' ) ? ( heading.textContent || '' ).trim() : '';
			if ( summary !== last ) {
				last = summary;
				const entry = { t: performance.now(), painted: NaN, summary };
				record.updates.push( entry );
				requestAnimationFrame( () => { entry.painted = performance.now(); } );
			}
		};
		new MutationObserver( check ).observe( block, { subtree: true, childList: true, characterData: true, attributes: true } );
		check();
		return true;
	};
	if ( ! observe() ) {
		document.addEventListener( 'DOMContentLoaded', observe );
	}
	new PerformanceObserver( ( list ) => {
		for ( const entry of list.getEntries() ) {
			if ( ! entry.name.includes( 'switchboard/v1/search' ) && ! entry.name.includes( 'switchboard%2Fv1%2Fsearch' ) ) {
				continue;
			}
			const url = new URL( entry.name );
			record.requests.push( { q: url.searchParams.get( 'q' ) || '', start: entry.startTime, end: entry.responseEnd } );
		}
	} ).observe( { type: 'resource', buffered: true } );
} )();`;

/**
 * Whether a summary heading shows a query (C5 quotes it with “ ”; whitespace collapsed on both sides).
 *
 * @param summary Heading text.
 * @param query   Query as typed.
 */
export function showsQuery( summary: string, query: string ): boolean {
	const q = query.trim().replace( /\s+/g, ' ' );
	const s = summary.replace( /\s+/g, ' ' );
	return q !== '' && ( s.includes( `“${ q }”` ) || s.includes( `"${ q }"` ) );
}

/**
 * A small seeded PRNG (Park-Miller), so every run types at the same pace.
 *
 * @param seed Seed, 1 to 2^31 - 2.
 */
function random( seed: number ): () => number {
	let a = seed;
	return () => {
		a = ( a * 16807 ) % 2147483647;
		return a / 2147483647;
	};
}

const sleep = ( ms: number ) =>
	new Promise( ( done ) => setTimeout( done, ms ) );

/**
 * Waits until the page's results show a query (or the timeout passes).
 *
 * @param page  Page.
 * @param query Query.
 */
async function waitForResults( page: Page, query: string ): Promise< boolean > {
	try {
		await page.waitForFunction(
			( q ) => {
				const rec = ( window as unknown as { __sbBench: PageRecord } )
					.__sbBench;
				const last = rec.updates[ rec.updates.length - 1 ];
				const want = q.trim().replace( /\s+/g, ' ' );
				return (
					!! last &&
					! Number.isNaN( last.painted ) &&
					( last.summary.includes( `“${ want }”` ) ||
						last.summary.includes( `"${ want }"` ) )
				);
			},
			query,
			{ timeout: UPDATE_TIMEOUT_MS, polling: 20 }
		);
		return true;
	} catch {
		return false;
	}
}

/**
 * Empties the search field and waits until the page is quiet again (not measured).
 *
 * @param page Page.
 */
async function clear( page: Page ): Promise< void > {
	const input = page
		.locator( '.wp-block-switchboard-search input[type="search"]' )
		.first();
	await input.fill( '' );
	await sleep( 400 );
}

/**
 * The timings of the keys typed since `from` (indexes into the page's records).
 *
 * @param rec   Page record.
 * @param from  First key index of this query.
 * @param mode  How it was typed.
 * @param query The whole query.
 * @param typed The value after each key, in order.
 */
export function timingsOf(
	rec: PageRecord,
	from: number,
	mode: 'paced' | 'typing',
	query: string,
	typed: string[]
): KeyTiming[] {
	const out: KeyTiming[] = [];
	const keys = rec.keys.slice( from, from + typed.length );
	keys.forEach( ( key, i ) => {
		const value = typed[ i ];
		const trimmed = value.trim();
		// A key that does not change the query (a space) changes nothing to wait for.
		if (
			trimmed === '' ||
			( i > 0 && typed[ i - 1 ].trim() === trimmed )
		) {
			return;
		}
		const acceptable = new Set(
			mode === 'paced'
				? [ trimmed ]
				: typed.slice( i ).map( ( v ) => v.trim() )
		);
		const update = rec.updates.find(
			( u ) =>
				u.t >= key.t &&
				[ ...acceptable ].some( ( v ) => showsQuery( u.summary, v ) )
		);
		const shown = update
			? ( typed
					.slice( i )
					.map( ( v ) => v.trim() )
					.find( ( v ) => showsQuery( update.summary, v ) ) ??
				trimmed )
			: trimmed;
		const request = rec.requests.find(
			( r ) => r.start >= key.t && r.q.trim() === shown
		);
		let end: number | null = null;
		if ( update ) {
			// The frame after the change; the change itself when the page never got to draw one.
			end = Number.isNaN( update.painted ) ? update.t : update.painted;
		}
		out.push( {
			mode,
			query,
			value,
			totalMs: end === null ? null : end - key.t,
			waitMs: request ? request.start - key.t : null,
			requestMs: request ? request.end - request.start : null,
			restMs: request && end !== null ? end - request.end : null,
			cached: ! request && update !== undefined,
		} );
	} );
	return out;
}

/**
 * Types one query and returns its key timings.
 *
 * @param page  Page.
 * @param query Query.
 * @param mode  paced or typing.
 * @param pause Milliseconds between keys (typing mode).
 */
async function typeQuery(
	page: Page,
	query: string,
	mode: 'paced' | 'typing',
	pause: () => number
): Promise< KeyTiming[] > {
	const input = page
		.locator( '.wp-block-switchboard-search input[type="search"]' )
		.first();
	await input.focus();
	const from = await page.evaluate(
		() =>
			( window as unknown as { __sbBench: PageRecord } ).__sbBench.keys
				.length
	);
	const typed: string[] = [];
	for ( const char of query ) {
		await page.keyboard.type( char );
		typed.push( ( typed[ typed.length - 1 ] ?? '' ) + char );
		if ( mode === 'paced' ) {
			if ( typed[ typed.length - 1 ].trim() !== '' ) {
				await waitForResults( page, typed[ typed.length - 1 ] );
			}
			await sleep( 50 );
		} else {
			await sleep( pause() );
		}
	}
	await waitForResults( page, query );
	await sleep( 100 );
	const rec = await page.evaluate(
		() => ( window as unknown as { __sbBench: PageRecord } ).__sbBench
	);
	return timingsOf( rec, from, mode, query, typed );
}

/**
 * Queries to type: generated ones of 4-24 characters, letters, digits, spaces and quotes only (what a
 * keyboard press can send one by one).
 *
 * @param count How many.
 */
function queriesToType( count: number ): string[] {
	const pool = generateQueries( 400 ).filter(
		( q ) =>
			/^[\p{L}\p{N} "'-]{4,24}$/u.test( q ) && /^[\x20-\x7e]+$/.test( q )
	);
	return [ ...new Set( pool ) ].slice( 0, count );
}

/**
 * Summary of one mode.
 *
 * @param timings Key timings of that mode.
 */
function summarize( timings: KeyTiming[] ): {
	total: Latency;
	wait: Latency;
	request: Latency;
	rest: Latency;
	afterWait: Latency;
	noUpdate: number;
	cached: number;
} {
	const numbers = ( pick: ( t: KeyTiming ) => number | null ) =>
		timings
			.map( pick )
			.filter( ( v ): v is number => v !== null && Number.isFinite( v ) );
	return {
		total: latency( numbers( ( t ) => t.totalMs ) ),
		wait: latency( numbers( ( t ) => t.waitMs ) ),
		request: latency( numbers( ( t ) => t.requestMs ) ),
		rest: latency( numbers( ( t ) => t.restMs ) ),
		afterWait: latency(
			numbers( ( t ) =>
				t.totalMs !== null && t.waitMs !== null
					? t.totalMs - t.waitMs
					: null
			)
		),
		noUpdate: timings.filter( ( t ) => t.totalMs === null ).length,
		cached: timings.filter( ( t ) => t.cached ).length,
	};
}

async function main(): Promise< void > {
	const argv = process.argv.slice( 2 );
	const url = option( argv, 'url', '' );
	if ( ! /^https?:\/\//.test( url ) ) {
		throw new Error( 'usage: tsx bench/search-browser.ts --url PAGE_URL' );
	}
	const wanted = Number( option( argv, 'keystrokes', '60' ) );
	const out = resolve(
		ROOT,
		option( argv, 'out', 'artifacts/bench/search-browser' )
	);

	const browser = await launchChromium();
	const timings: KeyTiming[] = [];
	const notes: string[] = [];
	try {
		const page = await browser.newPage();
		await page.addInitScript( { content: RECORDER } );
		await page.goto( url, { waitUntil: 'networkidle' } );
		if (
			( await page
				.locator( '.wp-block-switchboard-search input[type="search"]' )
				.count() ) === 0
		) {
			throw new Error(
				`${ url } has no switchboard/search block with a search field`
			);
		}
		const queries = queriesToType( 80 );
		const pace = random( 4242 );
		const pause = () => 60 + Math.round( pace() * 160 );
		// Warm-up: the first query fills opcache, the gateway's route cache and the page's JIT; not measured.
		await typeQuery( page, queries[ 0 ], 'paced', pause );
		await clear( page );
		let q = 1;
		for ( const mode of [ 'paced', 'typing' ] as const ) {
			const start = timings.length;
			while ( timings.length - start < wanted && q < queries.length ) {
				timings.push(
					...( await typeQuery( page, queries[ q ], mode, pause ) )
				);
				q++;
				await clear( page );
			}
			if ( timings.length - start < wanted ) {
				notes.push(
					`${ mode }: only ${ timings.length - start } keys measured (ran out of queries)`
				);
			}
		}
	} finally {
		await browser.close();
	}

	const paced = summarize( timings.filter( ( t ) => t.mode === 'paced' ) );
	const typing = summarize( timings.filter( ( t ) => t.mode === 'typing' ) );
	const row = ( label: string, s: ReturnType< typeof summarize > ) => [
		label,
		String( s.total.count + s.noUpdate ),
		show( s.total.p50, ' ms' ),
		show( s.total.p95, ' ms' ),
		show( s.wait.p50, ' ms' ),
		show( s.request.p50, ' ms' ),
		show( s.request.p95, ' ms' ),
		show( s.rest.p50, ' ms' ),
		show( s.afterWait.p95, ' ms' ),
		String( s.cached ),
		String( s.noUpdate ),
	];
	// Fewer than 50 keys, or a key whose results never came, is a failed run, not a pass.
	let ok: boolean | null = null;
	if ( paced.total.count > 0 ) {
		ok =
			paced.total.count >= 50 &&
			paced.noUpdate === 0 &&
			paced.total.p95 <= TARGET_P95_MS;
	}
	const markdown = [
		'## Search: keystroke to results in Chromium (switchboard/search, instant mode)',
		'',
		table(
			[
				'typing',
				'keys measured',
				'keydown → results p50',
				'p95',
				'wait before request p50',
				'request p50',
				'request p95',
				'after response p50',
				'request start → results p95',
				'no request (client cache)',
				`no update within ${ UPDATE_TIMEOUT_MS / 1000 } s`,
			],
			[
				row( 'paced (each key waits for its results)', paced ),
				row( 'human pace (60-220 ms between keys)', typing ),
			]
		),
		'',
		table(
			[ 'target', 'measured', 'result' ],
			[
				[
					`keystroke to results p95 ≤ ${ TARGET_P95_MS } ms (paced, ≥ 50 keys, every key updated)`,
					show( paced.total.p95, ' ms' ),
					verdict( ok ),
				],
			]
		),
		'',
		`- Page: ${ url } (native WordPress on nginx + php-fpm with opcache and MariaDB; its gateway route → the real search service holding a few hundred generated posts). Chromium ${ CHROMIUM_PATH }, headless.`,
		'- Measured in the page: keydown (event time) → the summary heading names the input (MutationObserver) → next animation frame. "wait before request" is scheduling, and the end of a request still on its way (the block keeps one in flight); "request" is Resource Timing of the gateway call; "after response" is parsing and rendering.',
		'- Human pace: a key that a later key supersedes is measured to the first results that show its input or a later one.',
		'- A key searches at once; a key typed while a request is on its way is searched (with the latest text) as soon as that one ends, so keydown → results may include the end of the earlier request by design; "request start → results" is the rest (the gateway, the service, rendering).',
		...notes.map( ( n ) => `- ${ n }` ),
	].join( '\n' );
	writeReport( out, markdown, {
		generatedAt: new Date().toISOString(),
		url,
		targetP95Ms: TARGET_P95_MS,
		paced,
		typing,
		timings,
	} );
	if ( ok === null ) {
		process.stderr.write(
			'search-browser: no keystroke produced results; is the block in instant mode and the service reachable?\n'
		);
	}
}

// Run as a script; imported (by the tests), it only provides its helpers.
if ( require.main === module ) {
	runScript( 'search-browser', main );
}
