/**
 * The feed service benchmark (issue 6): generates 100,000 posts and 1,000,000 events into a fresh data folder
 * (bench/feed-generator.ts), starts the real service process on it with a testing JWKS (the kit's WordPress
 * stand-in, real EdDSA gateway tokens), then measures, sequentially and over HTTP:
 * - `POST /v1/feed/personal` for random profiles with mixed slots (1–3 slots of 3–12, some scoped, some with
 *   a context post and pinned posts), p50/p95/p99 over FEED_BENCH_REQUESTS (default 2,000) after a warm-up;
 * - `GET /v1/feed` (the non-personal list, popular and recent, some scoped);
 * - ingest: `POST /v1/signals` in batches of 20 from several concurrent clients, events per second, with one
 *   more client reading personal feeds meanwhile (their latency while signals are written).
 * Prints a closing table with PASS/FAIL against p95 ≤ 15 ms and writes artifacts/bench/feed-service.json/.md.
 *
 * Usage: npx tsx bench/feed-service.ts   (environment, defaults shown:
 *   FEED_BENCH_POSTS=100000 FEED_BENCH_EVENTS=1000000 FEED_BENCH_REQUESTS=2000 FEED_BENCH_WARMUP=200
 *   FEED_BENCH_INGEST_BATCHES=1000 FEED_BENCH_CLIENTS=4 FEED_BENCH_SEED=1)
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	gatewayRequest,
	startTestWordpress,
} from '../services/shared/src/testing';
import { generate, prng, signalType } from './feed-generator';
import {
	failureText,
	freePort,
	latency as summary,
	log,
	memory,
	startService,
	writeArtifacts,
	type Latency as Summary,
} from './lib-service';

const TARGET_P95_MS = 15;
const DAY = 86_400_000;

const setting = ( name: string, fallback: number ) => {
	const value = Number( process.env[ name ] ?? fallback );
	if ( ! Number.isFinite( value ) || value <= 0 ) {
		throw new Error( `${ name } must be a positive number.` );
	}
	return value;
};

const POSTS = setting( 'FEED_BENCH_POSTS', 100_000 );
const EVENTS = setting( 'FEED_BENCH_EVENTS', 1_000_000 );
const REQUESTS = setting( 'FEED_BENCH_REQUESTS', 2000 );
const WARMUP = setting( 'FEED_BENCH_WARMUP', 200 );
const INGEST_BATCHES = setting( 'FEED_BENCH_INGEST_BATCHES', 1000 );
const CLIENTS = setting( 'FEED_BENCH_CLIENTS', 4 );
const SEED = setting( 'FEED_BENCH_SEED', 1 );

/** The shared figures with their sample count (this report's n column). */
interface Latency extends Summary {
	n: number;
}

/**
 * Percentiles of samples in ms (nearest rank), with their count.
 *
 * @param samples Times in ms.
 */
function latency( samples: number[] ): Latency {
	return { ...summary( samples ), n: samples.length };
}

/**
 * One timed call; fails the bench on anything but a 200.
 *
 * @param url    Full URL.
 * @param init   Fetch options.
 * @param expect What the answer must have to count.
 */
async function timed(
	url: string,
	init: RequestInit,
	expect: ( body: unknown ) => boolean
): Promise< number > {
	const started = performance.now();
	const response = await fetch( url, init );
	const text = await response.text();
	const ms = performance.now() - started;
	if ( response.status !== 200 || ! expect( JSON.parse( text ) ) ) {
		throw new Error(
			`${ init.method } ${ url }: ${ response.status } ${ text.slice( 0, 300 ) }`
		);
	}
	return ms;
}

