/**
 * WordPress's own search on the same generated content as the search service, side by side with it.
 *
 * For each size: the corpus (bench/search-corpus.ts, the generator the service bench uses) goes into the bench
 * site's MariaDB as real WordPress posts (bench/search-native-load.php), then a sample of the same generated
 * queries runs through `new WP_Query( [ 's' => $q, 'posts_per_page' => 10 ] )` in-process, timed one by one
 * (bench/search-native-query.php). The service's figures come from artifacts/bench/search-service.json (written
 * by bench/search-service.ts earlier in the same `npm run bench`), and the table shows native p95 / service p95.
 *
 * Usage: tsx bench/search-native.ts --site NAME [--sizes=10000,100000] [--queries=50,12] [--warmup=3,1]
 *        [--seconds=60,90] (per size: stop timing after this long, once 3 queries are timed; 0: no limit)
 *        [--seed=N] [--service=artifacts/bench/search-service.json] [--out=artifacts/bench/search-native]
 * Needs the site running on MariaDB (bin/wp-server start --name NAME --db mariadb). Its content is replaced.
 */
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';

import { generateDocuments, generateQueries } from './search-corpus';
import {
	type Latency,
	latency,
	option,
	round,
	show,
	table,
	verdict,
	writeReport,
} from './search-stats';
import { runScript } from './lib-run';

const ROOT = resolve( __dirname, '..' );
/** How many generated queries the sample is drawn from (the service bench times at least 500). */
const QUERY_POOL = 500;

/** The service's figures at one size, as far as search-service.json has them. */
export interface ServiceFigures {
	p50: number | null;
	p95: number | null;
	source: string;
}

/** One size's native figures. */
interface NativeRun {
	documents: number;
	loadSeconds: number;
	queries: Latency;
	meanFound: number;
	slowest: { q: string; ms: number } | null;
	service: ServiceFigures | null;
	ratioP95: number | null;
}

/**
 * Runs `bin/wp-server php --name SITE FILE ARGS...`, optionally writing lines to its standard input, and
 * returns its standard output.
 *
 * @param site  Site name.
 * @param args  FILE and its arguments.
 * @param input Lines for standard input (a generator, written with backpressure), or null.
 */
async function wpPhp(
	site: string,
	args: string[],
	input: Iterable< string > | null
): Promise< string > {
	const child = spawn(
		join( ROOT, 'bin/wp-server' ),
		[ 'php', '--name', site, ...args ],
		{ stdio: [ input ? 'pipe' : 'ignore', 'pipe', 'inherit' ] }
	);
	let out = '';
	if ( ! child.stdout ) {
		throw new Error( 'bin/wp-server php has no standard output' );
	}
	child.stdout.setEncoding( 'utf8' );
	child.stdout.on( 'data', ( chunk: string ) => ( out += chunk ) );
	const exited = once( child, 'close' );
	if ( input && child.stdin ) {
		const stdin = child.stdin;
		let broken = false;
		stdin.on( 'error', () => ( broken = true ) );
		for ( const line of input ) {
			if ( broken ) {
				break;
			}
			if ( ! stdin.write( line ) ) {
				// A loader that died closes the pipe: its exit status, not EPIPE, says why.
				await Promise.race( [
					once( stdin, 'drain' ).catch( () => undefined ),
					exited,
				] );
			}
		}
		stdin.end();
	}
	const [ code ] = ( await exited ) as [ number | null ];
	if ( code !== 0 ) {
		throw new Error(
			`bin/wp-server php ${ args[ 0 ] } exited with ${ code }`
		);
	}
	return out;
}

/**
 * The corpus as JSON lines.
 *
 * @param count How many documents.
 * @param seed  Generator seed, or undefined for the generator's default.
 */
function* documentLines(
	count: number,
	seed: number | undefined
): Generator< string > {
	for ( const doc of generateDocuments( count, seed ) ) {
		yield `${ JSON.stringify( doc ) }\n`;
	}
}

/**
 * Evenly spaced queries from the generated pool, so a small sample keeps the pool's mix of query kinds.
 *
 * @param pool  All generated queries.
 * @param count How many to take.
 */
export function sample( pool: readonly string[], count: number ): string[] {
	const unique = [ ...new Set( pool ) ];
	if ( count >= unique.length ) {
		return unique;
	}
	const step = unique.length / count;
	return Array.from(
		{ length: count },
		( _, i ) => unique[ Math.floor( i * step ) ]
	);
}

/**
 * A number under any of several names in an object (the service bench's JSON shape is its own).
 *
 * @param object Object.
 * @param names  Candidate keys.
 */
