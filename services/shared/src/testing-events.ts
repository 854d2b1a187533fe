/**
 * Test support: a content event delivered as the gateway's outbox delivers it, signed with the shared
 * secret over the exact body (see signature.ts), with knobs to break each part of the delivery.
 */
import { computeSignature } from './signature';

/** An event as the outbox sends it. */
export interface TestEvent {
	id: string;
	type: string;
	data: Record< string, unknown >;
}

export interface SendOptions {
	/** Unix time of the signature; now by default. */
	timestamp?: number;
	/** Signs with another secret than the service's. */
	secret?: string;
	/** Replaces the whole signature header. */
	signature?: string;
	/** A `Switchboard-Event-Id` other than the body's id. */
	headerId?: string;
	/** Raw body instead of the event's JSON. */
	body?: string;
	contentType?: string;
}

/**
 * The fetch options of an event delivery: the gateway token, the event id header and the signature.
 *
 * @param event   The event.
 * @param secret  The service's shared secret (used unless `options.secret` replaces it).
 * @param token   A valid gateway token.
 * @param options What to break.
 */
export function signedEventRequest(
	event: TestEvent,
	secret: string,
	token: string,
	options: SendOptions = {}
): RequestInit {
	const body = options.body ?? JSON.stringify( event );
	const timestamp = options.timestamp ?? Math.floor( Date.now() / 1000 );
	const id = options.headerId ?? event.id;
	const hmac = computeSignature(
		options.secret ?? secret,
		id,
		timestamp,
		body
	);
	return {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${ token }`,
			'Content-Type': options.contentType ?? 'application/json',
			Accept: 'application/json',
			'Switchboard-Event-Id': id,
			'Switchboard-Signature':
				options.signature ?? `t=${ timestamp },v1=${ hmac }`,
		},
		body,
	};
}

let sequence = 0;

/** A unique event id. */
export const eventId = () => `evt-${ process.pid }-${ ++sequence }`;
