/**
 * A real service for the journeys, as a process of its own: started by the global set-up (managed mode) on its
 * own port, stopped by the teardown, and stopped/started again by failure journeys. What a later process needs
 * to restart it (port, environment, pid) lives in a state file under .cache/e2e that only this user can read;
 * its secrets exist for one run and are never printed.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './site';

/** Everything the journeys' services live in (git-ignored). */
export const e2eCacheDir = path.join( repoRoot, '.cache', 'e2e' );

export type ServiceState = {
	pid: number | null;
	port: number;
	url: string;
	/** The service's whole environment but PATH and HOME. */
	env: Record< string, string >;
};

/** One service folder under services/. */
export class ServiceProcess {
	private readonly stateFile: string;
	private readonly logFile: string;

	/**
	 * @param name      Folder under services/ (and the name of its state and log files).
	 * @param readyPath Path that answers 2xx once the service can take requests.
	 */
	constructor(
		readonly name: string,
		private readonly readyPath = '/ready'
	) {
		this.stateFile = path.join( e2eCacheDir, `${ name }-service.json` );
		this.logFile = path.join( e2eCacheDir, `${ name }-service.log` );
	}

	async state(): Promise< ServiceState > {
		return JSON.parse(
			await readFile( this.stateFile, 'utf8' )
		) as ServiceState;
	}

	/**
	 * Stops any earlier run and records the next one's port and environment.
	 *
	 * @param port Port.
	 * @param env  Environment (PORT and HOST are added).
	 */
	async configure(
		port: number,
		env: Record< string, string >
	): Promise< ServiceState > {
		await this.stop().catch( () => undefined );
		await mkdir( e2eCacheDir, { recursive: true } );
		const state: ServiceState = {
			pid: null,
			port,
			url: `http://127.0.0.1:${ port }`,
			env: { ...env, PORT: String( port ), HOST: '127.0.0.1' },
		};
		await this.write( state );
		return state;
	}

	/**
	 * Starts the service (no-op when it runs) and waits until it is ready.
	 * The process runs `node --import tsx src/main.ts` (what `npx tsx` does, minus the extra parent process),
	 * so its pid is the service's own and SIGTERM reaches its graceful shutdown.
	 */
	async start(): Promise< void > {
		const state = await this.state();
		const ready = () => this.isReady( state.url );
		if ( isAlive( state.pid ) ) {
			await waitFor(
				ready,
				30_000,
				`${ this.name } ${ this.readyPath }`
			);
			return;
		}
		const log = openSync( this.logFile, 'a' );
		const child = spawn(
			process.execPath,
			[ '--import', 'tsx', path.join( 'src', 'main.ts' ) ],
			{
				cwd: path.join( repoRoot, 'services', this.name ),
				detached: true,
				stdio: [ 'ignore', log, log ],
				env: {
					PATH: process.env.PATH ?? '',
					HOME: process.env.HOME ?? '',
					...state.env,
				},
			}
		);
		closeSync( log );
		child.unref();
		state.pid = child.pid ?? null;
		await this.write( state );
		await waitFor(
			async () => {
				if ( ! isAlive( state.pid ) ) {
					throw new Error(
						`The ${ this.name } service exited at start; see ${ this.logFile }`
					);
				}
				return ready();
			},
			30_000,
			`the ${ this.name } service's ${ this.readyPath } (log: ${ this.logFile })`
		);
	}

	/** Stops the service the state file names (SIGTERM, then SIGKILL after 10 s) and waits until it is gone. */
	async stop(): Promise< void > {
		let state: ServiceState;
		try {
			state = await this.state();
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
					`the ${ this.name } service to stop`
				);
			} catch {
				process.kill( pid, 'SIGKILL' );
				await waitFor( async () => ! isAlive( pid ), 5_000, 'SIGKILL' );
			}
		}
		state.pid = null;
		await this.write( state );
	}

	private async write( state: ServiceState ): Promise< void > {
		await writeFile( this.stateFile, JSON.stringify( state ), {
			mode: 0o600,
		} );
	}

	private async isReady( url: string ): Promise< boolean > {
		try {
			return ( await fetch( url + this.readyPath ) ).ok;
		} catch {
			return false;
		}
	}
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
export async function waitFor(
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