function numberAt(
	object: Record< string, unknown >,
	names: readonly string[]
): number | null {
	for ( const name of names ) {
		const value = object[ name ];
		if ( typeof value === 'number' && Number.isFinite( value ) ) {
			return value;
		}
	}
	return null;
}

/**
 * The service's HTTP query latency at one size from search-service.json: the object that names the size
 * (documents/size/count) and holds p50/p95, preferring figures measured over HTTP to in-process ones.
 *
 * @param data JSON of the service bench.
 * @param size Number of documents.
 * @param file Where the JSON came from.
 */
export function serviceFigures(
	data: unknown,
	size: number,
	file: string
): ServiceFigures | null {
	const found: { p50: number | null; p95: number; path: string }[] = [];
	const walk = ( node: unknown, path: string, inSize: boolean ) => {
		if ( Array.isArray( node ) ) {
			node.forEach( ( item, i ) =>
				walk( item, `${ path }[${ i }]`, inSize )
			);
			return;
		}
		if ( ! node || typeof node !== 'object' ) {
			return;
		}
		const object = node as Record< string, unknown >;
		const sized =
			inSize ||
			numberAt( object, [
				'documents',
				'size',
				'count',
				'docs',
				'documentCount',
			] ) === size ||
			path.endsWith( `.${ size }` );
		const p95 = numberAt( object, [ 'p95', 'p95Ms', 'p95_ms' ] );
		if ( sized && p95 !== null ) {
			found.push( {
				p50: numberAt( object, [ 'p50', 'p50Ms', 'p50_ms' ] ),
				p95,
				path,
			} );
		}
		for ( const [ key, value ] of Object.entries( object ) ) {
			walk( value, `${ path }.${ key }`, sized );
		}
	};
	walk( data, '$', false );
	if ( found.length === 0 ) {
		return null;
	}
	// HTTP figures are what a visitor's query costs; the in-process ones leave out the server.
	const best =
		found.find(
			( f ) =>
				/http/i.test( f.path ) &&
				! /engine|inprocess|in_process/i.test( f.path )
		) ??
		found.find(
			( f ) => ! /engine|inprocess|in_process/i.test( f.path )
		) ??
		found[ 0 ];
	return { p50: best.p50, p95: best.p95, source: `${ file } ${ best.path }` };
}

/**
 * A list of integers from a comma-separated option.
 *
 * @param text  Option value.
 * @param label Name for the error.
 */
function integers( text: string, label: string ): number[] {
	const values = text.split( ',' ).map( ( v ) => Number( v.trim() ) );
	if ( values.some( ( v ) => ! Number.isInteger( v ) || v < 0 ) ) {
		throw new Error(
			`--${ label } takes comma-separated whole numbers, not "${ text }"`
		);
	}
	return values;
}

