/**
 * The official Stripe SDK, with the API version pinned (the shapes this service reads are that version's,
 * whatever the account's default is) and, for the offline stand-in, another host.
 */
import Stripe from 'stripe';

import type { StripeConfig } from './config';
import type { IntentSnapshot } from './ledger';
import type { IntentStatus } from './transitions';

const KNOWN_STATUSES: ReadonlySet< string > = new Set< IntentStatus >( [
	'requires_payment_method',
	'requires_confirmation',
	'requires_action',
	'processing',
	'requires_capture',
	'succeeded',
	'canceled',
] );

/** The API version every request names; the one the pinned SDK (stripe 23.1.0) is typed against. */
export const STRIPE_API_VERSION = '2026-10-28.endive';

export interface StripeClientOptions {
	/** Retries of a failed request by the SDK (same idempotency key). Default 2. */
	maxNetworkRetries?: number;
	/** Timeout of one request in milliseconds. Default 20000. */
	timeoutMs?: number;
}

/**
 * @param config  Keys and the optional API base.
 * @param options Retries and timeout.
 */
export function createStripe(
	config: StripeConfig,
	options: StripeClientOptions = {}
): Stripe {
	const base = config.apiBase;
	return new Stripe( config.secretKey, {
		apiVersion: STRIPE_API_VERSION,
		maxNetworkRetries: options.maxNetworkRetries ?? 2,
		timeout: options.timeoutMs ?? 20_000,
		appInfo: { name: 'switchboard-payments', version: '0.1.0' },
		...( base === null
			? {}
			: {
					host: base.hostname,
					port:
						base.port || ( base.protocol === 'https:' ? 443 : 80 ),
					protocol: base.protocol === 'https:' ? 'https' : 'http',
				} ),
	} );
}

/**
 * What the ledger keeps of an intent.
 *
 * @param intent A PaymentIntent.
 */
export function snapshotOf( intent: Stripe.PaymentIntent ): IntentSnapshot {
	const error = intent.last_payment_error;
	return {
		id: intent.id,
		// A status newer than the pinned version knows is treated as "not settled yet", never as final.
		status: KNOWN_STATUSES.has( intent.status )
			? ( intent.status as IntentStatus )
			: 'processing',
		lastError:
			error === null || error === undefined
				? null
				: {
						code: error.code ?? null,
						declineCode: error.decline_code ?? null,
						message: error.message ?? null,
					},
		livemode: intent.livemode,
	};
}

/**
 * A Stripe failure summarized for a log line: type, code and status, never the message or the request
 * (Stripe's messages can quote parameters).
 *
 * @param error Anything thrown by the SDK.
 */
export function describeStripeError(
	error: unknown
): Record< string, unknown > {
	if ( error instanceof Stripe.errors.StripeError ) {
		return {
			stripeType: error.type,
			stripeCode: error.code ?? null,
			statusCode: error.statusCode ?? null,
			requestId: error.requestId ?? null,
		};
	}
	return { error: error instanceof Error ? error.name : 'unknown' };
}
