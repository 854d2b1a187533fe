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
