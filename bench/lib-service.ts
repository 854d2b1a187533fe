/**
 * What the service benchmarks (bench/feed-service.ts, bench/search-service.ts) share: latency figures of ms
 * samples, a process's memory, starting a real service process on a data folder and waiting until it answers,
 * stopping it, and writing the artifacts. One definition, so both services are started and measured alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { percentile } from './search-stats';

/** The repository root. */
export const ROOT = join( dirname( fileURLToPath( import.meta.url ) ), '..' );

/** The webhook secret the benchmarked services run with (a bench-only value, never a real one). */
const BENCH_WEBHOOK_SECRET = 'bench-secret-0123456789abcdef';

/**
 * Writes a progress line on stderr, so stdout carries only the report.
 *
 * @param message Line.
 */
export function log( message: string ): void {
	process.stderr.write( `${ message }\n` );
}

/**
 * The text of a failure for the closing line: the stack where there is one.
 *
 * @param error What was thrown.
 */
export function failureText( error: unknown ): string {
	return error instanceof Error
		? ( error.stack ?? error.message )
		: String( error );
}

/** Percentiles, mean and maximum of ms samples, to two decimals. */
export interface Latency {
	p50: number;
	p95: number;
	p99: number;
	mean: number;
	max: number;
}

/**
 * A number to two decimals (the precision the reports print).
 *
 * @param value Number.
 */
function twoDecimals( value: number ): number {
	return Number( value.toFixed( 2 ) );
}

/**
 * Percentiles of samples in ms (nearest rank: a time really measured, never an interpolation).
 *
 * @param samples Times in ms.
 */
export function latency( samples: readonly number[] ): Latency {
	return {
		p50: twoDecimals( percentile( samples, 50 ) ),
		p95: twoDecimals( percentile( samples, 95 ) ),
		p99: twoDecimals( percentile( samples, 99 ) ),
		mean: twoDecimals(
			samples.reduce( ( a, b ) => a + b, 0 ) / samples.length
		),
		max: twoDecimals( percentile( samples, 100 ) ),
	};
}

/**
 * Resident and peak resident memory of a process, in MB (Linux's /proc).
 *
 * @param pid Process id.
 */
export function memory( pid: number ): { rssMb: number; peakMb: number } {
	const status = readFileSync( `/proc/${ pid }/status`, 'utf8' );
	const field = ( name: string ) =>
		Number(
			new RegExp( `${ name }:\\s+(\\d+)` ).exec( status )?.[ 1 ] ?? 0
		) / 1024;
	return {
		rssMb: Math.round( field( 'VmRSS' ) ),
		peakMb: Math.round( field( 'VmHWM' ) ),
	};
}

/** A free port of 127.0.0.1. */
export function freePort(): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		const server = createServer();
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => {
			const address = server.address();
			const port =
				typeof address === 'object' && address ? address.port : 0;
			server.close( () => resolve( port ) );
		} );
	} );
}

/** How to start one service for a benchmark. */
export interface ServiceOptions {
	/** Workspace under services/ (its main is services/NAME/src/main.ts; its variables SWITCHBOARD_NAME_*). */
	name: string;
	/** Port on 127.0.0.1. */
	port: number;
	/** WordPress's stand-in URL (the JWKS the service fetches). */
	wordpressUrl: string;
	/** The service's data folder. */
	dataDir: string;
	/** Further environment variables of this service. */
	env?: Record< string, string >;
	/** Path answering 200 once the service can be measured. */
	readyPath: string;
	/** Headers of each readiness call (a fresh token each time where the path needs one). */
	readyHeaders?: () => Record< string, string >;
	/** How long the start may take. */
	timeoutMs: number;
	/** The service in error messages, e.g. "The feed service". */
	label: string;
}

/** A started service. */
export interface StartedService {
	child: ChildProcess;
	url: string;
	/** From spawning the process until it answered ready (process start and data load). */
	loadMs: number;
}

/**
 * Starts the service process on its data folder and waits until readyPath answers 200.
 *
 * @param options How.
 */
export async function startService(
	options: ServiceOptions
): Promise< StartedService > {
	const upper = options.name.toUpperCase();
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			join( ROOT, `services/${ options.name }/src/main.ts` ),
		],
		{
			cwd: join( ROOT, `services/${ options.name }` ),
			env: {
				...process.env,
				PORT: String( options.port ),
				HOST: '127.0.0.1',
				SWITCHBOARD_WORDPRESS_URL: options.wordpressUrl,
				[ `SWITCHBOARD_${ upper }_DATA_DIR` ]: options.dataDir,
				[ `SWITCHBOARD_${ upper }_WEBHOOK_SECRET` ]:
					BENCH_WEBHOOK_SECRET,
				LOG_LEVEL: 'warn',
				...options.env,
			},
			stdio: [ 'ignore', 'inherit', 'inherit' ],
		}
	);
	const url = `http://127.0.0.1:${ options.port }`;
	const deadline = Date.now() + options.timeoutMs;
	while ( Date.now() < deadline ) {
		if ( child.exitCode !== null ) {
			throw new Error(
				`${ options.label } exited with ${ child.exitCode }.`
			);
		}
		try {
			const response = await fetch( `${ url }${ options.readyPath }`, {
				headers: options.readyHeaders?.() ?? {},
			} );
			await response.arrayBuffer();
			if ( response.status === 200 ) {
				return {
					child,
					url,
					loadMs: Math.round( performance.now() - started ),
				};
			}
		} catch {
			// Not listening yet.
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	// The caller never gets the process, so it is stopped here rather than left running.
	child.kill( 'SIGTERM' );
	throw new Error(
		`${ options.label } did not become ready within ${
			options.timeoutMs / 60_000
		} minutes.`
	);
}

/**
 * Stops the service gracefully (it writes what it keeps) and waits for it to exit; the ms that took.
 *
 * @param child The process.
 */
export async function stopService( child: ChildProcess ): Promise< number > {
	// An exited process sends no more 'exit': waiting for one would hang.
	if ( child.exitCode !== null || child.signalCode !== null ) {
		return 0;
	}
	const started = performance.now();
	const exited = new Promise< void >( ( resolve ) =>
		child.once( 'exit', () => resolve() )
	);
	child.kill( 'SIGTERM' );
	await exited;
	return Math.round( performance.now() - started );
}

/**
 * Writes a benchmark's artifacts/bench/NAME.json (tab-indented) and NAME.md.
 *
 * @param name     File name without extension.
 * @param figures  The JSON figures.
 * @param markdown The report.
 */
export function writeArtifacts(
	name: string,
	figures: unknown,
	markdown: string
): void {
	const out = join( ROOT, 'artifacts/bench' );
	mkdirSync( out, { recursive: true } );
	writeFileSync(
		join( out, `${ name }.json` ),
		JSON.stringify( figures, null, '\t' ) + '\n'
	);
	writeFileSync( join( out, `${ name }.md` ), markdown );
}