/** Runs the whole bench and prints the table. */
async function main(): Promise< void > {
	const dataDir = mkdtempSync( join( tmpdir(), 'switchboard-feed-bench-' ) );
	const keys = await startTestWordpress( { audience: 'feed' } );
	let child: ChildProcess | null = null;
	try {
		log(
			`Generating ${ POSTS.toLocaleString( 'en' ) } posts and ${ EVENTS.toLocaleString( 'en' ) } events…`
		);
		const generated = generate( {
			dataDir,
			posts: POSTS,
			events: EVENTS,
			seed: SEED,
			now: Date.now(),
			popularityHalfLifeMs: 3 * DAY,
		} );
		log(
			`  ${ generated.profiles.length.toLocaleString( 'en' ) } profiles in ${ generated.ms } ms`
		);

		const service = await startService( {
			name: 'feed',
			port: await freePort(),
			wordpressUrl: keys.url,
			dataDir,
			// Throughput is measured, not the per-profile limit (its tests cover it).
			env: { SWITCHBOARD_FEED_RATE_PER_MINUTE: '100000' },
			readyPath: '/ready',
			timeoutMs: 120_000,
			label: 'The feed service',
		} );
		child = service.child;
		log(
			`Service ready in ${ service.loadMs } ms (process start and catalogue load).`
		);
		const random = prng( SEED + 1 );
		const pick = < T >( list: readonly T[] ): T =>
			list[ Math.floor( random() * list.length ) ] as T;
		const postId = () => 1 + Math.floor( random() * POSTS );
		const category = () =>
			1 + Math.floor( random() ** 1.6 * generated.categories );

		// A personal request as the gateway sends it, for a random profile.
		const personalCall = (): [ string, RequestInit ] => {
			const key = pick( generated.profiles );
			const slotCount = 1 + Math.floor( random() * 3 );
			const slots = Array.from( { length: slotCount }, () => {
				const slot: Record< string, unknown > = {
					count: 3 + Math.floor( random() * 10 ),
				};
				const roll = random();
				if ( roll < 0.25 ) {
					slot.category = [ category() ];
				} else if ( roll < 0.4 ) {
					slot.exclude_category = [ category(), category() ];
				}
				if ( random() < 0.2 ) {
					slot.pinned = [ postId() ];
				}
				return slot;
			} );
			const body: Record< string, unknown > = { slots };
			if ( key.startsWith( 'a:' ) ) {
				body.visitor = key.slice( 2 );
			}
			if ( random() < 0.5 ) {
				body.context = postId();
			}
			const token = keys.token(
				key.startsWith( 'u:' ) ? { sub: key.slice( 2 ) } : {}
			);
			return [
				`${ service.url }/v1/feed/personal`,
				gatewayRequest( 'POST', JSON.stringify( body ), token ),
			];
		};
		const publicCall = (): [ string, RequestInit ] => {
			const query = new URLSearchParams( {
				per_page: String( 3 + Math.floor( random() * 10 ) ),
				order: random() < 0.7 ? 'popular' : 'recent',
			} );
			if ( random() < 0.3 ) {
				query.set( 'category', String( category() ) );
			}
			return [
				`${ service.url }/v1/feed?${ query }`,
				gatewayRequest( 'GET', undefined, keys.token() ),
			];
		};
		const hasSlots = ( body: unknown ) =>
			Array.isArray( ( body as { slots?: unknown } ).slots );
		const hasItems = ( body: unknown ) =>
			Array.isArray( ( body as { items?: unknown } ).items );

		log(
			`Personal feed: ${ WARMUP } warm-up, then ${ REQUESTS } timed requests…`
		);
		const modes: Record< string, number > = {};
		for ( let i = 0; i < WARMUP; i++ ) {
			await timed( ...personalCall(), hasSlots );
		}
		const personal: number[] = [];
		for ( let i = 0; i < REQUESTS; i++ ) {
			const [ url, init ] = personalCall();
			personal.push(
				await timed( url, init, ( body ) => {
					const mode = ( body as { mode: string } ).mode;
					modes[ mode ] = ( modes[ mode ] ?? 0 ) + 1;
					return hasSlots( body );
				} )
			);
		}
		log( `Public feed: ${ Math.round( REQUESTS / 2 ) } timed requests…` );
		for ( let i = 0; i < WARMUP / 2; i++ ) {
			await timed( ...publicCall(), hasItems );
		}
		const publicList: number[] = [];
		for ( let i = 0; i < REQUESTS / 2; i++ ) {
			publicList.push( await timed( ...publicCall(), hasItems ) );
		}

		log(
			`Ingest: ${ INGEST_BATCHES } batches of 20 from ${ CLIENTS } clients…`
		);
		let next = 0;
		const ingestLatency: number[] = [];
		const ingestStarted = performance.now();
		// One more client reads personal feeds meanwhile: what a reader waits while signals are written.
		const duringIngest: number[] = [];
		const reader = ( async () => {
			while ( next < INGEST_BATCHES ) {
				duringIngest.push( await timed( ...personalCall(), hasSlots ) );
			}
		} )();
		await Promise.all(
			Array.from( { length: CLIENTS }, async () => {
				while ( next < INGEST_BATCHES ) {
					next++;
					const key = pick( generated.profiles );
					const events = Array.from(
						{ length: 20 },
						( _, position ) => {
							const type = signalType( random(), 0.6, 0.9, [
								'impression',
								'view',
							] );
							return { type, post: postId(), position };
						}
					);
					const body: Record< string, unknown > = { events };
					if ( key.startsWith( 'a:' ) ) {
						body.visitor = key.slice( 2 );
					}
					const token = keys.token(
						key.startsWith( 'u:' ) ? { sub: key.slice( 2 ) } : {}
					);
					ingestLatency.push(
						await timed(
							`${ service.url }/v1/signals`,
							gatewayRequest(
								'POST',
								JSON.stringify( body ),
								token
							),
							( answer ) =>
								( answer as { accepted: number } ).accepted ===
								20
						)
					);
				}
			} )
		);
		const ingestSeconds = ( performance.now() - ingestStarted ) / 1000;
		await reader;
		const eventsPerSecond = Math.round(
			( INGEST_BATCHES * 20 ) / ingestSeconds
		);
		const rss = memory( service.child.pid as number );

		const personalStats = latency( personal );
		const publicStats = latency( publicList );
		const ingestStats = latency( ingestLatency );
		const mixedStats = latency( duringIngest );
		const verdict = ( p95: number ) =>
			p95 <= TARGET_P95_MS ? 'PASS' : 'FAIL';
		const rows = [
			[
				'measure',
				'n',
				'p50 ms',
				'p95 ms',
				'p99 ms',
				'max ms',
				'target',
				'verdict',
			],
			[
				'POST /v1/feed/personal',
				personalStats.n,
				personalStats.p50,
				personalStats.p95,
				personalStats.p99,
				personalStats.max,
				`p95 ≤ ${ TARGET_P95_MS } ms`,
				verdict( personalStats.p95 ),
			],
			[
				'GET /v1/feed',
				publicStats.n,
				publicStats.p50,
				publicStats.p95,
				publicStats.p99,
				publicStats.max,
				`p95 ≤ ${ TARGET_P95_MS } ms`,
				verdict( publicStats.p95 ),
			],
			[
				'POST /v1/feed/personal during ingest',
				mixedStats.n,
				mixedStats.p50,
				mixedStats.p95,
				mixedStats.p99,
				mixedStats.max,
				'(informative)',
				'',
			],
			[
				`POST /v1/signals (20/batch, ${ CLIENTS } clients)`,
				ingestStats.n,
				ingestStats.p50,
				ingestStats.p95,
				ingestStats.p99,
				ingestStats.max,
				`${ eventsPerSecond.toLocaleString( 'en' ) } events/s`,
				'',
			],
		].map( ( row ) => row.map( String ) );
		const table = rows
			.map(
				( row, index ) =>
					`| ${ row.join( ' | ' ) } |` +
					( index === 0
						? `\n|${ row.map( () => ' --- |' ).join( '' ) }`
						: '' )
			)
			.join( '\n' );
		const text = [
			'# Feed service benchmark',
			'',
			`${ POSTS.toLocaleString( 'en' ) } posts, ${ EVENTS.toLocaleString( 'en' ) } events over ${ generated.profiles.length.toLocaleString( 'en' ) } profiles (seed ${ SEED }); generated in ${ generated.ms } ms; service ready in ${ service.loadMs } ms; service RSS ${ rss.rssMb } MB (peak ${ rss.peakMb } MB).`,
			`Sequential requests over HTTP on 127.0.0.1 with real gateway tokens; modes of the personal requests: ${ JSON.stringify( modes ) }.`,
			'',
			table,
			'',
		].join( '\n' );
		writeArtifacts(
			'feed-service',
			{
				posts: POSTS,
				events: EVENTS,
				profiles: generated.profiles.length,
				generateMs: generated.ms,
				readyMs: service.loadMs,
				memory: rss,
				modes,
				personal: personalStats,
				public: publicStats,
				ingest: {
					...ingestStats,
					eventsPerSecond,
					clients: CLIENTS,
				},
				personalDuringIngest: mixedStats,
				targetP95Ms: TARGET_P95_MS,
			},
			text
		);
		process.stdout.write( text );
		if (
			personalStats.p95 > TARGET_P95_MS ||
			publicStats.p95 > TARGET_P95_MS
		) {
			process.exitCode = 1;
		}
	} finally {
		child?.kill( 'SIGTERM' );
		await keys.close();
		rmSync( dataDir, { recursive: true, force: true } );
	}
}

main().catch( ( error: unknown ) => {
	log( failureText( error ) );
	process.exitCode = 1;
} );
