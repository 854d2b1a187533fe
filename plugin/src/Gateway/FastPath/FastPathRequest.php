<?php
/**
 * A request the fast path may answer, read from the raw server variables.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\FastPath;

/**
 * An anonymous `GET /wp-json/switchboard/v1/...` with a plain query string, and its memo key.
 *
 * Both sides use this one reading of the raw request: the full WordPress path when it writes a memo after
 * validating a request, and the fast path when it looks one up. So a memo exists only for the exact bytes
 * that WordPress validated. Anything unusual is not eligible (and so is answered by WordPress): another
 * method, credentials, a cross-origin request, array or repeated parameters, an odd path.
 */
final class FastPathRequest {

	/**
	 * Where gateway routes start in a URL path.
	 */
	private const NAMESPACE_PATH = '/wp-json/switchboard/v1';

	/**
	 * Builds a request; use from_server().
	 *
	 * @param string             $route_path The route's path below the namespace, e.g. `/search`.
	 * @param array<int, string> $names      Decoded parameter names.
	 * @param string             $key        Memo key: a hash of host, path and sorted raw parameters.
	 */
	private function __construct(
		public readonly string $route_path,
		public readonly array $names,
		public readonly string $key
	) {
	}

	/**
	 * Reads an eligible request, or null.
	 *
	 * @param array<mixed> $server Server variables, normally `$_SERVER`.
	 * @return self|null
	 */
	public static function from_server( array $server ): ?self {
		if ( 'GET' !== ( $server['REQUEST_METHOD'] ?? null ) ) {
			return null;
		}
		// A nonce (api-fetch sends one with every request) is no credential without a logged-in cookie: WordPress
		// answers a valid one as anonymous, and Access::tolerate_stale_nonce() an invalid one on public routes.
		foreach ( array( 'HTTP_AUTHORIZATION', 'PHP_AUTH_USER', 'HTTP_ORIGIN' ) as $credential ) {
			if ( isset( $server[ $credential ] ) ) {
				return null;
			}
		}
		$cookie = is_string( $server['HTTP_COOKIE'] ?? null ) ? $server['HTTP_COOKIE'] : '';
		if ( str_contains( $cookie, 'wordpress_logged_in_' ) || str_contains( $cookie, 'wordpress_sec_' ) ) {
			return null;
		}

		$uri  = is_string( $server['REQUEST_URI'] ?? null ) ? $server['REQUEST_URI'] : '';
		$host = is_string( $server['HTTP_HOST'] ?? null ) ? strtolower( $server['HTTP_HOST'] ) : '';
		$path = explode( '?', $uri, 2 )[0];
		$at   = strpos( $path, self::NAMESPACE_PATH . '/' );
		if ( '' === $host || false === $at ) {
			return null;
		}
		$route_path = substr( $path, $at + strlen( self::NAMESPACE_PATH ) );
		if ( 1 !== preg_match( '#^(?:/[a-z0-9-]{1,48}){1,4}$#D', $route_path ) ) {
			return null;
		}

		$query = is_string( $server['QUERY_STRING'] ?? null ) ? $server['QUERY_STRING'] : '';
		$pairs = '' === $query ? array() : explode( '&', $query );
		$names = array();
		foreach ( $pairs as $pair ) {
			$name = urldecode( explode( '=', $pair, 2 )[0] );
			// PHP would turn `a[]` into an array and let a repeated name's last value win: not for the fast path.
			if ( '' === $name || str_contains( $name, '[' ) || in_array( $name, $names, true ) ) {
				return null;
			}
			$names[] = $name;
		}
		sort( $pairs, SORT_STRING );

		return new self( $route_path, $names, hash( 'sha256', $host . "\n" . $path . "\n" . implode( '&', $pairs ) ) );
	}
}
