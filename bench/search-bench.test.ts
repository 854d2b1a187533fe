/**
 * Tests of the search benchmarks' own logic (what turns raw timings into the tables):
 * `node --import tsx --test bench/search-bench.test.ts`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';

import { type PageRecord, showsQuery, timingsOf } from './search-browser';
import { sample, serviceFigures } from './search-native';
import { latency, option, percentile, table } from './search-stats';
import {
	gzipSize,
	originOf,
	weightOptions,
	shortName,
} from './lib-page-scripts';

describe( 'search-stats', () => {
	it( 'takes percentiles by nearest rank, never interpolating', () => {
		const values = Array.from( { length: 100 }, ( _, i ) => 100 - i );
		assert.equal( percentile( values, 50 ), 50 );
		assert.equal( percentile( values, 95 ), 95 );
		assert.equal( percentile( [ 3, 1, 2 ], 95 ), 3 );
		assert.ok( Number.isNaN( percentile( [], 50 ) ) );
		assert.deepEqual( latency( [ 10, 20, 30, 40 ] ), {
			count: 4,
			p50: 20,
			p95: 40,
			max: 40,
		} );
	} );

	it( 'writes Markdown tables with escaped pipes and reads options', () => {
		assert.equal(
			table( [ 'a', 'b' ], [ [ '1', 'x|y' ] ] ),
			'| a | b |\n| --- | --- |\n| 1 | x\\|y |'
		);
		assert.equal( option( [ '--sizes=1,2' ], 'sizes', '9' ), '1,2' );
		assert.equal( option( [ '--site', 'bench' ], 'site', '' ), 'bench' );
		assert.equal( option( [], 'site', 'none' ), 'none' );
	} );
} );

describe( 'search-native', () => {
	it( 'samples distinct queries evenly across the pool', () => {
		const pool = [ 'a', 'b', 'a', 'c', 'd', 'e', 'f', 'g' ];
		assert.deepEqual( sample( pool, 3 ), [ 'a', 'c', 'e' ] );
		assert.deepEqual( sample( pool, 10 ), [
			'a',
			'b',
			'c',
			'd',
			'e',
			'f',
			'g',
		] );
	} );

	it( "finds the service's HTTP latency for a size, not the in-process one", () => {
		const data = {
			seed: 1,
			results: [
				{
					documents: 10000,
					http: { search: { p50: 2, p95: 5 } },
					engine: { search: { p50: 1, p95: 3 } },
				},
				{
					documents: 100000,
					engine: { search: { p50: 4, p95: 9 } },
					http: { search: { p50: 6, p95: 14 } },
				},
			],
		};
		assert.deepEqual( serviceFigures( data, 100000, 'f' ), {
			p50: 6,
			p95: 14,
			source: 'f $.results[1].http.search',
		} );
		assert.equal( serviceFigures( data, 5000, 'f' ), null );
	} );
} );

describe( 'search-browser', () => {
	it( 'recognizes the summary heading of a query (contract C5)', () => {
		assert.ok( showsQuery( '3 results for “wp query”', ' wp  query ' ) );
		assert.ok( showsQuery( 'No results for “zz”', 'zz' ) );
		assert.ok( ! showsQuery( '3 results for “wp query”', 'wp' ) );
		assert.ok( ! showsQuery( '3 results for “wp”', '' ) );
	} );

	it( 'measures each key to the results of its input, split by Resource Timing', () => {
		const rec: PageRecord = {
			keys: [
				{ t: 100, key: 'a' },
				{ t: 200, key: 'b' },
				{ t: 300, key: ' ' },
				{ t: 400, key: 'c' },
			],
			inputs: [],
			updates: [
				{ t: 330, painted: 340, summary: '9 results for “ab”' },
				{ t: 600, painted: 610, summary: '2 results for “ab c”' },
			],
			requests: [
				{ q: 'ab', start: 250, end: 320 },
				{ q: 'ab c', start: 550, end: 590 },
			],
		};
		const typed = [ 'a', 'ab', 'ab ', 'ab c' ];
		const paced = timingsOf( rec, 0, 'paced', 'ab c', typed );
		// "a" never showed (paced needs its own results); the space changes nothing and is not measured.
		assert.deepEqual(
			paced.map( ( t ) => [
				t.value,
				t.totalMs,
				t.waitMs,
				t.requestMs,
				t.restMs,
			] ),
			[
				[ 'a', null, null, null, null ],
				[ 'ab', 140, 50, 70, 20 ],
				[ 'ab c', 210, 150, 40, 20 ],
			]
		);
		const typing = timingsOf( rec, 0, 'typing', 'ab c', typed );
		// At a human pace, "a" counts until the first results that show it or a later input ("ab").
		assert.equal( typing[ 0 ].totalMs, 240 );
		assert.equal( typing[ 0 ].waitMs, 150 );
	} );
} );

describe( 'search-weight', () => {
	it( 'classifies scripts by where they come from', () => {
		assert.equal(
			originOf(
				'http://x.test/wp-content/plugins/switchboard/build/search/view.js?ver=1'
			),
			'switchboard'
		);
		assert.equal(
			originOf( 'http://x.test/wp-includes/js/dist/api-fetch.min.js' ),
			'wordpress'
		);
		assert.equal(
			originOf( 'http://x.test/wp-content/themes/t/a.js' ),
			'theme'
		);
		assert.equal( originOf( 'http://cdn.test/lib.js' ), 'other' );
	} );

	it( 'weighs exactly what gzip -9 writes', () => {
		const text = 'export const a = ( b ) => b * 2;\n'.repeat( 300 );
		const gzip = spawnSync( 'gzip', [ '-9c' ], { input: text } );
		assert.equal( gzip.status, 0 );
		assert.equal( gzipSize( text ), gzip.stdout.length );
	} );

	it( 'reads each compared page URL and the report path, and refuses a missing or non-http URL', () => {
		const argv = [
			'--core',
			'http://x.test/core/',
			'--none=https://x.test/',
		];
		const { urls, out } = weightOptions( argv, [ 'core', 'none' ], 'w' );
		assert.deepEqual( urls, {
			core: 'http://x.test/core/',
			none: 'https://x.test/',
		} );
		assert.equal( out, resolve( __dirname, '..', 'artifacts/bench/w' ) );
		assert.equal(
			weightOptions( [ ...argv, '--out=/tmp/x' ], [ 'core' ], 'w' ).out,
			'/tmp/x'
		);
		assert.throws(
			() => weightOptions( argv, [ 'core', 'switchboard' ], 'w' ),
			/^Error: usage: tsx bench\/w\.ts --core URL --switchboard URL$/
		);
		assert.throws(
			() =>
				weightOptions(
					[ '--core', 'file:///etc/passwd' ],
					[ 'core' ],
					'w'
				),
			/usage: /
		);
	} );

	it( 'names a script by its path from wp-content or wp-includes, without the version', () => {
		assert.equal(
			shortName(
				'http://x.test/blog/wp-includes/js/dist/a.min.js?ver=6.8'
			),
			'wp-includes/js/dist/a.min.js'
		);
		assert.equal( shortName( 'http://cdn.test/lib.js' ), '/lib.js' );
	} );
} );
