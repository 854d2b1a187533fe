<?php
/**
 * The content events' tables.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use wpdb;

/**
 * `{prefix}switchboard_outbox` holds one row per event and subscribing service until it is delivered (or dead),
 * with the `subject` (e.g. `post:12`) whose events must reach a service in order;
 * `{prefix}switchboard_webhook_ids` remembers the ids of verified inbound webhooks until their window is over.
 *
 * Both are created with dbDelta() the first time they are needed, and again whenever VERSION changes.
 * Times are Unix seconds, so every reader and writer can share one injectable clock.
 */
final class Schema {

	/**
	 * Schema version; bump it when the schema below changes.
	 */
	public const VERSION = '2';

	/**
	 * Option holding the installed schema version.
	 */
	public const VERSION_OPTION = 'switchboard_events_db_version';

	/**
	 * The outbox table's name for the current site.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return string
	 */
	public static function outbox( wpdb $wpdb ): string {
		return $wpdb->prefix . 'switchboard_outbox';
	}

	/**
	 * The processed webhook ids table's name for the current site.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return string
	 */
	public static function webhook_ids( wpdb $wpdb ): string {
		return $wpdb->prefix . 'switchboard_webhook_ids';
	}

	/**
	 * Every table of this schema.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return list<string>
	 */
	public static function tables( wpdb $wpdb ): array {
		return array( self::outbox( $wpdb ), self::webhook_ids( $wpdb ) );
	}

	/**
	 * Creates or upgrades the tables when the stored schema version is not the current one.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return bool Whether both tables exist.
	 */
	public static function ensure( wpdb $wpdb ): bool {
		if ( self::VERSION === get_option( self::VERSION_OPTION ) ) {
			return true;
		}

		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$outbox  = self::outbox( $wpdb );
		$ids     = self::webhook_ids( $wpdb );
		$collate = $wpdb->get_charset_collate();

		$suppressed = $wpdb->suppress_errors( true );
		dbDelta(
			array(
				"CREATE TABLE {$outbox} (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				event_id char(36) NOT NULL,
				service varchar(32) NOT NULL,
				type varchar(40) NOT NULL,
				subject varchar(64) NOT NULL DEFAULT '',
				payload longtext NOT NULL,
				status varchar(10) NOT NULL DEFAULT 'pending',
				attempts int(10) unsigned NOT NULL DEFAULT 0,
				next_attempt_at bigint(20) unsigned NOT NULL DEFAULT 0,
				lease varchar(32) NOT NULL DEFAULT '',
				last_error varchar(191) NOT NULL DEFAULT '',
				created_at bigint(20) unsigned NOT NULL DEFAULT 0,
				delivered_at bigint(20) unsigned DEFAULT NULL,
				PRIMARY KEY  (id),
				UNIQUE KEY event_service (event_id,service),
				KEY due (status,next_attempt_at),
				KEY subject (service,subject,status)
			) {$collate};",
				"CREATE TABLE {$ids} (
				id_hash char(64) NOT NULL,
				expires_at bigint(20) unsigned NOT NULL DEFAULT 0,
				PRIMARY KEY  (id_hash),
				KEY expires_at (expires_at)
			) {$collate};",
			)
		);
		$exists = true;
		foreach ( self::tables( $wpdb ) as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checks the table dbDelta() just created; nothing to cache.
			$exists = $exists && $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
		}
		$wpdb->suppress_errors( $suppressed );

		if ( $exists ) {
			update_option( self::VERSION_OPTION, self::VERSION, false );
		}

		return $exists;
	}
}
