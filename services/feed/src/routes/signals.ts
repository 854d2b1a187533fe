/**
 * `POST /v1/signals`: impressions, views and clicks of a consenting reader, bounded in size (16 KB, 50
 * events) and rate (per profile), recorded in one transaction.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '@switchboard/service-kit';

import { profileKeys } from '../profile-key';
import { ErrorResponse, SignalsBody, SignalsResponse } from '../schemas';
import { readyEngine, type ServiceState } from '../state';

/** Largest signals body. */
export const SIGNALS_BODY_LIMIT = 16 * 1024;

export const signalRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.post(
		'/v1/signals',
		{
			bodyLimit: SIGNALS_BODY_LIMIT,
			schema: {
				body: SignalsBody,
				response: {
					200: SignalsResponse,
					'4xx': ErrorResponse,
					'5xx': ErrorResponse,
				},
			},
		},
		async ( request, reply ) => {
			const engine = readyEngine( state );
			const keys = profileKeys( request.claims, request.body.visitor );
			const key = keys.key;
			if ( key === null ) {
				throw new HttpError(
					400,
					'no_profile',
					'Signals need a visitor id or a logged-in user.'
				);
			}
			const { events } = request.body;
			const decision = engine.allowSignals( key, events.length );
			if ( ! decision.ok ) {
				void reply.header(
					'Retry-After',
					String( decision.retryAfterSec )
				);
				throw new HttpError(
					429,
					'rate_limited',
					'Too many signals for this profile; retry later.'
				);
			}
			return { accepted: engine.record( { ...keys, key }, events ) };
		}
	);
};
