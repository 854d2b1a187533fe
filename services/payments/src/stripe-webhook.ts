/**
 * Verifies Stripe's webhook with the SDK (`stripe.webhooks.constructEvent`: HMAC over the exact bytes,
 * constant-time comparison, timestamp tolerance), trying every configured secret so a secret can be rolled
 * in Stripe's dashboard without downtime. The SDK only refuses timestamps that are too old; one too far in
 * the future is refused here too, so a signature made with a wrong clock cannot be replayed later.
 */
import Stripe from 'stripe';

/** Stripe's own default tolerance, in seconds. */
export const WEBHOOK_TOLERANCE_SEC = 300;

export type WebhookCheck =
	| { ok: true; event: Stripe.Event }
	| {
			ok: false;
			reason:
				| 'missing_signature'
				| 'malformed_signature'
				| 'timestamp_outside_tolerance'
				| 'signature_mismatch'
				| 'invalid_payload';
	  };

/**
 * @param stripe  The SDK.
 * @param body    The exact body bytes.
 * @param header  The `Stripe-Signature` header.
 * @param secrets Every accepted signing secret.
 * @param nowMs   The current time in milliseconds.
 */
export function verifyStripeEvent(
	stripe: Stripe,
	body: Buffer,
	header: string | string[] | undefined,
	secrets: readonly string[],
	nowMs: number
): WebhookCheck {
	if ( typeof header !== 'string' || header.trim() === '' ) {
		return { ok: false, reason: 'missing_signature' };
	}
	const timestamp = /(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec( header );
	if ( timestamp === null || ! /(?:^|,)\s*v1=[0-9a-f]+/.test( header ) ) {
		return { ok: false, reason: 'malformed_signature' };
	}
	if (
		Number( timestamp[ 1 ] ) - Math.floor( nowMs / 1000 ) >
		WEBHOOK_TOLERANCE_SEC
	) {
		return { ok: false, reason: 'timestamp_outside_tolerance' };
	}
	let reason: 'timestamp_outside_tolerance' | 'signature_mismatch' =
		'signature_mismatch';
	for ( const secret of secrets ) {
		try {
			const event = stripe.webhooks.constructEvent(
				body,
				header,
				secret,
				WEBHOOK_TOLERANCE_SEC,
				undefined,
				nowMs
			);
			return { ok: true, event };
		} catch ( error ) {
			if (
				! (
					error instanceof
					Stripe.errors.StripeSignatureVerificationError
				)
			) {
				// The signature matched but the body is not an event.
				return { ok: false, reason: 'invalid_payload' };
			}
			if ( /tolerance/i.test( error.message ) ) {
				reason = 'timestamp_outside_tolerance';
			}
		}
	}
	return { ok: false, reason };
}
