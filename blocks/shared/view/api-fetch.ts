/**
 * WordPress's `apiFetch` on the front end, from the `wp-api-fetch` classic script a block's block.json
 * lists as `viewScript` (a script module cannot import it). Its root URL and nonce middlewares are set
 * up by WordPress.
 */

/** What the script accepts here. */
interface ApiFetchOptions {
	path: string;
	signal?: AbortSignal;
	parse: false;
}

/** The part of `window` the script sets (typed here, not globally: e2e utilities declare `wp` as `any`). */
interface WithApiFetch {
	wp?: {
		apiFetch?: ( options: ApiFetchOptions ) => Promise< Response >;
	};
}

/**
 * GETs a REST path and returns the raw response, so headers can be read.
 *
 * @param path   Path below `/wp-json`, with its query string.
 * @param signal Aborts the request.
 * @return The response; rejects with the Response for an HTTP error, or with an Error.
 */
export function fetchResponse(
	path: string,
	signal?: AbortSignal
): Promise< Response > {
	const apiFetch = ( window as unknown as WithApiFetch ).wp?.apiFetch;
	if ( ! apiFetch ) {
		return Promise.reject( new Error( 'wp-api-fetch is not loaded' ) );
	}
	return apiFetch( { path, signal, parse: false } );
}

/** What `postJson` passes to the script. */
interface PostOptions {
	path: string;
	method: 'POST';
	data: unknown;
	keepalive?: boolean;
}

/**
 * POSTs JSON to a REST path and parses the answer.
 *
 * @param path      Path below `/wp-json`.
 * @param data      The body, sent as JSON.
 * @param keepalive Lets the request outlive the page (events sent on `pagehide`); bodies stay small.
 * @return The parsed answer; rejects with the error body for an HTTP error, or with an Error.
 */
export function postJson< T >(
	path: string,
	data: unknown,
	keepalive = false
): Promise< T > {
	const apiFetch = ( window as unknown as WithPost ).wp?.apiFetch;
	if ( ! apiFetch ) {
		return Promise.reject( new Error( 'wp-api-fetch is not loaded' ) );
	}
	const options: PostOptions = { path, method: 'POST', data };
	if ( keepalive ) {
		options.keepalive = true;
	}
	return apiFetch( options ) as Promise< T >;
}

/** The script, called with POST options (its parsed answer is the caller's to type). */
interface WithPost {
	wp?: { apiFetch?: ( options: PostOptions ) => Promise< unknown > };
}
