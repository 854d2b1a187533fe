/**
 * The HTTP server: the kit's content-service server (token check, JSON errors and logs, health, the C2 sync
 * routes, signed events) with the catalogue behind it, and the feed's own routes.
 */
import {
	createContentServer,
	type ContentServerSettings,
} from '@switchboard/service-kit/content';
import type { FastifyInstance } from 'fastify';

import { feedRoutes } from './routes/feed';
import { eventHandlers } from './routes/events';
import { healthOptions } from './routes/health';
import { indexSyncOptions } from './routes/index-sync';
import { profileRoutes } from './routes/profiles';
import { signalRoutes } from './routes/signals';
import { statsRoutes } from './routes/stats';
import type { ServiceState } from './state';

/** The kit's settings (verifier, event secret, log level), and the state behind the routes. */
export interface ServerOptions extends ContentServerSettings {
	state: ServiceState;
}

/**
 * @param options What the routes need.
 */
export function buildServer( options: ServerOptions ): FastifyInstance {
	const { state } = options;
	const app = createContentServer( options, {
		serviceName: 'feed',
		health: healthOptions( state ),
		indexSync: indexSyncOptions( state ),
		events: eventHandlers( state ),
	} );
	void app.register( feedRoutes, { state } );
	void app.register( signalRoutes, { state } );
	void app.register( profileRoutes, { state } );
	void app.register( statsRoutes, { state } );
	return app;
}
