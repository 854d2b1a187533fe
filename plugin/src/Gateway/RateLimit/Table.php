<?php
/**
 * The rate limiter's table, for sites without a persistent object cache.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\RateLimit;

use wpdb;

/**
 * `{$wpdb->prefix}switchboard_rate_limits`: one row per bucket, holding only a keyed hash of the bucket
 * key (never a raw IP address) and the bucket's theoretical arrival time in milliseconds.
 *
 * Created with dbDelta() the first time a limiter needs it, and again whenever VERSION changes.
 */
final class Table {

	/**
	 * Schema version; bump it when the schema below changes.
	 */
	public const VERSION = '1';

	/**
	 * Option holding the installed schema version.
	 */
	public const VERSION_OPTION = 'switchboard_rate_limits_db_version';

	/**
	 * The table's name without the site's prefix.
	 */
	private const NAME = 'switchboard_rate_limits';

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
	 * Creates or upgrades the table when the stored schema version is not the current one.
	 *
	 * Several requests may do this at once on a fresh site; a "table already exists" error from one of
	 * them is expected and silenced, and the table's presence is checked afterwards instead.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return bool Whether the table exists.
	 */
	public static function ensure( wpdb $wpdb ): bool {
		if ( self::VERSION === get_option( self::VERSION_OPTION ) ) {
			return true;
		}

		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$name = self::name( $wpdb );

		$suppressed = $wpdb->suppress_errors( true );
		dbDelta(
			"CREATE TABLE {$name} (
				key_hash char(64) NOT NULL,
				tat bigint(20) unsigned NOT NULL DEFAULT 0,
				PRIMARY KEY  (key_hash),
				KEY tat (tat)
			) {$wpdb->get_charset_collate()};"
		);
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checks the table dbDelta() just created; nothing to cache.
		$exists = $name === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $name ) ) );
		$wpdb->suppress_errors( $suppressed );

		if ( $exists ) {
			update_option( self::VERSION_OPTION, self::VERSION, false );
		}

		return $exists;
	}
}
