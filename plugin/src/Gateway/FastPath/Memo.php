<?php
/**
 * What the fast path needs to answer one exact request.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\FastPath;

use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Cache\CacheStore;
use Switchboard\Gateway\RateLimit\Policy;

/**
 * A note WordPress leaves in the gateway's cache store after it validated a request to a public cached route and
 * answered it: which cache entry holds the answer, the route's cache policy and rate limit, the trusted
 * proxies, and the headers WordPress sent. With it, the next identical request can be answered before
 * WordPress loads, under the same rules.
 */
final class Memo {

	/**
	 * Object cache group of the copy of the cache version that the drop-in reads (it cannot read options).
	 */
	public const GROUP = 'switchboard_fast';

	/**
	 * Key of that copy of CacheKey::version() in GROUP.
	 */
	public const VERSION_KEY = 'cache_version';

	/**
	 * Prefix of a memo's storage key.
	 */
	private const PREFIX = 'swb_memo_';

	/**
	 * Builds a memo.
	 *
	 * @param string                $route_id    Route id, for the rate-limit bucket.
	 * @param string                $service_id  Service id, for metrics.
	 * @param string                $storage_key CacheKey::storage_key() of the answer.
	 * @param int                   $version     Cache version the key belongs to.
	 * @param CachePolicy           $cache       The route's cache policy.
	 * @param Policy                $rate_limit  The route's rate limit (after filters).
	 * @param list<string>          $proxies     Trusted proxies (after filters).
	 * @param array<string, string> $headers     Headers WordPress sent that do not change between requests.
	 */
	public function __construct(
		public readonly string $route_id,
		public readonly string $service_id,
		public readonly string $storage_key,
		public readonly int $version,
		public readonly CachePolicy $cache,
		public readonly Policy $rate_limit,
		public readonly array $proxies,
		public readonly array $headers
	) {
	}

	/**
	 * The memo for a request, or null.
	 *
	 * @param CacheStore $store Where the gateway keeps its cache.
	 * @param string     $key   FastPathRequest::$key.
	 * @return self|null
	 */
	public static function find( CacheStore $store, string $key ): ?self {
		$data = $store->get( self::PREFIX . $key );

		return null === $data ? null : self::from_array( $data );
	}

	/**
	 * Stores the memo for a request, unless the same one is there already.
	 *
	 * @param CacheStore $store Where the gateway keeps its cache.
	 * @param string     $key   FastPathRequest::$key.
	 */
	public function remember( CacheStore $store, string $key ): void {
		$data = $this->to_array();
		if ( $store->get( self::PREFIX . $key ) !== $data ) {
			$store->set( self::PREFIX . $key, $data, max( 1, $this->cache->retention() ) );
		}
		if ( wp_using_ext_object_cache() ) {
			wp_cache_add( self::VERSION_KEY, $this->version, self::GROUP );
		}
	}

	/**
	 * The cache version as the drop-in can know it: the object cache's copy, or 0 when there is none.
	 *
	 * @return int
	 */
	public static function cached_version(): int {
		$version = wp_cache_get( self::VERSION_KEY, self::GROUP );

		return is_numeric( $version ) ? (int) $version : 0;
	}

	/**
	 * The memo as stored.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'route'    => $this->route_id,
			'service'  => $this->service_id,
			'entry'    => $this->storage_key,
			'version'  => $this->version,
			'ttl'      => $this->cache->ttl,
			'swr'      => $this->cache->stale_while_revalidate,
			'sie'      => $this->cache->stale_if_error,
			'capacity' => $this->rate_limit->capacity,
			'refill'   => $this->rate_limit->refill_per_second,
			'proxies'  => $this->proxies,
			'headers'  => $this->headers,
		);
	}

	/**
	 * A memo from its stored form, or null when anything is off.
	 *
	 * @param array<mixed> $data Stored form.
	 * @return self|null
	 */
	private static function from_array( array $data ): ?self {
		$strings = array( 'route', 'service', 'entry' );
		$ints    = array( 'version', 'ttl', 'swr', 'sie', 'capacity' );
		foreach ( $strings as $name ) {
			if ( ! is_string( $data[ $name ] ?? null ) ) {
				return null;
			}
		}
		foreach ( $ints as $name ) {
			if ( ! is_int( $data[ $name ] ?? null ) || $data[ $name ] < 0 ) {
				return null;
			}
		}
		if ( ! is_float( $data['refill'] ?? null ) || ! is_array( $data['proxies'] ?? null ) || ! is_array( $data['headers'] ?? null ) ) {
			return null;
		}
		if ( $data['ttl'] < 1 || $data['capacity'] < 1 || $data['refill'] <= 0.0 ) {
			return null;
		}

		$headers = array();
		foreach ( $data['headers'] as $name => $value ) {
			if ( is_string( $name ) && is_string( $value ) ) {
				$headers[ $name ] = $value;
			}
		}

		return new self(
			(string) $data['route'],
			(string) $data['service'],
			(string) $data['entry'],
			(int) $data['version'],
			CachePolicy::public( (int) $data['ttl'], (int) $data['swr'], (int) $data['sie'] ),
			new Policy( (int) $data['capacity'], (float) $data['refill'] ),
			array_values( array_filter( $data['proxies'], 'is_string' ) ),
			$headers
		);
	}
}
