<?php
/**
 * The gateway metrics' table, for sites without a persistent object cache.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Metrics;

use wpdb;

/**
 * `{$wpdb->prefix}switchboard_metrics`: one row per service and minute, holding that minute's counts of
 * requests, failures, cache hits and misses, and one column per latency bucket (b0 … bN, see Histogram).
 *
 * Created with dbDelta() the first time the store needs it, and again whenever VERSION changes.
 */
final class MetricsTable {

	/**
	 * Schema version; bump it when the schema below (or Histogram::BOUNDS) changes.
	 */
	public const VERSION = '1';

	/**
	 * Option holding the installed schema version.
	 */
	public const VERSION_OPTION = 'switchboard_metrics_db_version';

	/**
	 * The table's name without the site's prefix.
	 */
	private const NAME = 'switchboard_metrics';

	/**
	 * The table's name for the current site.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return string
	 */
	public static function name( wpdb $wpdb ): string {
		return $wpdb->prefix . self::NAME;
	}

	/**
	 * Name of a latency bucket's column.
	 *
	 * @param int $bucket Bucket index (see Histogram).
	 * @return string
	 */
	public static function bucket_column( int $bucket ): string {
		return 'b' . max( 0, min( Histogram::size() - 1, $bucket ) );
	}

	/**
	 * Creates or upgrades the table when the stored schema version is not the current one.
	 *
	 * Several requests may do this at once on a fresh site; a "table already exists" error from one of them
	 * is expected and silenced, and the table's presence is checked afterwards instead.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return bool Whether the table exists.
	 */
	public static function ensure( wpdb $wpdb ): bool {
		if ( self::VERSION === get_option( self::VERSION_OPTION ) ) {
			return true;
		}

		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$name    = self::name( $wpdb );
		$buckets = '';
		for ( $i = 0, $size = Histogram::size(); $i < $size; ++$i ) {
			$buckets .= self::bucket_column( $i ) . " int(10) unsigned NOT NULL DEFAULT 0,\n";
		}

		$suppressed = $wpdb->suppress_errors( true );
		dbDelta(
			"CREATE TABLE {$name} (
				service varchar(32) NOT NULL,
				minute bigint(20) unsigned NOT NULL,
				requests int(10) unsigned NOT NULL DEFAULT 0,
				failures int(10) unsigned NOT NULL DEFAULT 0,
				cache_hits int(10) unsigned NOT NULL DEFAULT 0,
				cache_misses int(10) unsigned NOT NULL DEFAULT 0,
				{$buckets}PRIMARY KEY  (service,minute),
				KEY minute (minute)
			) {$wpdb->get_charset_collate()};"
		);
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checks the table dbDelta() just created; nothing to cache.
		$exists = $name === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $name ) ) );
		$wpdb->suppress_errors( $suppressed );

		if ( $exists ) {
			// Autoloaded: record() checks it on every proxied request, and a few bytes spare that query.
			update_option( self::VERSION_OPTION, self::VERSION, true );
		}

		return $exists;
	}
}
