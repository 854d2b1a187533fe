/**
 * Entry point: `npm start -w services/stripe-standin` (PORT, keys and webhooks from the environment).
 */
import { ConfigError, loadConfig } from './config';
import { startStandin } from './service';

try {
	const config = loadConfig( process.env );
	const standin = await startStandin( config );
	standin.app.log.info(
		{ url: standin.url, publicUrl: standin.state.config.publicUrl },
		'Stripe stand-in listening (test keys only; see services/stripe-standin/README.md).'
	);

	const stop = ( signal: NodeJS.Signals ) => {
		standin.app.log.info( { signal }, 'Shutting down.' );
		standin.close().then(
			() => process.exit( 0 ),
			( error: unknown ) => {
				standin.app.log.error( { err: error }, 'Shutdown failed.' );
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
