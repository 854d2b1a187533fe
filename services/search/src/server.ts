/**
 * The HTTP server: the kit's content-service server (token check, JSON errors and logs, health, the C2 sync
 * routes, signed events) with the index behind it, and the search route.
 */
import {
	createContentServer,
	type ContentServerSettings,
} from '@switchboard/service-kit/content';
import type { FastifyInstance } from 'fastify';

import { eventHandlers } from './routes/events';
import { healthOptions } from './routes/health';
import { indexSyncOptions } from './routes/index-sync';
import { searchRoutes } from './routes/search';
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
		serviceName: 'search',
		health: healthOptions( state ),
		indexSync: indexSyncOptions( state ),
		events: eventHandlers( state ),
	} );
	void app.register( searchRoutes, { state } );
	return app;
}
