<?php
/**
 * The lock one step of the sync job runs under.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use wpdb;

/**
 * An atomic lock on the options table (an `INSERT IGNORE` of a row whose value is `<expiry>:<token>`), so two
 * drivers of the job (a browser tab, WP-Cron, the CLI) never run a step at once. A lock past its expiry
 * belongs to a process that died (a PHP timeout) and is broken; only its holder's token releases it.
 */
final class StepLock {

	/**
	 * The option row that is the search job's lock (SyncTarget::lock_option() for any target).
	 */
	public const OPTION = 'switchboard_search_sync_lock';

	/**
	 * The option row that is this lock.
	 *
	 * @var string
	 */
	private string $option;

	/**
	 * The token of the lock this object holds, or ''.
	 *
	 * @var string
	 */
	private string $token = '';

	/**
	 * Picks the target's lock row.
	 *
	 * @param SyncTarget|null $target Whose job; the search index's when null.
	 */
	public function __construct( ?SyncTarget $target = null ) {
		$this->option = ( $target ?? SyncTarget::search() )->lock_option();
	}

	/**
	 * Takes the lock for at most `$seconds`.
	 *
	 * @param int $seconds Time after which the lock counts as abandoned.
	 * @return bool Whether this object now holds it.
	 */
	public function acquire( int $seconds ): bool {
		$wpdb  = $this->db();
		$now   = time();
		$token = bin2hex( random_bytes( 12 ) );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; the options API has no add-if-absent.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2); every query is prepared.
		$held = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, $this->option ) );
		if ( is_string( $held ) && (int) strtok( $held, ':' ) <= $now ) {
			// Deleting exactly the value seen: if another process broke it first, this deletes nothing.
			$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value = %s', $wpdb->options, $this->option, $held ) );
		}
		$inserted = $wpdb->query( (string) $wpdb->prepare( "INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $wpdb->options, $this->option, ( $now + max( 1, $seconds ) ) . ':' . $token ) );
		// phpcs:enable
		wp_cache_delete( $this->option, 'options' );
		if ( 1 !== $inserted ) {
			return false;
		}
		$this->token = $token;

		return true;
	}

	/**
	 * Releases the lock if this object still holds it.
	 */
	public function release(): void {
		if ( '' === $this->token ) {
			return;
		}
		$wpdb = $this->db();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- pairs with the atomic insert in acquire().
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value LIKE %s', $wpdb->options, $this->option, '%:' . $wpdb->esc_like( $this->token ) ) );
		// phpcs:enable
		wp_cache_delete( $this->option, 'options' );
		$this->token = '';
	}

	/**
	 * Whether some process holds an unexpired lock.
	 *
	 * @return bool
	 */
	public function is_held(): bool {
		$wpdb = $this->db();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- reads the row acquire() writes.
		$held = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, $this->option ) );
		// phpcs:enable

		return is_string( $held ) && (int) strtok( $held, ':' ) > time();
	}

	/**
	 * The database.
	 *
	 * @return wpdb
	 * @throws \RuntimeException Before WordPress connected to its database.
	 */
	private function db(): wpdb {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb ) {
			throw new \RuntimeException( 'WordPress has no database connection.' );
		}

		return $wpdb;
	}
}