async function main(): Promise< void > {
	const argv = process.argv.slice( 2 );
	const site = option( argv, 'site', '' );
	if ( ! /^[A-Za-z0-9_-]+$/.test( site ) ) {
		throw new Error(
			'usage: tsx bench/search-native.ts --site NAME [--sizes=10000,100000]'
		);
	}
	const sizes = integers( option( argv, 'sizes', '10000,100000' ), 'sizes' );
	const counts = integers( option( argv, 'queries', '50,12' ), 'queries' );
	const warmups = integers( option( argv, 'warmup', '3,1' ), 'warmup' );
	const budgets = integers( option( argv, 'seconds', '60,90' ), 'seconds' );
	const seedText = option( argv, 'seed', '' );
	const seed = seedText === '' ? undefined : Number( seedText );
	const serviceFile = resolve(
		ROOT,
		option( argv, 'service', 'artifacts/bench/search-service.json' )
	);
	const out = resolve(
		ROOT,
		option( argv, 'out', 'artifacts/bench/search-native' )
	);

	const serviceData: unknown = existsSync( serviceFile )
		? JSON.parse( readFileSync( serviceFile, 'utf8' ) )
		: null;
	const pool = generateQueries( QUERY_POOL, seed );
	const work = mkdtempSync( join( tmpdir(), 'switchboard-search-native-' ) );
	const runs: NativeRun[] = [];
	let database = 'MariaDB';
	try {
		for ( const [ i, size ] of sizes.entries() ) {
			const count = counts[ Math.min( i, counts.length - 1 ) ];
			const warmup = warmups[ Math.min( i, warmups.length - 1 ) ];
			const budget = budgets[ Math.min( i, budgets.length - 1 ) ];
			process.stderr.write(
				`search-native: loading ${ size } documents into WordPress (MariaDB)\n`
			);
			const loaded = JSON.parse(
				(
					await wpPhp(
						site,
						[ join( ROOT, 'bench/search-native-load.php' ) ],
						documentLines( size, seed )
					)
				).trim()
			) as { documents: number; seconds: number };
			if ( loaded.documents !== size ) {
				throw new Error(
					`the loader stored ${ loaded.documents } documents, not ${ size }`
				);
			}
			const queries = sample( pool, count + warmup );
			const file = join( work, `queries-${ size }.json` );
			writeFileSync( file, JSON.stringify( queries ) );
			process.stderr.write(
				`search-native: ${ size } documents loaded in ${ loaded.seconds }s; timing up to ${ queries.length - warmup } WP_Query searches in ${ budget || 'unlimited' } s (${ warmup } warm-up)\n`
			);
			const answer = JSON.parse(
				(
					await wpPhp(
						site,
						[
							join( ROOT, 'bench/search-native-query.php' ),
							file,
							String( warmup ),
							String( budget ),
							'3',
						],
						null
					)
				).trim()
			) as {
				queries: { q: string; ms: number; found: number }[];
				database: string;
				bufferPool: number;
			};
			const timed = answer.queries;
			database = `${ answer.database }, InnoDB buffer pool ${ Math.round(
				answer.bufferPool / 1048576
			) } MB`;
			const ms = timed.map( ( t ) => t.ms );
			const stats = latency( ms );
			const slowest = timed.reduce< { q: string; ms: number } | null >(
				( worst, t ) =>
					! worst || t.ms > worst.ms ? { q: t.q, ms: t.ms } : worst,
				null
			);
			const service = serviceData
				? serviceFigures( serviceData, size, 'search-service.json' )
				: null;
			runs.push( {
				documents: size,
				loadSeconds: loaded.seconds,
				queries: stats,
				meanFound: round(
					timed.reduce( ( s, t ) => s + t.found, 0 ) /
						Math.max( 1, timed.length )
				),
				slowest,
				service,
				ratioP95: service?.p95
					? round( stats.p95 / service.p95 )
					: null,
			} );
		}
	} finally {
		rmSync( work, { recursive: true, force: true } );
	}

	const rows = runs.map( ( r ) => [
		r.documents.toLocaleString( 'en-US' ),
		String( r.queries.count ),
		show( r.queries.p50, ' ms' ),
		show( r.queries.p95, ' ms' ),
		show( r.service?.p50, ' ms' ),
		show( r.service?.p95, ' ms' ),
		r.ratioP95 === null ? 'n/a' : `${ show( r.ratioP95 ) }x`,
		show( r.meanFound ),
		show( r.loadSeconds, ' s' ),
	] );
	const targets = runs
		.filter( ( r ) => r.documents === 100000 )
		.map( ( r ) => [
			'service p95 at 100,000 documents ≤ 20 ms (from the service bench)',
			show( r.service?.p95, ' ms' ),
			verdict(
				r.service?.p95 === null || r.service === null
					? null
					: r.service.p95 <= 20
			),
		] );
	const markdown = [
		'## Search: WordPress native search vs the search service',
		'',
		table(
			[
				'documents',
				'native queries timed',
				'native p50',
				'native p95',
				'service p50',
				'service p95',
				'native p95 / service p95',
				'native mean matches',
				'load into WordPress',
			],
			rows
		),
		'',
		...( targets.length
			? [ table( [ 'target', 'measured', 'result' ], targets ), '' ]
			: [] ),
		`- Native: \`new WP_Query( [ 's' => $q, 'posts_per_page' => 10 ] )\` in-process on MariaDB ${ database } (bin/wp-server's site on its own mariadbd), object cache's post-queries group emptied before each query; posts bulk-loaded as WordPress stores them (slugs, guids, categories, tags, authors, term counts).`,
		`- Queries: an evenly spaced sample of the first ${ QUERY_POOL } of generateQueries() (the generator the service bench uses), after warm-up queries that are not timed; timing stops after ${ budgets.join( ' / ' ) } s per size (once 3 are timed), so fewer at 100,000 documents, where every LIKE query scans all post content.`,
		`- Service figures: ${ runs.map( ( r ) => r.service?.source ?? `none for ${ r.documents }` ).join( '; ' ) }${ serviceData ? '' : ' (artifacts/bench/search-service.json does not exist: run bench/search-service.ts first)' }.`,
		...runs.map(
			( r ) =>
				`- Slowest native query at ${ r.documents.toLocaleString( 'en-US' ) }: ${ JSON.stringify( r.slowest?.q ?? '' ) } (${ show( r.slowest?.ms, ' ms' ) }).`
		),
	].join( '\n' );
	writeReport( out, markdown, {
		generatedAt: new Date().toISOString(),
		queryPool: QUERY_POOL,
		runs,
	} );
}

// Run as a script; imported (by the tests), it only provides its helpers.
if ( require.main === module ) {
	runScript( 'search-native', main, false );
}
