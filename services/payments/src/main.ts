/**
 * Entry point: `npm start -w services/payments` (bin/start passes PORT and the WordPress URL).
 */
import { ConfigError, loadConfig } from './config';
import { startService } from './service';

try {
	const service = await startService( loadConfig( process.env ) );
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
} catch ( error ) {
	// No logger exists before the configuration is read; a ConfigError's message never holds a secret.
	// eslint-disable-next-line no-console
	console.error(
		error instanceof ConfigError
			? error.message
			: 'The payment service could not start.',
		error instanceof ConfigError ? '' : error
	);
	process.exit( 1 );
}
