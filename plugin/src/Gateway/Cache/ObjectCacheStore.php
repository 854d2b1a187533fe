<?php
/**
 * Cache storage in the persistent object cache.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

/**
 * Keeps entries in the object cache group `switchboard`; the lock is a wp_cache_add(), atomic in
 * persistent backends such as Redis or Memcached. Only shared across processes when
 * wp_using_ext_object_cache() is true; CachedEndpoint::default_store() chooses.
 */
final class ObjectCacheStore implements CacheStore {

	/**
	 * Object cache group.
	 */
	public const GROUP = 'switchboard';

	/**
	 * Reads an entry.
	 *
	 * @param string $key Storage key.
	 * @return array<mixed>|null
	 */
	public function get( string $key ): ?array {
		$found = false;
		$entry = wp_cache_get( $key, self::GROUP, false, $found );

		return $found && is_array( $entry ) ? $entry : null;
	}

	/**
	 * Stores an entry.
	 *
	 * @param string       $key     Storage key.
	 * @param array<mixed> $entry   Entry.
	 * @param int          $seconds Seconds to keep it.
	 */
	public function set( string $key, array $entry, int $seconds ): void {
		wp_cache_set( $key, $entry, self::GROUP, max( 1, $seconds ) );
	}

	/**
	 * Removes an entry.
	 *
	 * @param string $key Storage key.
	 */
	public function delete( string $key ): void {
		wp_cache_delete( $key, self::GROUP );
	}

	/**
	 * Takes a lock with an atomic add that expires by itself.
	 *
	 * @param string $key     Storage key the lock is for.
	 * @param int    $seconds Lifetime of the lock.
	 * @return bool
	 */
	public function lock( string $key, int $seconds ): bool {
		return wp_cache_add( $key . '_lock', 1, self::GROUP, max( 1, $seconds ) );
	}

	/**
	 * Releases a lock.
	 *
	 * @param string $key Storage key the lock is for.
	 */
	public function unlock( string $key ): void {
		wp_cache_delete( $key . '_lock', self::GROUP );
	}
}
