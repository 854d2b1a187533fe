/**
 * Webhook endpoints: a URL and its signing secret, which can be rolled with an overlap during which
 * deliveries carry a signature for both the new and the old secret (what Stripe does on rotation).
 */
import { newId, randomText } from '../ids';

export interface WebhookEndpoint {
	id: string;
	url: string;
	secret: string;
	/** The secret before the last roll, and until when (unix ms) it still signs. */
	previous: { secret: string; expiresAt: number } | null;
}

/** A fresh signing secret. */
export const newSecret = () => `whsec_${ randomText( 32 ) }`;

/**
 * A new endpoint.
 *
 * @param url    Where events go.
 * @param secret Its secret (a fresh one when omitted).
 */
export const createEndpoint = (
	url: string,
	secret: string = newSecret()
): WebhookEndpoint => ( {
	id: newId( 'we' ),
	url,
	secret,
	previous: null,
} );

/**
 * The secrets that sign a delivery now: the current one, then the old one during the overlap.
 *
 * @param endpoint The endpoint.
 * @param now      Current time (ms).
 */
export function signingSecrets(
	endpoint: WebhookEndpoint,
	now: number
): string[] {
	return endpoint.previous !== null && endpoint.previous.expiresAt > now
		? [ endpoint.secret, endpoint.previous.secret ]
		: [ endpoint.secret ];
}

/**
 * Replaces the secret; the old one keeps signing for `overlapMs`.
 *
 * @param endpoint  The endpoint (changed in place).
 * @param overlapMs How long the old secret keeps signing.
 * @param now       Current time (ms).
 */
export function rollSecret(
	endpoint: WebhookEndpoint,
	overlapMs: number,
	now: number
): void {
	endpoint.previous =
		overlapMs > 0
			? { secret: endpoint.secret, expiresAt: now + overlapMs }
			: null;
	endpoint.secret = newSecret();
}

/**
 * The endpoint as shown by the controls: never its secret.
 *
 * @param endpoint The endpoint.
 * @param now      Current time (ms).
 */
export const publicEndpoint = ( endpoint: WebhookEndpoint, now: number ) => ( {
	id: endpoint.id,
	object: 'webhook_endpoint',
	url: endpoint.url,
	secret_rolling_until:
		endpoint.previous !== null && endpoint.previous.expiresAt > now
			? endpoint.previous.expiresAt
			: null,
} );
