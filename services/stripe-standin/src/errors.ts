/**
 * Every error answer has Stripe's shape, including Fastify's own (bad body, unknown route) and crashes.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';

import { StripeError, type StripeErrorBody } from './stripe-error';

/**
 * The request's dashboard log link, as Stripe adds to every error.
 *
 * @param request The request.
 */
export const requestLogUrl = ( request: FastifyRequest ) =>
	`https://dashboard.stripe.com/test/logs/${ request.id }`;

/**
 * Status and body for any error thrown while answering.
 *
 * @param error   What was thrown.
 * @param request The request (for the log link and the log).
 */
export function errorAnswer(
	error: unknown,
	request: FastifyRequest
): { status: number; body: { error: StripeErrorBody } } {
	if ( error instanceof StripeError ) {
		return {
			status: error.statusCode,
			body: {
				error: {
					...error.body,
					request_log_url: requestLogUrl( request ),
				},
			},
		};
	}
	const fastifyError = error as Partial< FastifyError >;
	const status = fastifyError.statusCode ?? 500;
	if ( status >= 400 && status < 500 ) {
		return {
			status: status === 413 ? 413 : 400,
			body: {
				error: {
					type: 'invalid_request_error',
					message:
						fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
							? 'Invalid request: bodies must be application/x-www-form-urlencoded.'
							: `Invalid request: ${ fastifyError.message ?? 'malformed' }`,
					request_log_url: requestLogUrl( request ),
				},
			},
		};
	}
	request.log.error( { err: error }, 'Request failed.' );
	return {
		status: 500,
		body: {
			error: {
				type: 'api_error',
				message:
					'An unknown error occurred while processing your request.',
				request_log_url: requestLogUrl( request ),
			},
		},
	};
}

/**
 * Installs the error and not-found handlers.
 *
 * @param app The server.
 */
export function installErrorHandlers( app: FastifyInstance ): void {
	app.setErrorHandler( ( error, request, reply ) => {
		const answer = errorAnswer( error, request );
		return reply.code( answer.status ).send( answer.body );
	} );

	app.setNotFoundHandler( ( request, reply ) =>
		reply.code( 404 ).send( {
			error: {
				type: 'invalid_request_error',
				message: `Unrecognized request URL (${ request.method }: ${
					request.url.split( '?' )[ 0 ]
				}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
			},
		} )
	);
}
