<?php
/**
 * The storage key of a route's response for given arguments.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

use InvalidArgumentException;
use Switchboard\Gateway\FastPath\Memo;
use Normalizer;

/**
 * A versioned sha256 of the route id and its normalized arguments.
 *
 * Normalization only merges arguments that cannot mean different things to a service:
 * - the keys of associative arrays are sorted, at every depth (`?a=1&b=2` is `?b=2&a=1`);
 * - lists keep their order, since order may matter to the service (ids in a requested order);
 * - strings are NFC-normalized when the intl Normalizer is available (the same text, composed or not);
 * - types are kept: `"10"` and `10` differ. The route's args schema coerces them before the key is built,
 *   so this only matters for a route without a schema, where merging them would be a guess;
 * - strings are not trimmed or lowercased: that is the route's sanitizer's decision, not the cache's.
 *
 * Anything else the response depends on (locale, the current user for a private route) must be passed in
 * the arguments. The `switchboard_cache_version` option is part of every key, so bumping it (see
 * invalidate_all()) makes every stored entry unreachable at once, e.g. on deploy.
 */
final class CacheKey {

	/**
	 * Option holding the current key version.
	 */
	public const VERSION_OPTION = 'switchboard_cache_version';

	/**
	 * Builds a key; use for_route().
	 *
	 * @param string $route_id Route id.
	 * @param string $hash     sha256 (hex) of the route id and normalized arguments.
	 * @param int    $version  Key version.
	 */
	private function __construct(
		public readonly string $route_id,
		public readonly string $hash,
		public readonly int $version
	) {
	}

	/**
	 * The key of a route's response for these arguments.
	 *
	 * @param string              $route_id Route id, e.g. `search/query`.
	 * @param array<mixed, mixed> $args     Arguments after the route's schema has validated and sanitized them.
	 * @return self
	 * @throws InvalidArgumentException For an argument that is not a scalar, null or an array of those.
	 */
	public static function for_route( string $route_id, array $args ): self {
		$hash = hash( 'sha256', serialize( array( $route_id, self::normalize( $args ) ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- binary-safe and type-preserving input to a hash; never unserialized.

		return new self( $route_id, $hash, self::version() );
	}

	/**
	 * The current key version.
	 *
	 * @return int
	 */
	public static function version(): int {
		$version = get_option( self::VERSION_OPTION, 1 );

		return is_numeric( $version ) ? max( 1, (int) $version ) : 1;
	}

	/**
	 * Makes every stored entry unreachable by moving to the next key version.
	 *
	 * @return int The new version.
	 */
	public static function invalidate_all(): int {
		$version = self::version() + 1;
		update_option( self::VERSION_OPTION, $version, true );
		// The fast path cannot read options: it compares its memos with this copy.
		wp_cache_set( Memo::VERSION_KEY, $version, Memo::GROUP );

		return $version;
	}

	/**
	 * The name the entry is stored under (short enough for a transient name).
	 *
	 * @return string
	 */
	public function storage_key(): string {
		return 'swb_v' . $this->version . '_' . $this->hash;
	}

	/**
	 * Sorts associative keys recursively and NFC-normalizes strings.
	 *
	 * @param mixed $value Argument value.
	 * @return mixed
	 * @throws InvalidArgumentException For objects and resources.
	 */
	private static function normalize( mixed $value ): mixed {
		if ( is_string( $value ) ) {
			return self::normalize_string( $value );
		}
		if ( null === $value || is_scalar( $value ) ) {
			return $value;
		}
		if ( ! is_array( $value ) ) {
			throw new InvalidArgumentException( 'Cache key arguments must be scalars, null or arrays.' );
		}

		$normalized = array();
		foreach ( $value as $key => $item ) {
			$normalized[ is_string( $key ) ? self::normalize_string( $key ) : $key ] = self::normalize( $item );
		}
		if ( ! array_is_list( $value ) ) {
			ksort( $normalized, SORT_STRING );
		}

		return $normalized;
	}

	/**
	 * NFC-normalizes a string when the intl Normalizer is available; invalid UTF-8 is kept byte for byte.
	 *
	 * @param string $value String.
	 * @return string
	 */
	private static function normalize_string( string $value ): string {
		if ( ! class_exists( Normalizer::class ) ) {
			return $value;
		}
		$normalized = Normalizer::normalize( $value, Normalizer::FORM_C );

		return is_string( $normalized ) ? $normalized : $value;
	}
}
