/**
 * The HTTP server: Fastify with a schema on every route, the token check, JSON errors and JSON logs.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
	createServiceServer,
	healthRoutes,
	type Verifier,
} from '@switchboard/service-kit';
import type { FastifyInstance } from 'fastify';

import { eventRoutes } from './routes/events';
import { feedRoutes } from './routes/feed';
import { healthOptions } from './routes/health';
import { indexSyncRoutes } from './routes/index-sync';
import { profileRoutes } from './routes/profiles';
import { signalRoutes } from './routes/signals';
import { statsRoutes } from './routes/stats';
import type { ServiceState } from './state';

export interface ServerOptions {
	verifier: Verifier;
	state: ServiceState;
	webhookSecret: string | null;
	logLevel: string;
}

/** Routes a load balancer or `bin/start` may call without a token. */
export const PUBLIC_ROUTES: ReadonlySet< string > = new Set( [
	'/health',
	'/ready',
] );

/**
 * @param options What the routes need.
 */
export function buildServer( options: ServerOptions ): FastifyInstance {
	const app = createServiceServer( {
		serviceName: 'feed',
		verifier: options.verifier,
		publicRoutes: PUBLIC_ROUTES,
		logLevel: options.logLevel,
		bodyLimit: 1024 * 1024,
		// The gateway's calls take milliseconds; a request still arriving after this is not the gateway.
		requestTimeout: 15_000,
	} ).withTypeProvider< TypeBoxTypeProvider >();

	const { state } = options;
	void app.register( healthRoutes, healthOptions( state ) );
	void app.register( feedRoutes, { state } );
	void app.register( signalRoutes, { state } );
	void app.register( profileRoutes, { state } );
	void app.register( statsRoutes, { state } );
	void app.register( indexSyncRoutes, { state } );
	void app.register( eventRoutes, {
		state,
		webhookSecret: options.webhookSecret,
	} );
	return app;
}
