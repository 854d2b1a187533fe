/**
 * The HTTP server: Fastify with a schema on every route, the gateway token on every route but the health
 * probes and Stripe's webhook, JSON errors and JSON logs that never carry a credential.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
	createServiceServer,
	healthRoutes,
	type LogStream,
	type Verifier,
} from '@switchboard/service-kit';
import type { FastifyInstance } from 'fastify';

import { configRoutes } from './routes/config';
import { healthOptions } from './routes/health';
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
	return createServiceServer( {
		serviceName: 'payment',
		verifier: options.verifier,
		publicRoutes: PUBLIC_ROUTES,
		logLevel: options.logLevel,
		logStream: options.logStream,
		bodyLimit: 64 * 1024,
		// The gateway's calls take a Stripe round trip at most; a request still arriving after this is not it.
		requestTimeout: 30_000,
	} ).withTypeProvider< TypeBoxTypeProvider >();
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
	void app.register( healthRoutes, healthOptions( state ) );
	void app.register( configRoutes, { state } );
	void app.register( paymentRoutes, { state } );
	void app.register( operationRoutes, { state } );
	void app.register( stripeWebhookRoutes, { state } );
}
