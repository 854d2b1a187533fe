/**
 * runService in a real child process: a configuration error exits 1 with its message only, another
 * error exits 1 with the service's failure message, and SIGTERM closes the service and exits 0.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const FIXTURE = fileURLToPath(
	new URL( './fixtures/run-service.ts', import.meta.url )
);

interface Outcome {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * @param mode      The fixture's mode.
 * @param onStarted Called once the service printed "started".
 */
function run(
	mode: string,
	onStarted?: ( child: ReturnType< typeof spawn > ) => void
): Promise< Outcome > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn(
			process.execPath,
			[ '--import', 'tsx', FIXTURE, mode ],
			{ stdio: [ 'ignore', 'pipe', 'pipe' ] }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => {
			stdout += chunk.toString();
			if ( onStarted && stdout.includes( 'started\n' ) ) {
				onStarted( child );
				onStarted = undefined;
			}
		} );
		child.stderr.on( 'data', ( chunk: Buffer ) => {
			stderr += chunk.toString();
		} );
		child.on( 'error', reject );
		child.on( 'exit', ( code ) => resolve( { code, stdout, stderr } ) );
	} );
}

describe( 'runService', () => {
	it( 'prints only the message of a configuration error and exits 1', async () => {
		const outcome = await run( 'config' );
		assert.equal( outcome.code, 1 );
		assert.equal( outcome.stderr.trim(), 'PORT must be a port number.' );
		assert.doesNotMatch( outcome.stdout, /started/ );
	} );

	it( 'prints the failure message with any other error and exits 1', async () => {
		const outcome = await run( 'crash' );
		assert.equal( outcome.code, 1 );
		assert.match(
			outcome.stderr,
			/^The test service could not start\. Error: disk on fire/
		);
	} );

	it( 'closes the service on SIGTERM and exits 0', async () => {
		const outcome = await run( 'serve', ( child ) =>
			child.kill( 'SIGTERM' )
		);
		assert.equal( outcome.code, 0 );
		assert.equal( outcome.stdout, 'started\nclosed\n' );
	} );
} );
