/**
 * The HTTP server: Fastify with a schema on every route, the token check, JSON errors and JSON logs.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
	installAuth,
	installErrorHandlers,
	installRequestContext,
	serverOptions,
	type Verifier,
} from '@switchboard/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';

import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
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
	const app = Fastify(
		serverOptions( {
			logLevel: options.logLevel,
			bodyLimit: 1024 * 1024,
			// The gateway's calls take milliseconds; a request still arriving after this is not the gateway.
			requestTimeout: 15_000,
		} )
	).withTypeProvider< TypeBoxTypeProvider >();

	installErrorHandlers( app, { serviceName: 'search' } );
	installAuth( app, options.verifier, PUBLIC_ROUTES );
	installRequestContext( app );

	void app.register( healthRoutes, { state: options.state } );
	void app.register( searchRoutes, { state: options.state } );
	void app.register( indexSyncRoutes, { state: options.state } );
	void app.register( eventRoutes, {
		state: options.state,
		webhookSecret: options.webhookSecret,
	} );
	return app;
}
