/**
 * The real search service for the journeys: started by the global set-up (managed mode) on its own port
 * with a fresh data folder and a random webhook secret, stopped by the teardown, and stopped/started again
 * by the fallback journey. What a later process needs to restart it (port, folder, secret, pid) lives in a
 * state file that only this user can read; the secret exists for one run and is never printed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './site';

/** Everything the journeys' search service lives in (git-ignored). */
export const searchCacheDir = path.join( repoRoot, '.cache', 'e2e' );

const stateFile = path.join( searchCacheDir, 'search-service.json' );
const logFile = path.join( searchCacheDir, 'search-service.log' );
const serviceDir = path.join( repoRoot, 'services', 'search' );

export type SearchServiceState = {
	pid: number | null;
	port: number;
	url: string;
	dataDir: string;
	secret: string;
	wordpressUrl: string;
};

/** Whether this run started WordPress and the service itself (false against a WP_BASE_URL given from outside). */
export function isManaged(): boolean {
	return process.env.SWITCHBOARD_E2E_MANAGED === '1';
}

async function readState(): Promise< SearchServiceState > {
	const raw = await readFile( stateFile, 'utf8' );
	return JSON.parse( raw ) as SearchServiceState;
}

async function writeState( state: SearchServiceState ): Promise< void > {
	await writeFile( stateFile, JSON.stringify( state ), { mode: 0o600 } );
}

function isAlive( pid: number | null ): pid is number {
	if ( ! pid ) {
		return false;
	}
	try {
		process.kill( pid, 0 );
		return true;
	} catch {
		return false;
	}
}

/**
 * Polls `check` every 100 ms until it returns true or `timeoutMs` passes.
 * @param check     Condition to wait for.
 * @param timeoutMs Bound.
 * @param what      What is awaited, for the error.
 */
async function waitFor(
	check: () => Promise< boolean >,
	timeoutMs: number,
	what: string
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if ( await check() ) {
			return;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`Timed out after ${ timeoutMs } ms waiting for ${ what }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
}

async function isReady( url: string ): Promise< boolean > {
	try {
		const response = await fetch( `${ url }/ready` );
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Creates a fresh configuration (new data folder, new secret) and exports the secret, which WordPress must
 * inherit: bin/wp-server's php -S takes SWITCHBOARD_SEARCH_WEBHOOK_SECRET from this process's environment,
 * and the plugin reads it as an environment variable. The URL is not exported: see the global set-up.
 * @param wordpressUrl The site's home URL (the tokens' issuer).
 */
export async function configureSearchService(
	wordpressUrl: string
): Promise< SearchServiceState > {
	const port = Number( process.env.SWITCHBOARD_E2E_SEARCH_PORT ?? '4890' );
	const dataDir = path.join( searchCacheDir, 'search-data' );
	await stopSearchService().catch( () => undefined );
	await rm( dataDir, { recursive: true, force: true } );
	await mkdir( dataDir, { recursive: true } );
	const state: SearchServiceState = {
		pid: null,
		port,
		url: `http://127.0.0.1:${ port }`,
		dataDir,
		secret: randomBytes( 32 ).toString( 'hex' ),
		wordpressUrl: wordpressUrl.replace( /\/+$/, '' ),
	};
	await writeState( state );
	process.env.SWITCHBOARD_SEARCH_WEBHOOK_SECRET = state.secret;
	return state;
}

/**
 * Starts the service (no-op when it runs) and waits for /ready.
 * The process runs `node --import tsx src/main.ts` (what `npx tsx` does, minus the extra parent process),
 * so its pid is the service's own and SIGTERM reaches its graceful shutdown.
 */
export async function startSearchService(): Promise< void > {
	const state = await readState();
	if ( isAlive( state.pid ) ) {
		await waitFor( () => isReady( state.url ), 30_000, 'search /ready' );
		return;
	}
	const log = openSync( logFile, 'a' );
	const child = spawn(
		process.execPath,
		[ '--import', 'tsx', path.join( 'src', 'main.ts' ) ],
		{
			cwd: serviceDir,
			detached: true,
			stdio: [ 'ignore', log, log ],
			env: {
				PATH: process.env.PATH ?? '',
				HOME: process.env.HOME ?? '',
				PORT: String( state.port ),
				HOST: '127.0.0.1',
				SWITCHBOARD_WORDPRESS_URL: state.wordpressUrl,
				SWITCHBOARD_SEARCH_DATA_DIR: state.dataDir,
				SWITCHBOARD_SEARCH_WEBHOOK_SECRET: state.secret,
				LOG_LEVEL: 'warn',
			},
		}
	);
	closeSync( log );
	child.unref();
	state.pid = child.pid ?? null;
	await writeState( state );
	await waitFor(
		async () => {
			if ( ! isAlive( state.pid ) ) {
				throw new Error(
					`The search service exited at start; see ${ logFile }`
				);
			}
			return isReady( state.url );
		},
		30_000,
		`the search service's /ready (log: ${ logFile })`
	);
}

/** Stops the service the state file names (SIGTERM, then SIGKILL after 10 s) and waits until it is gone. */
export async function stopSearchService(): Promise< void > {
	let state: SearchServiceState;
	try {
		state = await readState();
	} catch {
		return;
	}
	const { pid } = state;
	if ( isAlive( pid ) ) {
		process.kill( pid, 'SIGTERM' );
		try {
			await waitFor(
				async () => ! isAlive( pid ),
				10_000,
				'the search service to stop'
			);
		} catch {
			process.kill( pid, 'SIGKILL' );
			await waitFor( async () => ! isAlive( pid ), 5_000, 'SIGKILL' );
		}
	}
	state.pid = null;
	await writeState( state );
}

/** The service's base URL, for journeys that look at it directly (its /ready document count). */
export async function searchServiceUrl(): Promise< string > {
	return ( await readState() ).url;
}

/** How many documents the running service has indexed. */
export async function indexedDocuments(): Promise< number > {
	const response = await fetch( `${ await searchServiceUrl() }/ready` );
	const body = ( await response.json() ) as { documents?: number };
	return body.documents ?? 0;
}
