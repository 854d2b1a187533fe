/**
 * The PaymentIntent client secret: what lets a browser (publishable key, or the 3-D Secure page) see and
 * confirm one intent and no other.
 */
import { timingSafeEqual } from 'node:crypto';

import type { PaymentIntent } from './store';
import { invalidRequest } from './stripe-error';

/**
 * Refuses a client secret that is not this intent's.
 *
 * @param intent The intent.
 * @param given  The client secret sent.
 */
export function checkClientSecret(
	intent: PaymentIntent,
	given: string
): void {
	const a = Buffer.from( given );
	const b = Buffer.from( intent.client_secret );
	if ( a.length !== b.length || ! timingSafeEqual( a, b ) ) {
		throw invalidRequest(
			'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
			'client_secret',
			'payment_intent_invalid_parameter'
		);
	}
}
