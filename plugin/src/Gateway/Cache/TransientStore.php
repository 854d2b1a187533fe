<?php
/**
 * Cache storage in transients, for sites without a persistent object cache.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

use Closure;
use wpdb;

/**
 * Keeps entries in transients (always with an expiration, so never autoloaded) and takes locks with an
 * INSERT IGNORE on the options table, as CircuitBreaker does.
 *
 * WordPress remembers options it has read (or found missing) for the rest of the request; get() forgets
 * them first, so a process waiting for another's result sees it as soon as it is written.
 */
final class TransientStore implements CacheStore {

	/**
	 * Prefix of the transient names.
	 */
	private const PREFIX = 'switchboard_';

	/**
	 * Prefix of the lock option names.
	 */
	private const LOCK_PREFIX = 'switchboard_cache_lock_';

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Sets the clock used to age locks.
	 *
	 * @param Closure():int|null $clock Current Unix time; time() when null.
	 */
	public function __construct( ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * Reads an entry as stored now, bypassing the request's memory of options.
	 *
	 * @param string $key Storage key.
	 * @return array<mixed>|null
	 */
	public function get( string $key ): ?array {
		$this->forget_runtime( self::PREFIX . $key );
		$entry = get_transient( self::PREFIX . $key );

		return is_array( $entry ) ? $entry : null;
	}

	/**
	 * Stores an entry.
	 *
	 * @param string       $key     Storage key.
	 * @param array<mixed> $entry   Entry.
	 * @param int          $seconds Seconds to keep it.
	 */
	public function set( string $key, array $entry, int $seconds ): void {
		set_transient( self::PREFIX . $key, $entry, max( 1, $seconds ) );
	}

	/**
	 * Removes an entry.
	 *
	 * @param string $key Storage key.
	 */
	public function delete( string $key ): void {
		delete_transient( self::PREFIX . $key );
	}

	/**
	 * Takes a lock with an atomic insert; a lock older than $seconds (its holder died) is broken first.
	 *
	 * @param string $key     Storage key the lock is for.
	 * @param int    $seconds Age after which the lock is abandoned.
	 * @return bool
	 */
	public function lock( string $key, int $seconds ): bool {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb ) {
			return false;
		}
		$name = self::LOCK_PREFIX . $key;
		$now  = ( $this->clock )();

		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; the options API has no add-if-absent.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2); every query is prepared.
		$held = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, $name ) );
		if ( is_string( $held ) && (int) $held + max( 1, $seconds ) <= $now ) {
			$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value = %s', $wpdb->options, $name, $held ) );
		}
		$inserted = $wpdb->query( (string) $wpdb->prepare( "INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $wpdb->options, $name, (string) $now ) );
		// phpcs:enable

		return 1 === $inserted;
	}

	/**
	 * Releases a lock.
	 *
	 * @param string $key Storage key the lock is for.
	 */
	public function unlock( string $key ): void {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( $wpdb instanceof wpdb ) {
			$wpdb->delete( $wpdb->options, array( 'option_name' => self::LOCK_PREFIX . $key ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- pairs with the atomic insert in lock().
		}
	}

	/**
	 * Forgets what this request remembers of a transient's two options.
	 *
	 * @param string $transient Transient name.
	 */
	private function forget_runtime( string $transient ): void {
		$names = array( '_transient_' . $transient, '_transient_timeout_' . $transient );
		foreach ( $names as $name ) {
			wp_cache_delete( $name, 'options' );
		}

		$missing = wp_cache_get( 'notoptions', 'options' );
		if ( is_array( $missing ) && array() !== array_intersect_key( $missing, array_flip( $names ) ) ) {
			wp_cache_set( 'notoptions', array_diff_key( $missing, array_flip( $names ) ), 'options' );
		}
	}
}
