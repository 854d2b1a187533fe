/**
 * Calls to the stand-in's Stripe API with a publishable key, as Stripe.js makes them: form-encoded bodies,
 * the key as a bearer token, Stripe's error JSON passed through untouched, and a network failure turned into
 * an `api_connection_error` (Stripe.js never rejects its promises for these).
 */
import { formEncode, type FormValue } from './form-encode';
import type { StripeError } from './stripe-types';

export type ApiResult< T > =
	{ ok: true; body: T } | { ok: false; error: StripeError };

const CONNECTION_MESSAGE =
	'An error occurred with our connection to Stripe. Request was retried 0 times.';

/**
 * @param apiBase        The stand-in's base URL.
 * @param publishableKey The pk_ key.
 * @param method         GET or POST.
 * @param path           Path under the base (starting with /v1/).
 * @param params         Query (GET) or body (POST) parameters.
 */
export async function callApi< T >(
	apiBase: string,
	publishableKey: string,
	method: 'GET' | 'POST',
	path: string,
	params: Record< string, FormValue >
): Promise< ApiResult< T > > {
	const encoded = formEncode( params );
	const url =
		method === 'GET' && encoded !== ''
			? `${ apiBase }${ path }?${ encoded }`
			: `${ apiBase }${ path }`;
	let response: Response;
	try {
		response = await fetch( url, {
			method,
			headers: {
				Authorization: `Bearer ${ publishableKey }`,
				...( method === 'POST'
					? { 'Content-Type': 'application/x-www-form-urlencoded' }
					: {} ),
			},
			body: method === 'POST' ? encoded : undefined,
			credentials: 'omit',
		} );
	} catch {
		return {
			ok: false,
			error: {
				type: 'api_connection_error',
				message: CONNECTION_MESSAGE,
			},
		};
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return {
			ok: false,
			error: {
				type: 'api_error',
				message: `Unexpected response from Stripe (HTTP ${ response.status }).`,
			},
		};
	}
	if ( ! response.ok ) {
		const error = ( body as { error?: StripeError } | null )?.error;
		return {
			ok: false,
			error:
				error && typeof error.type === 'string'
					? error
					: {
							type: 'api_error',
							message: `Unexpected response from Stripe (HTTP ${ response.status }).`,
						},
		};
	}
	return { ok: true, body: body as T };
}

/**
 * The PaymentIntent id inside a client secret (`pi_123_secret_abc` → `pi_123`), or null.
 *
 * @param clientSecret A PaymentIntent client secret.
 */
export function intentIdOf( clientSecret: string ): string | null {
	const match = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(
		clientSecret
	);
	return match ? match[ 1 ] : null;
}
