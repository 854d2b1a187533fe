<?php
/**
 * Removes the plugin's data.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard;

use LogicException;
use Switchboard\Events\Schema as EventsSchema;
use Switchboard\Gateway\RateLimit\Table as RateLimitTable;
use Switchboard\Payments\PaymentStore;
use wpdb;

/**
 * Deletes everything the plugin stored, when an administrator deletes the plugin.
 *
 * Every option and transient the plugin writes is named with the `switchboard_` prefix, so the prefix alone
 * finds them; nothing else is touched. Cron events are found by the same prefix
 * among the hook names. Modules that add other kinds of data (tables, post meta) add a step to uninstall() (tables are dropped by drop_tables()). Transients kept only in a persistent object cache cannot be listed; they expire
 * on their own.
 */
final class Uninstaller {

	/**
	 * Prefix of every option and transient the plugin stores.
	 */
	public const PREFIX = 'switchboard_';

	/**
	 * Sets the database to clean.
	 *
	 * @param wpdb $wpdb WordPress database.
	 */
	public function __construct( private readonly wpdb $wpdb ) {
	}

	/**
	 * An uninstaller for the WordPress installation running this request.
	 *
	 * @return self
	 * @throws LogicException When WordPress's database is not set up.
	 */
	public static function for_this_installation(): self {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb ) {
			throw new LogicException( 'WordPress has not set up its database.' );
		}

		return new self( $wpdb );
	}

	/**
	 * Deletes the plugin's data from every site of the installation.
	 */
	public function uninstall(): void {
		if ( ! is_multisite() ) {
			$this->clear_cron();
			$this->delete_options();
			$this->drop_tables();
			return;
		}

		$site_ids = get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		);
		foreach ( $site_ids as $site_id ) {
			switch_to_blog( (int) $site_id );
			$this->clear_cron();
			$this->delete_options();
			$this->drop_tables();
			restore_current_blog();
		}

		$this->delete_network_options();
	}

	/**
	 * Drops the current site's tables: the rate limiter's buckets, the events outbox, the processed webhook ids, the gateway metrics and the payments record.
	 *
	 * @return list<string> Names of the tables dropped (or already absent).
	 */
	public function drop_tables(): array {
		$tables   = array_merge( array( RateLimitTable::name( $this->wpdb ) ), EventsSchema::tables( $this->wpdb ) );
		$tables[] = Gateway\Metrics\MetricsTable::name( $this->wpdb );
		// WordPress's copy of the payments; Stripe and the payment service's ledger keep the originals.
		$tables[] = PaymentStore::table( $this->wpdb );
		foreach ( $tables as $table ) {
			// Table names come from wpdb's prefix and a constant; DDL has no placeholder form in WPCS 2.3.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->query( "DROP TABLE IF EXISTS `{$table}`" );
		}
		return $tables;
	}

	/**
	 * Unschedules the current site's `switchboard_` cron events (the dispatcher, key rotation, the sync jobs):
	 * WordPress keeps them in its own `cron` option, which the prefix does not reach.
	 *
	 * @return list<string> Hooks unscheduled.
	 */
	public function clear_cron(): array {
		$hooks = array();
		foreach ( _get_cron_array() as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				if ( str_starts_with( (string) $hook, self::PREFIX ) ) {
					$hooks[ (string) $hook ] = true;
				}
			}
		}
		foreach ( array_keys( $hooks ) as $hook ) {
			wp_unschedule_hook( $hook );
		}

		return array_keys( $hooks );
	}

	/**
	 * Deletes the current site's `switchboard_` options and transients.
	 *
	 * @return list<string> Names of the deleted options (transients under their `_transient_` names).
	 */
	public function delete_options(): array {
		$names = $this->find_names( $this->wpdb->options, 'option_name', array( '', '_transient_', '_transient_timeout_', '_site_transient_', '_site_transient_timeout_' ) );

		foreach ( $names as $name ) {
			// Through the API rather than one DELETE, so the options and transients caches stay right.
			if ( str_starts_with( $name, '_transient_timeout_' ) || str_starts_with( $name, '_site_transient_timeout_' ) ) {
				delete_option( $name );
			} elseif ( str_starts_with( $name, '_transient_' ) ) {
				delete_transient( substr( $name, strlen( '_transient_' ) ) );
			} elseif ( str_starts_with( $name, '_site_transient_' ) ) {
				delete_site_transient( substr( $name, strlen( '_site_transient_' ) ) );
			} else {
				delete_option( $name );
			}
		}

		return $names;
	}

	/**
	 * Deletes the `switchboard_` network options and site transients of every network (multisite only).
	 *
	 * @return list<string> Names of the deleted network options.
	 */
	public function delete_network_options(): array {
		$names       = $this->find_names( (string) $this->wpdb->sitemeta, 'meta_key', array( '', '_site_transient_', '_site_transient_timeout_' ) );
		$network_ids = get_networks(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		);

		foreach ( is_array( $network_ids ) ? $network_ids : array() as $network_id ) {
			foreach ( $names as $name ) {
				delete_network_option( is_numeric( $network_id ) ? (int) $network_id : null, $name );
			}
		}

		return $names;
	}

	/**
	 * Lists the names in a column that start with one of the given prefixes followed by `switchboard_`.
	 *
	 * @param string       $table    Table name, from wpdb's own properties.
	 * @param string       $column   Column holding the names.
	 * @param list<string> $prefixes WordPress prefixes that may precede `switchboard_` (the empty string for none).
	 * @return list<string>
	 */
	private function find_names( string $table, string $column, array $prefixes ): array {
		$conditions = array();
		$values     = array( $column, $table );
		foreach ( $prefixes as $prefix ) {
			$conditions[] = '%i LIKE %s';
			$values[]     = $column;
			$values[]     = $this->wpdb->esc_like( $prefix . self::PREFIX ) . '%';
		}

		// Listing names by prefix has no API. Every identifier and value goes through a placeholder; WPCS 2.3
		// predates the %i identifier placeholder (WordPress 6.2) and cannot follow the query built here.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQLPlaceholders
		$names = $this->wpdb->get_col( $this->wpdb->prepare( 'SELECT %i FROM %i WHERE ' . implode( ' OR ', $conditions ), $values ) );

		return array_map( 'strval', $names );
	}
}
