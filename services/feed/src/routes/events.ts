/**
 * `POST /events`: content events from the gateway's outbox, signed and idempotent (as the search service's).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkSignature, HttpError } from '@switchboard/service-kit';

import { planEvent } from '../content-events';
import { ErrorResponse, EventBody, EventResponse } from '../schemas';
import { readyEngine, type ServiceState } from '../state';

declare module 'fastify' {
	interface FastifyRequest {
		/** The exact body bytes, for the signature. */
		rawBody?: Buffer;
	}
}

/** Largest event accepted. */
const BODY_LIMIT = 1024 * 1024;

export const eventRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
	/** Shared secret of the event signatures; null to rely on the token alone. */
	webhookSecret: string | null;
} > = async ( app, { state, webhookSecret } ) => {
	// Keep the exact bytes: the signature covers them, not a re-serialization.
	const parseJson = app.getDefaultJsonParser( 'error', 'error' );
	app.addContentTypeParser(
		'application/json',
		{ parseAs: 'buffer', bodyLimit: BODY_LIMIT },
		( request, body, done ) => {
			request.rawBody = body as Buffer;
			parseJson( request, ( body as Buffer ).toString( 'utf8' ), done );
		}
	);

	app.post(
		'/events',
		{
			bodyLimit: BODY_LIMIT,
			schema: {
				body: EventBody,
				response: {
					200: EventResponse,
					'4xx': ErrorResponse,
					'5xx': ErrorResponse,
				},
			},
			// Before the body is validated: an unsigned request learns nothing about what a valid body is.
			preValidation: async ( request ) => {
				readyEngine( state );
				if ( request.rawBody === undefined ) {
					throw new HttpError(
						415,
						'unsupported_media_type',
						'Events are application/json.'
					);
				}
				if ( webhookSecret === null ) {
					return;
				}
				const headerId = request.headers[ 'switchboard-event-id' ];
				const check = checkSignature(
					webhookSecret,
					typeof headerId === 'string' ? headerId : undefined,
					String( request.headers[ 'switchboard-signature' ] ?? '' ),
					request.rawBody
				);
				if ( ! check.ok ) {
					request.log.warn(
						{ reason: check.code },
						'Event signature refused.'
					);
					throw new HttpError(
						check.status,
						check.code,
						check.message
					);
				}
			},
		},
		async ( request ) => {
			const headerId = request.headers[ 'switchboard-event-id' ];
			const { id, type, data } = request.body;
			if ( headerId !== undefined && headerId !== id ) {
				throw new HttpError(
					400,
					'event_id_mismatch',
					'The Switchboard-Event-Id header does not match the body.'
				);
			}
			const plan = planEvent( type, data );
			if ( plan.kind === 'invalid' ) {
				throw new HttpError( 400, plan.code, plan.message );
			}
			if ( plan.kind === 'ignore' ) {
				request.log.info(
					{ event: id, type },
					'Event type not handled; ignored.'
				);
				return { ok: true as const, ignored: true };
			}
			const applied = readyEngine( state ).applyEvent( id, plan.plan );
			request.log.info(
				{ event: id, type, applied },
				'Event processed.'
			);
			return applied
				? { ok: true as const }
				: { ok: true as const, duplicate: true };
		}
	);
};
