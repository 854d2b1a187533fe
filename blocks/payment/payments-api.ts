/**
 * The gateway's payment routes, through WordPress's `apiFetch` (the `wp-api-fetch` classic script the
 * block lists as `viewScript`: it adds the REST root and the nonce). Errors become a `GatewayError` with
 * the HTTP status, the WP REST error code and data, and `Retry-After`.
 */

/**
 * Internal dependencies
 */
import type { Challenge } from './proof-of-work';
import type { CreatedPayment, PaymentStatusAnswer } from './types';

const ROUTE = '/switchboard/v1/payments';

/** What this file passes to apiFetch. */
interface ApiFetchOptions {
	path: string;
	method?: 'GET' | 'POST';
	data?: unknown;
	signal?: AbortSignal;
	parse: false;
}

/** The part of `window` the script sets. */
interface WithApiFetch {
	wp?: { apiFetch?: ( options: ApiFetchOptions ) => Promise< Response > };
}

/** The body of `POST /payments`. */
export interface PaymentRequest {
	post_id: number;
	block_id: string;
	amount: number;
	attempt: string;
	email?: string;
	challenge?: { token: string; solution: string };
}

/** A refused or failed request. */
export class GatewayError extends Error {
	/**
	 * @param status     HTTP status; 0 when the request did not complete.
	 * @param code       WP REST error code, empty when none.
	 * @param message    The error's message (for 400s, written for the visitor).
	 * @param data       The error's `data`.
	 * @param retryAfter Seconds from `Retry-After`, when sent.
	 */
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly data: Record< string, unknown > = {},
		readonly retryAfter: number | null = null
	) {
		super( message );
	}

	/**
	 * The proof-of-work challenge of a 428 answer.
	 *
	 * @return The challenge, or null when this is not one.
	 */
	challenge(): Challenge | null {
		const c = this.data.challenge as Partial< Challenge > | undefined;
		return this.status === 428 &&
			c &&
			typeof c.token === 'string' &&
			typeof c.salt === 'string' &&
			typeof c.difficulty === 'number'
			? ( { ...c, algorithm: c.algorithm ?? 'SHA-256' } as Challenge )
			: null;
	}
}

/**
 * Whether apiFetch rejected with a response (checked by shape: `instanceof` fails across realms).
 *
 * @param value What apiFetch rejected with.
 * @return True for a Response.
 */
function isResponse( value: unknown ): value is Response {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof ( value as Response ).status === 'number' &&
		typeof ( value as Response ).json === 'function'
	);
}

/**
 * Calls a route and returns its JSON.
 *
 * @param options apiFetch options.
 * @return The body.
 */
async function call< T >(
	options: Omit< ApiFetchOptions, 'parse' >
): Promise< T > {
	const apiFetch = ( window as unknown as WithApiFetch ).wp?.apiFetch;
	if ( ! apiFetch ) {
		throw new GatewayError(
			0,
			'no_api_fetch',
			'wp-api-fetch is not loaded'
		);
	}
	let response: Response;
	try {
		response = await apiFetch( { ...options, parse: false } );
	} catch ( thrown ) {
		// apiFetch rejects with the Response for an HTTP error, and with a plain object when offline.
		if ( ! isResponse( thrown ) ) {
			throw new GatewayError( 0, 'fetch_error', String( thrown ) );
		}
		response = thrown;
	}
	const body = ( await response.json().catch( () => null ) ) as Record<
		string,
		unknown
	> | null;
	if ( ! response.ok ) {
		const retry = Number( response.headers.get( 'Retry-After' ) );
		throw new GatewayError(
			response.status,
			typeof body?.code === 'string' ? body.code : '',
			typeof body?.message === 'string' ? body.message : '',
			( body?.data as Record< string, unknown > | undefined ) ?? {},
			Number.isFinite( retry ) && retry > 0 ? Math.ceil( retry ) : null
		);
	}
	return body as T;
}

/**
 * Creates the payment of an attempt (or gets it back: the same attempt answers the same payment).
 *
 * @param request The attempt.
 * @return The payment and what Stripe.js needs.
 */
export function createPayment(
	request: PaymentRequest
): Promise< CreatedPayment > {
	return call< CreatedPayment >( {
		path: ROUTE,
		method: 'POST',
		data: request,
	} );
}

/**
 * Reads a payment's status (the service asks Stripe while it is not final).
 *
 * @param id      Payment id.
 * @param attempt Its attempt key, which proves this browser started it.
 * @return The status, and where to go after success.
 */
export function paymentStatus(
	id: string,
	attempt: string
): Promise< PaymentStatusAnswer > {
	const query = new URLSearchParams( { id, attempt } );
	return call< PaymentStatusAnswer >( {
		path: `${ ROUTE }/status?${ query }`,
	} );
}
