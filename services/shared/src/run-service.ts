/**
 * The entry point every service shares: start, stop gracefully on SIGTERM/SIGINT, and exit non-zero with a
 * readable message when the configuration is wrong.
 */
import type { FastifyBaseLogger } from 'fastify';

import { ConfigError } from './config';

/** What a started service offers its entry point. */
export interface RunningService {
	app: { log: FastifyBaseLogger };
	/** Stops taking requests and releases everything the service holds. */
	close: () => Promise< void >;
}

export interface RunServiceOptions {
	/**
	 * Printed (with the error) when starting fails for any reason other than a ConfigError. By default
	 * the error alone is printed.
	 */
	failureMessage?: string;
}

/**
 * Starts a service and wires its shutdown to SIGTERM and SIGINT.
 *
 * @param start                  Reads the configuration and starts the service.
 * @param options                How a failed start is reported.
 * @param options.failureMessage Printed before an unexpected start error.
 */
export async function runService< Service extends RunningService >(
	start: () => Promise< Service >,
	{ failureMessage }: RunServiceOptions = {}
): Promise< Service > {
	let service: Service;
	try {
		service = await start();
	} catch ( error ) {
		// A ConfigError's message never holds a secret, so it is printed alone.
		let printed: unknown[] = [ error ];
		if ( error instanceof ConfigError ) {
			printed = [ error.message ];
		} else if ( failureMessage !== undefined ) {
			printed = [ failureMessage, error ];
		}
		// eslint-disable-next-line no-console -- no logger exists before the service has started.
		console.error( ...printed );
		process.exit( 1 );
	}

	const stop = ( signal: NodeJS.Signals ) => {
		service.app.log.info( { signal }, 'Shutting down.' );
		service.close().then(
			() => process.exit( 0 ),
			( error: unknown ) => {
				service.app.log.error( { err: error }, 'Shutdown failed.' );
				process.exit( 1 );
			}
		);
	};
	process.once( 'SIGTERM', stop );
	process.once( 'SIGINT', stop );
	return service;
}
