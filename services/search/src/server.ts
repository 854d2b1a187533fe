/**
 * The HTTP server: Fastify with a schema on every route, the token check, JSON errors and JSON logs.
 */
import { randomUUID } from 'node:crypto';

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServiceClaims, Verifier } from '@switchboard/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';

import { installAuth } from './auth';
import { installErrorHandlers } from './errors';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { indexSyncRoutes } from './routes/index-sync';
import { searchRoutes } from './routes/search';
import type { ServiceState } from './state';

declare module 'fastify' {
	interface FastifyRequest {
		/** The verified gateway token's claims (absent on /health and /ready). */
		claims?: ServiceClaims;
	}
}

export interface ServerOptions {
	verifier: Verifier;
	state: ServiceState;
	webhookSecret: string | null;
	logLevel: string;
}

/** Request ids from the gateway are kept when they look like ids; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * @param options What the routes need.
 */
export function buildServer( options: ServerOptions ): FastifyInstance {
	const app = Fastify( {
		logger: {
			level: options.logLevel,
			// Nothing logs headers today; this keeps tokens and signatures out if someone adds it.
			redact: [
				'req.headers.authorization',
				'req.headers["switchboard-signature"]',
				'headers.authorization',
				'headers["switchboard-signature"]',
			],
		},
		genReqId: ( request ) => {
			const given = request.headers[ 'x-request-id' ];
			return typeof given === 'string' && REQUEST_ID.test( given )
				? given
				: randomUUID();
		},
		bodyLimit: 1024 * 1024,
		// The gateway's calls take milliseconds; a request still arriving after this is not the gateway.
		requestTimeout: 15_000,
		ajv: {
			customOptions: {
				// Unknown parameters are refused, not silently dropped.
				removeAdditional: false,
				coerceTypes: 'array',
				useDefaults: true,
				allErrors: false,
			},
		},
	} ).withTypeProvider< TypeBoxTypeProvider >();

	installErrorHandlers( app );
	installAuth( app, options.verifier );

	app.addHook( 'onRequest', async ( request, reply ) => {
		reply.header( 'x-request-id', request.id );
		const traceparent = request.headers.traceparent;
		if (
			typeof traceparent === 'string' &&
			/^[0-9a-f-]{55}$/.test( traceparent )
		) {
			request.log = request.log.child( { traceparent } );
		}
	} );

	void app.register( healthRoutes, { state: options.state } );
	void app.register( searchRoutes, { state: options.state } );
	void app.register( indexSyncRoutes, { state: options.state } );
	void app.register( eventRoutes, {
		state: options.state,
		webhookSecret: options.webhookSecret,
	} );
	return app;
}
