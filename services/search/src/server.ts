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
import { healthOptions } from './routes/health';
import { indexSyncRoutes } from './routes/index-sync';
import { searchRoutes } from './routes/search';
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
		serviceName: 'search',
		verifier: options.verifier,
		publicRoutes: PUBLIC_ROUTES,
		logLevel: options.logLevel,
		bodyLimit: 1024 * 1024,
		// The gateway's calls take milliseconds; a request still arriving after this is not the gateway.
		requestTimeout: 15_000,
	} ).withTypeProvider< TypeBoxTypeProvider >();

	void app.register( healthRoutes, healthOptions( options.state ) );
	void app.register( searchRoutes, { state: options.state } );
	void app.register( indexSyncRoutes, { state: options.state } );
	void app.register( eventRoutes, {
		state: options.state,
		webhookSecret: options.webhookSecret,
	} );
	return app;
}
