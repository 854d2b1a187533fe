/**
 * The search service benchmark: for each corpus size, starts the real service process on a fresh data folder,
 * indexes the generated corpus through POST /v1/index/documents (end to end over HTTP, durable before each
 * answer), then runs the generated queries through GET /v1/search with real gateway tokens, sequentially.
 * The same queries also run against the engine in this process (no HTTP), so the HTTP cost is visible.
 *
 * Usage: npx tsx bench/search-service.ts [--sizes=10000,100000] [--queries=600] [--warmup=100] [--seed=1]
 * Writes artifacts/bench/search-service.json and .md. Port 4701 (service); the key server takes any free port.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	toDocument,
	type PublishedPostData,
} from '../services/search/src/documents';
import { createEngine } from '../services/search/src/engine/create';
import {
	startWordpress,
	type Wordpress,
} from '../services/search/test/helpers';
import { generateDocuments, generateQueries } from './search-corpus';
import {
	failureText,
	latency,
	log,
	memory,
	startService as startProcess,
	stopService,
	writeArtifacts,
	type Latency,
	type StartedService,
} from './lib-service';
import { option } from './search-stats';

const SERVICE_PORT = 4701;
const BATCH = 500;
const TARGET_P95_MS = 20;
const TARGET_P95_SIZE = 100_000;
const TARGET_DOCS_PER_SECOND = 2000;

/**
 * A `--name=value` (or `--name value`) argument.
 *
 * @param name     Argument name.
 * @param fallback Default.
 */
function argument( name: string, fallback: string ): string {
	return option( process.argv.slice( 2 ), name, fallback );
}

const SIZES = argument( 'sizes', '10000,100000' ).split( ',' ).map( Number );
const QUERIES = Number( argument( 'queries', '600' ) );
const WARMUP = Number( argument( 'warmup', '100' ) );
const SEED = Number( argument( 'seed', '1' ) );

/** WordPress's part (the JWKS the service fetches, tokens as the gateway signs them): the service tests' own. */
type Keys = Wordpress;

/**
 * Starts the service process and waits until it answers an authorized search (the index is loaded and the
 * service verifies tokens against the key server, not merely listening).
 *
 * @param keys    The key server.
 * @param dataDir Fresh data folder.
 */
function startService(
	keys: Keys,
	dataDir: string
): Promise< StartedService > {
	return startProcess( {
		name: 'search',
		port: SERVICE_PORT,
		wordpressUrl: keys.url,
		dataDir,
		readyPath: '/v1/search?q=ready',
		readyHeaders: () => ( { Authorization: `Bearer ${ keys.token() }` } ),
		timeoutMs: 600_000,
		label: 'The service',
	} );
}

interface SizeResult {
	documents: number;
	corpusMb: number;
	http: {
		indexSeconds: number;
		docsPerSecond: number;
		search: Latency;
		rssAfterIndexMb: number;
		rssAfterQueriesMb: number;
		peakRssMb: number;
		restartLoadMs: number;
		shutdownMs: number;
	};
	engine: { indexSeconds: number; docsPerSecond: number; search: Latency };
	averageTotal: number;
	zeroResultQueries: number;
}

/**
 * @param keys The key server.
 * @param size Documents.
 */
