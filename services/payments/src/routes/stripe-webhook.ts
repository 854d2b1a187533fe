/**
 * `POST /v1/stripe/webhook`: Stripe's events. No gateway token: the Stripe-Signature over the exact body
 * is the permission, so the body is kept as bytes and verified before anything reads it.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '@switchboard/service-kit';

import { ErrorResponse, WebhookResponse } from '../schemas';
import type { ServiceState } from '../state';
import { verifyStripeEvent } from '../stripe-webhook';

export const WEBHOOK_ROUTE = '/v1/stripe/webhook';

/** Stripe's events are small; a megabyte is generous. */
const BODY_LIMIT = 1024 * 1024;

export const stripeWebhookRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	// Scoped to this plugin: the signature covers the exact bytes, not a re-serialization.
	app.addContentTypeParser(
		'application/json',
		{ parseAs: 'buffer', bodyLimit: BODY_LIMIT },
		( _request, body, done ) => done( null, body )
	);

	app.post(
		WEBHOOK_ROUTE,
		{
			bodyLimit: BODY_LIMIT,
			schema: {
				response: {
					200: WebhookResponse,
					'4xx': ErrorResponse,
					'5xx': ErrorResponse,
				},
			},
		},
		async ( request ) => {
			if ( ! Buffer.isBuffer( request.body ) ) {
				throw new HttpError(
					400,
					'invalid_signature',
					'The webhook must be application/json signed by Stripe.'
				);
			}
			const check = verifyStripeEvent(
				state.stripe,
				request.body,
				request.headers[ 'stripe-signature' ],
				state.stripeConfig.webhookSecrets,
				state.now()
			);
			if ( ! check.ok ) {
				request.log.warn(
					{ reason: check.reason },
					'Stripe webhook refused.'
				);
				throw new HttpError(
					400,
					'invalid_signature',
					'The Stripe-Signature header is missing, malformed, stale or does not match.'
				);
			}
			const { event } = check;
			// Any failure below answers 5xx, and Stripe delivers the event again later.
			const outcome = await state.payments.handleEvent( event );
			request.log.info(
				{ stripeEvent: event.id, type: event.type, outcome },
				'Stripe webhook handled.'
			);
			return { received: true as const };
		}
	);
};
