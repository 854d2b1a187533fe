<?php
/**
 * Where cached responses are kept.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

/**
 * Storage shared by every PHP process of the site, with an atomic lock.
 *
 * Entries are plain arrays; CachedEndpoint checks their shape when it reads them back.
 */
interface CacheStore {

	/**
	 * Reads an entry, as stored now by any process.
	 *
	 * @param string $key Storage key.
	 * @return array<mixed>|null The entry, or null when there is none.
	 */
	public function get( string $key ): ?array;

	/**
	 * Stores an entry.
	 *
	 * @param string       $key     Storage key.
	 * @param array<mixed> $entry   Entry.
	 * @param int          $seconds Seconds to keep it (at least 1).
	 */
	public function set( string $key, array $entry, int $seconds ): void;

	/**
	 * Removes an entry.
	 *
	 * @param string $key Storage key.
	 */
	public function delete( string $key ): void;

	/**
	 * Takes a lock atomically (add-if-absent, never check-then-set); a lock older than $seconds is broken.
	 *
	 * @param string $key     Storage key the lock is for.
	 * @param int    $seconds Seconds after which the lock is considered abandoned.
	 * @return bool Whether this caller holds the lock.
	 */
	public function lock( string $key, int $seconds ): bool;

	/**
	 * Releases a lock.
	 *
	 * @param string $key Storage key the lock is for.
	 */
	public function unlock( string $key ): void;
}
