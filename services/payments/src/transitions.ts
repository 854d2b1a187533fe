/**
 * The state rules, in one place. Before a payment is final it follows whatever Stripe says its intent is
 * (a failed 3-D Secure challenge legitimately goes requires_action → requires_payment_method). Once final it
 * never moves again, except succeeded → partially_refunded → refunded through this service's refunds.
 */
import type { PaymentStatus } from './payment';

/** Statuses Stripe gives a PaymentIntent (API version pinned in stripe-client.ts). */
export type IntentStatus =
	| 'requires_payment_method'
	| 'requires_confirmation'
	| 'requires_action'
	| 'processing'
	| 'requires_capture'
	| 'succeeded'
	| 'canceled';

export type CallbackType =
	| 'payment.succeeded'
	| 'payment.failed'
	| 'payment.refunded'
	| 'payment.canceled';

const FINAL: ReadonlySet< PaymentStatus > = new Set( [
	'succeeded',
	'partially_refunded',
	'refunded',
	'canceled',
] );

/**
 * @param status A payment status.
 */
export function isFinal( status: PaymentStatus ): boolean {
	return FINAL.has( status );
}

/**
 * The payment status an intent status means. Intents are created with automatic capture, so
 * `requires_capture` only appears for a moment inside Stripe: the money is not taken yet, hence processing.
 *
 * @param status The intent's status.
 */
export function statusFromIntent( status: IntentStatus ): PaymentStatus {
	return status === 'requires_capture' ? 'processing' : status;
}

/**
 * Whether Stripe's word may move a payment from `from` to `to` (refunds take their own path).
 *
 * @param from Current status.
 * @param to   What Stripe says now.
 */
export function mayFollowStripe(
	from: PaymentStatus,
	to: PaymentStatus
): boolean {
	return from !== to && ! isFinal( from );
}

/**
 * The callback WordPress gets when a payment enters a status, if any.
 *
 * @param to The new status.
 */
export function callbackFor( to: PaymentStatus ): CallbackType | null {
	switch ( to ) {
		case 'succeeded':
			return 'payment.succeeded';
		case 'canceled':
			return 'payment.canceled';
		case 'partially_refunded':
		case 'refunded':
			return 'payment.refunded';
		default:
			return null;
	}
}