async function runSize( keys: Keys, size: number ): Promise< SizeResult > {
	log( `\n## ${ size } documents: generating…` );
	const documents = [ ...generateDocuments( size, SEED ) ];
	const batches: string[] = [];
	for ( let i = 0; i < documents.length; i += BATCH ) {
		batches.push(
			JSON.stringify( { documents: documents.slice( i, i + BATCH ) } )
		);
	}
	const corpusBytes = batches.reduce(
		( sum, batch ) => sum + Buffer.byteLength( batch ),
		0
	);
	const queries = generateQueries( WARMUP + QUERIES, SEED );

	const dataDir = mkdtempSync(
		join( tmpdir(), 'switchboard-search-bench-' )
	);
	try {
		let { child, url } = await startService( keys, dataDir );

		log( `indexing ${ batches.length } batches over HTTP…` );
		const indexStarted = performance.now();
		for ( const body of batches ) {
			const response = await fetch( `${ url }/v1/index/documents`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${ keys.token() }`,
					'Content-Type': 'application/json',
				},
				body,
			} );
			const answer = ( await response.json() ) as {
				indexed?: number;
				rejected?: unknown[];
			};
			if (
				response.status !== 200 ||
				( answer.rejected?.length ?? 0 ) > 0
			) {
				throw new Error(
					`Indexing failed: ${ response.status } ${ JSON.stringify( answer ).slice( 0, 300 ) }`
				);
			}
		}
		const indexSeconds = ( performance.now() - indexStarted ) / 1000;
		const afterIndex = memory( child.pid as number );
		log( `indexed in ${ indexSeconds.toFixed( 1 ) } s; querying…` );

		const samples: number[] = [];
		let totals = 0;
		let zero = 0;
		for ( const [ i, q ] of queries.entries() ) {
			const token = keys.token();
			const started = performance.now();
			const response = await fetch(
				`${ url }/v1/search?${ new URLSearchParams( { q } ) }`,
				{
					headers: { Authorization: `Bearer ${ token }` },
				}
			);
			const body = ( await response.json() ) as { total: number };
			const elapsed = performance.now() - started;
			if ( response.status !== 200 ) {
				throw new Error(
					`Search ${ q } failed: ${ response.status } ${ JSON.stringify( body ) }`
				);
			}
			if ( i >= WARMUP ) {
				samples.push( elapsed );
				totals += body.total;
				zero += body.total === 0 ? 1 : 0;
			}
		}
		const afterQueries = memory( child.pid as number );
		const shutdownMs = await stopService( child );

		// Durability: the same folder loads again, with every document.
		const restarted = await startService( keys, dataDir );
		( { child, url } = restarted );
		const restartLoadMs = restarted.loadMs;
		const ready = ( await ( await fetch( `${ url }/ready` ) ).json() ) as {
			documents: number;
		};
		if ( ready.documents !== size ) {
			throw new Error(
				`After a restart the index holds ${ ready.documents } documents, not ${ size }.`
			);
		}
		await stopService( child );

		log( 'the same queries in process (no HTTP)…' );
		const engine = createEngine();
		const engineStarted = performance.now();
		for ( const data of documents ) {
			const document = toDocument( data as unknown as PublishedPostData );
			if ( document !== null ) {
				engine.upsert( document );
			}
		}
		const engineIndexSeconds = ( performance.now() - engineStarted ) / 1000;
		const engineSamples: number[] = [];
		for ( const [ i, text ] of queries.entries() ) {
			const started = performance.now();
			engine.search( {
				text,
				page: 1,
				perPage: 10,
				sort: 'relevance',
				filters: { facets: {} },
			} );
			if ( i >= WARMUP ) {
				engineSamples.push( performance.now() - started );
			}
		}

		return {
			documents: size,
			corpusMb: Math.round( corpusBytes / 1024 / 1024 ),
			http: {
				indexSeconds: Number( indexSeconds.toFixed( 2 ) ),
				docsPerSecond: Math.round( size / indexSeconds ),
				search: latency( samples ),
				rssAfterIndexMb: afterIndex.rssMb,
				rssAfterQueriesMb: afterQueries.rssMb,
				peakRssMb: afterQueries.peakMb,
				restartLoadMs,
				shutdownMs,
			},
			engine: {
				indexSeconds: Number( engineIndexSeconds.toFixed( 2 ) ),
				docsPerSecond: Math.round( size / engineIndexSeconds ),
				search: latency( engineSamples ),
			},
			averageTotal: Math.round( totals / samples.length ),
			zeroResultQueries: zero,
		};
	} finally {
		rmSync( dataDir, { recursive: true, force: true } );
	}
}

/**
 * @param results Per size.
 */
function markdown( results: SizeResult[] ): { text: string; pass: boolean } {
	const lines = [
		'# Search service benchmark',
		'',
		`Corpus: bench/search-corpus.ts, seed ${ SEED }; ${ QUERIES } timed queries after ${ WARMUP } warm-up, ` +
			'sequential, one fresh gateway token each; batches of 500 documents.',
		`Machine: ${ process.platform } ${ process.arch }, Node ${ process.version }, ${
			(
				readFileSync( '/proc/cpuinfo', 'utf8' ).match(
					/^processor/gm
				) ?? []
			).length
		} CPUs. ${ new Date().toISOString() }`,
		'',
		'| documents | corpus MB | index docs/s (HTTP) | HTTP p50 ms | HTTP p95 ms | HTTP p99 ms | engine p50 ms | engine p95 ms | engine p99 ms | engine docs/s | RSS MB (peak) | restart load ms | mean hits | no hits |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for ( const r of results ) {
		lines.push(
			`| ${ r.documents.toLocaleString( 'en' ) } | ${ r.corpusMb } | ${ r.http.docsPerSecond } | ${ r.http.search.p50 } | ${
				r.http.search.p95
			} | ${ r.http.search.p99 } | ${ r.engine.search.p50 } | ${ r.engine.search.p95 } | ${ r.engine.search.p99 } | ${
				r.engine.docsPerSecond
			} | ${ r.http.rssAfterQueriesMb } (${ r.http.peakRssMb }) | ${ r.http.restartLoadMs } | ${ r.averageTotal } | ${
				r.zeroResultQueries
			} |`
		);
	}
	lines.push( '' );
	let pass = true;
	for ( const r of results ) {
		const indexing = r.http.docsPerSecond >= TARGET_DOCS_PER_SECOND;
		pass &&= indexing;
		lines.push(
			`- ${ indexing ? 'PASS' : 'FAIL' }: indexing at ${ r.documents.toLocaleString( 'en' ) } documents, ${
				r.http.docsPerSecond
			} docs/s (target ≥ ${ TARGET_DOCS_PER_SECOND })`
		);
		if ( r.documents === TARGET_P95_SIZE ) {
			const fast = r.http.search.p95 <= TARGET_P95_MS;
			pass &&= fast;
			lines.push(
				`- ${ fast ? 'PASS' : 'FAIL' }: p95 at 100,000 documents, ${ r.http.search.p95 } ms over HTTP (target ≤ ${ TARGET_P95_MS } ms)`
			);
		}
	}
	if ( ! results.some( ( r ) => r.documents === TARGET_P95_SIZE ) ) {
		lines.push(
			'- NOT MEASURED: p95 at 100,000 documents (add 100000 to --sizes)'
		);
	}
	return { text: lines.join( '\n' ) + '\n', pass };
}

/** Runs every size, then writes and prints the report. */
async function main(): Promise< void > {
	const keys = await startWordpress();
	const results: SizeResult[] = [];
	try {
		for ( const size of SIZES ) {
			results.push( await runSize( keys, size ) );
		}
	} finally {
		await keys.close();
	}
	const { text, pass } = markdown( results );
	writeArtifacts(
		'search-service',
		{ seed: SEED, queries: QUERIES, warmup: WARMUP, results, pass },
		text
	);
	process.stdout.write( `\n${ text }` );
	process.exitCode = pass ? 0 : 1;
}

main().catch( ( error: unknown ) => {
	log( failureText( error ) );
	process.exitCode = 2;
} );
