/**
 * Entry point: `npm start -w services/search` (bin/start passes PORT and the WordPress URL).
 */
import { ConfigError, loadConfig } from './config';
import { startService } from './service';

try {
	const service = await startService( loadConfig( process.env ) );
	service.ready.catch( () => {
		process.exitCode = 1;
		void service.close();
	} );

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
	// eslint-disable-next-line no-console -- no logger exists before the configuration is read.
	console.error( error instanceof ConfigError ? error.message : error );
	process.exit( 1 );
}
