/**
 * What the routes share: the data, the clock, the webhook dispatcher, and the one way events are made.
 */
import { ApiVersion } from './api-version';
import type { Config } from './config';
import { newId } from './ids';
import { copy, type Json, type StandinData, type StripeEvent } from './store';
import type { WebhookDispatcher } from './webhooks/dispatcher';

/** Who caused an event: the API request (with its Idempotency-Key), or nobody (the 3-D Secure page). */
export interface RequestInfo {
	id: string | null;
	idempotencyKey: string | null;
}

export interface Standin {
	config: Config;
	data: StandinData;
	dispatcher: WebhookDispatcher;
	/** Current time in ms (injectable for tests). */
	now: () => number;
	/** The next this-many /v1 requests fail (SDK retry tests)... */
	failNext: number;
	/** ...with this status: 500 api_error or 429 rate_limit_error. */
	failStatus: 500 | 429;
	/** Records the event and queues its deliveries. */
	emit: (
		type: string,
		object: Json,
		request: RequestInfo,
		previous?: Json
	) => StripeEvent;
	/** Marks the state as changed (for the snapshot). */
	changed: () => void;
}

/**
 * Builds the shared state.
 *
 * @param config     Configuration.
 * @param data       Loaded or empty data.
 * @param dispatcher The webhook dispatcher.
 * @param now        The clock.
 * @param changed    Called after every change.
 */
export function createStandin(
	config: Config,
	data: StandinData,
	dispatcher: WebhookDispatcher,
	now: () => number,
	changed: () => void
): Standin {
	const standin: Standin = {
		config,
		data,
		dispatcher,
		now,
		failNext: 0,
		failStatus: 500,
		changed,
		emit( type, object, request, previous ) {
			const event: StripeEvent = {
				id: newId( 'evt' ),
				object: 'event',
				api_version: ApiVersion,
				created: Math.floor( now() / 1000 ),
				// A copy: the event shows the object as it was when the event happened.
				data: {
					object: copy( object ),
					...( previous === undefined
						? {}
						: { previous_attributes: copy( previous ) } ),
				},
				livemode: false,
				pending_webhooks: dispatcher.endpoints.length,
				request: {
					id: request.id,
					idempotency_key: request.idempotencyKey,
				},
				type,
			};
			standin.data.events.push( event );
			dispatcher.enqueue( event );
			changed();
			return event;
		},
	};
	return standin;
}
