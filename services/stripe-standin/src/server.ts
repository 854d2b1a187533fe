/**
 * The HTTP server: Stripe's form-encoded bodies and bracketed query strings (qs), Request-Id and
 * Stripe-Version on every answer, CORS on /v1 as api.stripe.com does, keys, injected failures, routes.
 */
import type { Server } from 'node:http';

import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'qs';

import { ApiVersion } from './api-version';
import { installAuth } from './auth';
import { installErrorHandlers } from './errors';
import { randomText } from './ids';
import { chargeRoutes } from './routes/charges';
import { controlRoutes } from './routes/controls';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { paymentIntentRoutes } from './routes/payment-intents';
import { paymentMethodRoutes } from './routes/payment-methods';
import { refundRoutes } from './routes/refunds';
import { threeDSecureRoutes } from './routes/three-d-secure';
import type { Standin } from './standin';
import { StripeError } from './stripe-error';
import { browserRoutes } from './browser/routes';

/** Nesting as deep as Stripe's parameters go, and no deeper: qs would otherwise build huge objects. */
const QS_OPTIONS = {
	depth: 6,
	arrayLimit: 100,
	parameterLimit: 1000,
} as const;

/** Headers api.stripe.com sends on every answer so Stripe.js can call it from any page. */
const CORS = {
	'access-control-allow-origin': '*',
	'access-control-allow-credentials': 'true',
	'access-control-allow-methods': 'GET, POST, HEAD, OPTIONS, DELETE',
	'access-control-expose-headers':
		'Request-Id, Stripe-Version, Idempotent-Replayed, Original-Request',
	'access-control-max-age': '300',
};

/**
 * @param standin The shared state.
 * @param server  The HTTP server, already listening (so the public URL knows its port before the
 *                browser routes are built).
 */
export function buildServer(
	standin: Standin,
	server: Server
): FastifyInstance {
	// The server already listens (see startStandin), but Fastify crashes on a request that arrives before it
	// is ready: until then, a request gets a 503 that a client retries, like any service still starting.
	let ready = false;
	const app = Fastify( {
		serverFactory: ( handler ) => {
			server.on( 'request', ( request, response ) => {
				if ( ready ) {
					handler( request, response );
					return;
				}
				response.writeHead( 503, {
					'content-type': 'application/json',
					'retry-after': '1',
				} );
				response.end(
					JSON.stringify( {
						error: {
							type: 'api_error',
							message: 'The stand-in is starting.',
						},
					} )
				);
			} );
			return server;
		},
		logger: {
			level: standin.config.logLevel,
			// Keys and webhook signatures stay out of the logs even if someone logs headers.
			redact: [
				'req.headers.authorization',
				'req.headers["stripe-signature"]',
				'headers.authorization',
				'headers["stripe-signature"]',
			],
			serializers: {
				// Client secrets travel in query strings (Stripe.js's retrieve, 3-D Secure links).
				req: ( request: { method: string; url: string } ) => ( {
					method: request.method,
					url: request.url.replace(
						/(client_secret=)[^&]*/g,
						'$1[redacted]'
					),
				} ),
			},
		},
		genReqId: () => `req_${ randomText( 14 ) }`,
		bodyLimit: 1024 * 1024,
		requestTimeout: 30_000,
		routerOptions: {
			querystringParser: ( query: string ) =>
				qs.parse( query, QS_OPTIONS ),
		},
	} );

	app.addContentTypeParser(
		'application/x-www-form-urlencoded',
		{ parseAs: 'string' },
		( _request, body, done ) => {
			done( null, qs.parse( body as string, QS_OPTIONS ) );
		}
	);

	installErrorHandlers( app );

	app.addHook( 'onRequest', async ( request, reply ) => {
		reply.header( 'Request-Id', request.id );
		const version = request.headers[ 'stripe-version' ];
		reply.header(
			'Stripe-Version',
			typeof version === 'string' && version !== '' ? version : ApiVersion
		);
		if ( request.url.startsWith( '/v1/' ) ) {
			reply.headers( CORS );
		}
	} );

	installAuth( app, standin.config );

	// After authentication, before anything runs: an injected failure leaves no trace (the SDK retries).
	app.addHook( 'onRequest', async ( request ) => {
		if ( request.url.startsWith( '/v1/' ) && standin.failNext > 0 ) {
			standin.failNext--;
			throw standin.failStatus === 429
				? new StripeError( 429, {
						type: 'rate_limit_error',
						code: 'rate_limit',
						message:
							'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.',
					} )
				: new StripeError( 500, {
						type: 'api_error',
						message:
							'An unknown error occurred while processing your request. (injected by the stand-in)',
					} );
		}
	} );

	app.options( '/v1/*', async ( request, reply ) => {
		const asked = request.headers[ 'access-control-request-headers' ];
		return reply
			.code( 204 )
			.header(
				'access-control-allow-headers',
				typeof asked === 'string'
					? asked
					: 'Authorization, Content-Type, Idempotency-Key, Stripe-Version'
			)
			.send();
	} );

	void app.register( healthRoutes );
	void app.register( paymentIntentRoutes, { standin } );
	void app.register( paymentMethodRoutes, { standin } );
	void app.register( chargeRoutes, { standin } );
	void app.register( refundRoutes, { standin } );
	void app.register( eventRoutes, { standin } );
	void app.register( threeDSecureRoutes, { standin } );
	void app.register( controlRoutes, { standin } );
	void app.register( browserRoutes, { apiBase: standin.config.publicUrl } );
	app.addHook( 'onReady', async () => {
		ready = true;
	} );
	return app;
}
