/**
 * Tests of the feed benchmarks' own logic (what turns wrk's output and the browser's downloads into the
 * tables): `node --import tsx --test bench/feed-bench.test.ts`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import {
	describeModes,
	describeSetUp,
	parseModes,
	ratios,
	render,
	summarize,
} from './feed-gateway';
import { added, builtViewFiles, isReact } from './feed-weight';
import { gzipSize } from './lib-page-scripts';
import { median, parseWrk, toMilliseconds, type WrkRun } from './lib-wrk';

const WRK_OUTPUT = `Running 8s test @ http://127.0.0.1:9200/wp-json/switchboard/v1/feed/personal
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    21.10ms    5.02ms  80.31ms   85.00%
    Req/Sec   190.12     20.00   240.00     70.00%
  Latency Distribution
     50%   20.50ms
     75%   23.00ms
     90%   27.00ms
     99%    1.02s
  3040 requests in 8.01s, 2.10MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:    379.52
Transfer/sec:    268.44KB
Feed modes: personalized 2700, holdout 300, cold 30, fallback 0, other 6, non-200 4
`;

function run( requestsPerSecond: number, p50Ms: number ): WrkRun {
	return {
		requestsPerSecond,
		p50Ms,
		p99Ms: p50Ms * 3,
		requests: 100,
		non2xx: 0,
		socketErrors: 0,
	};
}

describe( 'feed-gateway', () => {
	it( 'reads wrk durations in milliseconds', () => {
		assert.equal( toMilliseconds( '812.00us' ), 0.812 );
		assert.equal( toMilliseconds( '44.10ms' ), 44.1 );
		assert.equal( toMilliseconds( '1.02s' ), 1020 );
		assert.ok( Number.isNaN( toMilliseconds( 'soon' ) ) );
	} );

	it( 'parses wrk --latency output and the mode line of feed-personal.lua', () => {
		assert.deepEqual( parseWrk( WRK_OUTPUT ), {
			requestsPerSecond: 379.52,
			p50Ms: 20.5,
			p99Ms: 1020,
			requests: 3040,
			non2xx: 4,
			socketErrors: 3,
		} );
		assert.equal( parseWrk( 'unable to connect to 127.0.0.1:9200' ), null );
		assert.deepEqual( parseModes( WRK_OUTPUT ), {
			personalized: 2700,
			holdout: 300,
			cold: 30,
			fallback: 0,
			other: 6,
			failed: 4,
		} );
		assert.equal( parseModes( 'Requests/sec: 1' ), null );
	} );

	it( 'takes medians of rates and latencies and totals of counts', () => {
		assert.equal( median( [ 3, 1, 2 ] ), 2 );
		assert.equal( median( [ 4, 1, 2, 3 ] ), 2.5 );
		assert.ok( Number.isNaN( median( [] ) ) );
		const modes = parseModes( WRK_OUTPUT );
		assert.ok( modes );
		const summary = summarize(
			[
				run( 100, 10 ),
				run( 300, 30 ),
				{ ...run( 200, 20 ), non2xx: 2 },
			],
			[ modes, modes ]
		);
		assert.equal( summary?.rounds, 3 );
		assert.equal( summary?.requestsPerSecond, 200 );
		assert.equal( summary?.p50Ms, 20 );
		assert.equal( summary?.requests, 300 );
		assert.equal( summary?.non2xx, 2 );
		assert.equal( summary?.modes?.personalized, 5400 );
		assert.equal( summarize( [], [] ), null );
	} );

	it( 'judges the cache hit on req/s and the personal route on its overhead over the service', () => {
		const summaries = {
			constant: summarize( [ run( 400, 10 ) ], [] ),
			cached: summarize( [ run( 500, 8 ) ], [] ),
			personal: summarize( [ run( 200, 24 ) ], [] ),
			direct: summarize( [ run( 900, 16 ) ], [] ),
		};
		const r = ratios( summaries );
		assert.equal( r.cachedRps, 1.25 );
		assert.equal( r.personalRps, 0.5 );
		assert.equal( r.personalOverhead, 0.8 );
		const markdown = render( summaries, [ 'set-up' ], [ 'a note' ] );
		assert.match(
			markdown,
			/\| public feed, cache hit: req\/s ≥ 1\.0 × the constant route \| 1\.25× \| PASS \|/
		);
		assert.match( markdown, /\| 0\.80 \| PASS \|/ );
		assert.match( markdown, /^- set-up$/m );
		assert.match( markdown, /^- a note$/m );

		const slow = {
			...summaries,
			personal: summarize( [ run( 100, 40 ) ], [] ),
		};
		assert.match( render( slow, [], [] ), /\| 2\.40 \| FAIL \|/ );
	} );

	it( 'leaves out what did not run instead of inventing a ratio', () => {
		const summaries = { constant: summarize( [ run( 400, 10 ) ], [] ) };
		assert.deepEqual( ratios( summaries ), {
			cachedRps: null,
			personalRps: null,
			cachedP50: null,
			personalP50: null,
			personalOverhead: null,
		} );
		const markdown = render( summaries, [], [] );
		assert.match(
			markdown,
			/POST \/v1\/feed\/personal on the service directly \| not measured/
		);
		assert.equal( ( markdown.match( /\| n\/a \|/g ) ?? [] ).length, 2 );
	} );

	it( "describes the site's set-up, including a history that could not be given", () => {
		assert.equal(
			describeSetUp(
				JSON.stringify( {
					pages: {},
					indexed: 300,
					via: 'index',
					catalogue: 300,
					visitors: 200,
					signals: 2400,
					error: null,
					probe: { mode: 'personalized', items: 6 },
				} )
			),
			"set-up: 300 posts sent to the service (POST /v1/index/documents), its manifest counts 300; 200 visitors given 2,400 view signals; the first visitor's feed from the service: mode personalized, 6 items"
		);
		assert.match(
			describeSetUp(
				JSON.stringify( {
					indexed: 300,
					via: 'events',
					catalogue: null,
					visitors: 200,
					signals: 0,
					error: 'POST /v1/signals: failed',
					probe: { error: 'switchboard_service_error' },
				} )
			),
			/as signed post\.published events\), its manifest counts n\/a; 200 visitors given 0 view signals \(stopped: POST \/v1\/signals: failed\); the first visitor's feed from the service: error switchboard_service_error$/
		);
	} );

	it( 'describes the modes the personal runs were answered in', () => {
		assert.equal(
			describeModes( {
				personalized: 1200,
				holdout: 130,
				cold: 0,
				fallback: 0,
				other: 0,
				failed: 2,
			} ),
			'1,200 personalized, 130 holdout, 2 non-200'
		);
	} );
} );

describe( 'feed-weight', () => {
	const script = (
		url: string,
		origin: 'switchboard' | 'wordpress' | 'theme',
		gzip: number
	) => ( {
		url,
		origin,
		bytes: gzip * 3,
		gzip,
	} );

	it( 'counts only what the page with the block downloads and the other does not', () => {
		const shared = script(
			'http://x/wp-includes/js/dist/script-modules/interactivity/index.min.js',
			'wordpress',
			14000
		);
		const view = script(
			'http://x/wp-content/plugins/switchboard/build/feed/view.js?ver=1',
			'switchboard',
			2600
		);
		const apiFetch = script(
			'http://x/wp-includes/js/dist/api-fetch.min.js',
			'wordpress',
			2400
		);
		const theme = script(
			'http://x/wp-content/themes/t/x.js',
			'theme',
			10
		);
		const result = added( [ shared, view, apiFetch, theme ], [ shared ] );
		assert.deepEqual( result.own, [ view ] );
		assert.deepEqual( result.shared, [ apiFetch ] );
		assert.deepEqual( result.other, [ theme ] );
	} );

	it( 'recognizes React and its WordPress wrapper by URL, handle and module id', () => {
		for ( const name of [
			'http://x/wp-includes/js/dist/vendor/react.min.js?ver=18',
			'http://x/wp-includes/js/dist/vendor/react-dom.js',
			'http://x/wp-includes/js/dist/element.min.js',
			'react-js',
			'wp-element-js',
			'@wordpress/element',
		] ) {
			assert.equal( isReact( name ), true, name );
		}
		for ( const name of [
			'http://x/wp-includes/js/dist/script-modules/interactivity/index.min.js',
			'http://x/wp-content/plugins/switchboard/build/feed/view.js',
			'wp-emoji-release-js',
			'@wordpress/interactivity',
		] ) {
			assert.equal( isReact( name ), false, name );
		}
	} );

	it( "weighs the block's built front-end files, never the editor script", () => {
		const folder = mkdtempSync( join( tmpdir(), 'feed-weight-' ) );
		try {
			writeFileSync(
				join( folder, 'index.js' ),
				'editor();'.repeat( 100 )
			);
			writeFileSync( join( folder, 'view.js' ), 'view();'.repeat( 50 ) );
			writeFileSync( join( folder, '123.js' ), 'chunk();' );
			writeFileSync(
				join( folder, 'view.asset.php' ),
				'<?php return [];'
			);
			assert.deepEqual(
				builtViewFiles( folder ).map( ( f ) => [ f.file, f.gzip ] ),
				[
					[ '123.js', gzipSize( 'chunk();' ) ],
					[ 'view.js', gzipSize( 'view();'.repeat( 50 ) ) ],
				]
			);
			assert.deepEqual( builtViewFiles( join( folder, 'missing' ) ), [] );
		} finally {
			rmSync( folder, { recursive: true, force: true } );
		}
	} );
} );
