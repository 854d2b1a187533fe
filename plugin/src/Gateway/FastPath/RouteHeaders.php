<?php
/**
 * The headers WordPress sends with a route's answers, for answers sent before WordPress has fully loaded.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\FastPath;

use Switchboard\Gateway\Cache\CacheStore;

/**
 * The REST server adds headers of its own to every answer (Content-Type, X-Robots-Tag, Link,
 * X-Content-Type-Options, the CORS ones, Allow). An early answer has no REST server, so it repeats the ones
 * WordPress sent with the route's last answer; until WordPress has answered a route once, nothing about it is
 * answered early.
 */
final class RouteHeaders {

	/**
	 * Headers that do not change from one answer of a route to the next (lower-case).
	 */
	public const NAMES = array( 'content-type', 'x-robots-tag', 'link', 'x-content-type-options', 'access-control-expose-headers', 'access-control-allow-headers', 'allow', 'vary' );

	/**
	 * How long a route's headers are kept, in seconds.
	 */
	private const TTL = 86400;

	/**
	 * The headers recorded for a route, or null.
	 *
	 * @param CacheStore $store    Where the gateway keeps its cache.
	 * @param string     $route_id Route id.
	 * @return array<string, string>|null
	 */
	public static function find( CacheStore $store, string $route_id ): ?array {
		$stored = $store->get( self::key( $route_id ) );
		if ( null === $stored ) {
			return null;
		}

		$headers = array();
		foreach ( $stored as $name => $value ) {
			if ( is_string( $name ) && is_string( $value ) ) {
				$headers[ $name ] = $value;
			}
		}

		return array() === $headers ? null : $headers;
	}

	/**
	 * Records the headers just sent for a route, unless the same ones are recorded.
	 *
	 * @param CacheStore   $store    Where the gateway keeps its cache.
	 * @param string       $route_id Route id.
	 * @param list<string> $lines  headers_list() of the answer.
	 */
	public static function remember( CacheStore $store, string $route_id, array $lines ): void {
		$headers = self::pick( $lines, self::NAMES );
		if ( array() !== $headers && $store->get( self::key( $route_id ) ) !== $headers ) {
			$store->set( self::key( $route_id ), $headers, self::TTL );
		}
	}

	/**
	 * The headers among `header()` lines whose names are listed.
	 *
	 * @param list<string> $lines Lines such as `Content-Type: application/json`.
	 * @param list<string> $names Lower-case names.
	 * @return array<string, string>
	 */
	public static function pick( array $lines, array $names ): array {
		$headers = array();
		foreach ( $lines as $line ) {
			$parts = explode( ':', $line, 2 );
			if ( 2 === count( $parts ) && in_array( strtolower( trim( $parts[0] ) ), $names, true ) ) {
				$headers[ trim( $parts[0] ) ] = trim( $parts[1] );
			}
		}

		return $headers;
	}

	/**
	 * Storage key of a route's headers.
	 *
	 * @param string $route_id Route id.
	 * @return string
	 */
	private static function key( string $route_id ): string {
		return 'swb_route_' . md5( $route_id );
	}
}
