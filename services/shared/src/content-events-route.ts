/**
 * `POST /events`: content events from the gateway's outbox, signed and idempotent. The transport (exact
 * bytes, signature, ids, answers) is the same in every content service; what an event means is the
 * service's, through `plan` and `apply`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import type { ContentEventPlan } from './content-event-plan';
import { ErrorResponse, EventBody, EventResponse } from './content-schemas';
import { HttpError } from './errors';
import { checkSignature } from './signature';

declare module 'fastify' {
	interface FastifyRequest {
		/** The exact body bytes, for the signature. */
		rawBody?: Buffer;
	}
}

/** Largest event accepted. */
const BODY_LIMIT = 1024 * 1024;

/** The service's side of `/events`: when it can take them, what they mean, and applying them. */
export interface ContentEventHandlers< P > {
	/** Throws (a 503 HttpError) while the service cannot take events yet; called before anything else. */
	ready: () => void;
	/** What the event would change; pure, so that a refused event changes nothing. */
	plan: ( type: string, data: unknown ) => ContentEventPlan< P >;
	/** Applies a plan once per event id; false when the id was already applied (a redelivery). */
	apply: ( id: string, plan: P ) => boolean | Promise< boolean >;
}

export interface ContentEventsOptions< P > extends ContentEventHandlers< P > {
	/** Shared secret of the event signatures; null to rely on the token alone. */
	webhookSecret: string | null;
}

/**
 * The `/events` route, as a plugin of its own: the raw-body JSON parser stays inside it.
 *
 * @param options Secret, readiness, and the service's plan and apply.
 */
export function contentEventRoutes< P >(
	options: ContentEventsOptions< P >
): FastifyPluginAsyncTypebox {
	const { webhookSecret, ready, plan: planEvent, apply } = options;
	return async ( app ) => {
		// Keep the exact bytes: the signature covers them, not a re-serialization.
		const parseJson = app.getDefaultJsonParser( 'error', 'error' );
		app.addContentTypeParser(
			'application/json',
			{ parseAs: 'buffer', bodyLimit: BODY_LIMIT },
			( request, body, done ) => {
				request.rawBody = body as Buffer;
				parseJson(
					request,
					( body as Buffer ).toString( 'utf8' ),
					done
				);
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
					ready();
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
						String(
							request.headers[ 'switchboard-signature' ] ?? ''
						),
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
				const applied = await apply( id, plan.plan );
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
}
