/**
 * The HTTP server: Fastify with a schema on every route, the gateway token on every route but the health
 * probes and Stripe's webhook, JSON errors and JSON logs that never carry a credential.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
	installAuth,
	installErrorHandlers,
	installRequestContext,
	serverOptions,
	type LogStream,
	type Verifier,
} from '@switchboard/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';

import { configRoutes } from './routes/config';
import { healthRoutes } from './routes/health';
import { operationRoutes } from './routes/operations';
import { paymentRoutes } from './routes/payments';
import { stripeWebhookRoutes, WEBHOOK_ROUTE } from './routes/stripe-webhook';
import type { ServiceState } from './state';

/** Routes without the gateway token: probes, and Stripe's webhook (its signature is the permission). */
export const PUBLIC_ROUTES: ReadonlySet< string > = new Set( [
	'/health',
	'/ready',
	WEBHOOK_ROUTE,
] );

export interface ServerOptions {
	verifier: Verifier;
	logLevel: string;
	logStream?: LogStream;
}

/**
 * The server, without routes: the logger exists before the ledger and the services that log through it.
 *
 * @param options Token verifier and logging.
 */
export function createServer( options: ServerOptions ): FastifyInstance {
	const app = Fastify(
		serverOptions( {
			logLevel: options.logLevel,
			logStream: options.logStream,
			bodyLimit: 64 * 1024,
			// The gateway's calls take a Stripe round trip at most; a request still arriving after this is not it.
			requestTimeout: 30_000,
		} )
	).withTypeProvider< TypeBoxTypeProvider >();

	installErrorHandlers( app, { serviceName: 'payment' } );
	installAuth( app, options.verifier, PUBLIC_ROUTES );
	installRequestContext( app );
	return app;
}

/**
 * Registers every route.
 *
 * @param app   The server.
 * @param state What the routes need.
 */
export function registerRoutes(
	app: FastifyInstance,
	state: ServiceState
): void {
	void app.register( healthRoutes, { state } );
	void app.register( configRoutes, { state } );
	void app.register( paymentRoutes, { state } );
	void app.register( operationRoutes, { state } );
	void app.register( stripeWebhookRoutes, { state } );
}
