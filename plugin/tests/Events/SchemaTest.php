<?php
/**
 * Tests the content events' tables.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use Switchboard\Events\Outbox;
use Switchboard\Events\Schema;
use Switchboard\Tests\TestCase;

/**
 * A site whose outbox was created by schema 1 gets the `subject` column on its next use, keeping its rows.
 */
final class SchemaTest extends TestCase {

	/**
	 * The outbox of schema 1 is upgraded in place; its old rows stay deliverable, without an order.
	 */
	public function test_upgrades_a_version_1_outbox_in_place(): void {
		$wpdb  = $this->wpdb();
		$table = Schema::outbox( $wpdb );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- rebuilding the table as schema 1 made it; WPCS 2.3 predates %i.
		$wpdb->query( (string) $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $table ) );
		$wpdb->query(
			(string) $wpdb->prepare(
				'CREATE TABLE %i (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				event_id char(36) NOT NULL,
				service varchar(32) NOT NULL,
				type varchar(40) NOT NULL,
				payload longtext NOT NULL,
				status varchar(10) NOT NULL DEFAULT \'pending\',
				attempts int(10) unsigned NOT NULL DEFAULT 0,
				next_attempt_at bigint(20) unsigned NOT NULL DEFAULT 0,
				lease varchar(32) NOT NULL DEFAULT \'\',
				last_error varchar(191) NOT NULL DEFAULT \'\',
				created_at bigint(20) unsigned NOT NULL DEFAULT 0,
				delivered_at bigint(20) unsigned DEFAULT NULL,
				PRIMARY KEY  (id),
				UNIQUE KEY event_service (event_id,service),
				KEY due (status,next_attempt_at)
			)',
				$table
			)
		);
		$wpdb->query( (string) $wpdb->prepare( "INSERT INTO %i (event_id, service, type, payload, status) VALUES ('old-1', 'search', 'post.updated', '{}', 'pending')", $table ) );
		// phpcs:enable
		update_option( Schema::VERSION_OPTION, '1', false );

		$this->assertTrue( Schema::ensure( $wpdb ) );
		$this->assertSame( Schema::VERSION, get_option( Schema::VERSION_OPTION ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- reading the table itself; WPCS 2.3 predates %i.
		$columns = $wpdb->get_col( (string) $wpdb->prepare( 'SHOW COLUMNS FROM %i', $table ) );
		$this->assertContains( 'subject', $columns );

		$outbox = new Outbox();
		$new    = $outbox->add( 'search', 'post.updated', array( 'id' => 7 ), 100, 'post:7' );
		$this->assertNotSame( '', $new );
		$this->assertSame( array( 1, $outbox->row_id( $new, 'search' ) ), array_keys( $outbox->due( 100, 10 ) ) );
		$row = $outbox->get( 1 );
		$this->assertIsArray( $row );
		$this->assertSame( '', $row['subject'] ?? null, 'Old rows have no subject.' );
	}
}
