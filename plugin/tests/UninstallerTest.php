<?php
/**
 * Tests removing the plugin's data.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use Switchboard\Events\Schema as EventsSchema;
use Switchboard\Gateway\Metrics\MetricsTable;
use Switchboard\Gateway\RateLimit\Table as RateLimitTable;
use Switchboard\Tests\Support\Site;
use Switchboard\Payments\PaymentStore;
use Switchboard\Uninstaller;

/**
 * Deleting the plugin removes its `switchboard_` options and transients, and nothing else.
 */
final class UninstallerTest extends TestCase {

	/**
	 * Options and transients the plugin owns.
	 */
	private const OWN_OPTIONS = array( 'switchboard_settings', 'switchboard_db_version' );

	/**
	 * Options that merely look similar; `_` is a LIKE wildcard, so `switchboardx_…` would match an unescaped pattern.
	 */
	private const OTHER_OPTIONS = array( 'switchboardx_settings', 'my_switchboard_settings', 'switchboard', 'blogname' );

	/**
	 * Stores the plugin's data and some lookalikes.
	 */
	protected function set_up(): void {
		parent::set_up();

		update_option( 'switchboard_settings', array( 'search' => 'on' ) );
		update_option( 'switchboard_db_version', '1', false );
		set_transient( 'switchboard_feed_cache', array( 'items' => array( 1, 2 ) ), HOUR_IN_SECONDS );
		set_transient( 'switchboard_forever', 'kept in options without a timeout' );
		set_site_transient( 'switchboard_jwks', 'public keys', DAY_IN_SECONDS );

		update_option( 'switchboardx_settings', 'not ours' );
		update_option( 'my_switchboard_settings', 'not ours' );
		update_option( 'switchboard', 'not ours either' );
		set_transient( 'other_plugin_cache', 'not ours' );
	}

	/**
	 * WordPress's own uninstall path (uninstall_plugin(), which runs uninstall.php) cleans up.
	 */
	public function test_uninstall_plugin_removes_only_switchboard_data(): void {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$blogname = get_option( 'blogname' );

		$this->assertTrue( uninstall_plugin( Site::PLUGIN ) );

		$this->assert_switchboard_data_is_gone();
		$this->assertSame( $blogname, get_option( 'blogname' ) );
		$this->assertSame( 'not ours', get_option( 'switchboardx_settings' ) );
		$this->assertSame( 'not ours', get_option( 'my_switchboard_settings' ) );
		$this->assertSame( 'not ours either', get_option( 'switchboard' ) );
		$this->assertSame( 'not ours', get_transient( 'other_plugin_cache' ) );
	}

	/**
	 * Deleting options reports exactly what was deleted, including the transients' timeout rows.
	 */
	public function test_delete_options_lists_what_it_deleted(): void {
		$deleted = ( new Uninstaller( $this->wpdb() ) )->delete_options();
		sort( $deleted );

		$this->assertSame(
			array(
				'_site_transient_switchboard_jwks',
				'_site_transient_timeout_switchboard_jwks',
				'_transient_switchboard_feed_cache',
				'_transient_switchboard_forever',
				'_transient_timeout_switchboard_feed_cache',
				'switchboard_db_version',
				'switchboard_settings',
			),
			$deleted
		);
		$this->assert_switchboard_data_is_gone();
		foreach ( self::OTHER_OPTIONS as $option ) {
			$this->assertNotFalse( get_option( $option ), "{$option} was deleted." );
		}
	}

	/**
	 * The rate limiter's table goes with the plugin, and only that table.
	 */
	public function test_uninstall_drops_the_rate_limit_table(): void {
		$wpdb = $this->wpdb();
		$this->assertTrue( RateLimitTable::ensure( $wpdb ) );
		$table = RateLimitTable::name( $wpdb );
		$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );

		( new Uninstaller( $wpdb ) )->uninstall();

		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );
		$this->assertSame( $wpdb->posts, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->posts ) ) );
	}

	/**
	 * The events outbox and the processed webhook ids go with the plugin.
	 */
	public function test_uninstall_drops_the_events_tables(): void {
		$wpdb = $this->wpdb();
		$this->assertTrue( EventsSchema::ensure( $wpdb ) );
		$tables = EventsSchema::tables( $wpdb );
		$this->assertSame( array( $wpdb->prefix . 'switchboard_outbox', $wpdb->prefix . 'switchboard_webhook_ids' ), $tables );
		foreach ( $tables as $table ) {
			$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );
		}

		$dropped = ( new Uninstaller( $wpdb ) )->drop_tables();

		$this->assertSame( array_merge( array( RateLimitTable::name( $wpdb ) ), $tables, array( MetricsTable::name( $wpdb ), PaymentStore::table( $wpdb ) ) ), $dropped );
		foreach ( $tables as $table ) {
			$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );
		}
		delete_option( EventsSchema::VERSION_OPTION );
	}

	/**
	 * The gateway metrics' table goes with the plugin.
	 */
	public function test_uninstall_drops_the_metrics_table(): void {
		$wpdb = $this->wpdb();
		$this->assertTrue( MetricsTable::ensure( $wpdb ) );
		$table = MetricsTable::name( $wpdb );
		$this->assertSame( $wpdb->prefix . 'switchboard_metrics', $table );
		$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );

		$this->assertContains( $table, ( new Uninstaller( $wpdb ) )->drop_tables() );

		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );
		delete_option( MetricsTable::VERSION_OPTION );
	}

	/**
	 * The plugin's cron events go (WordPress keeps them outside the options the prefix finds); others stay.
	 */
	public function test_uninstall_unschedules_only_switchboard_cron_events(): void {
		wp_schedule_event( time() + 60, 'hourly', 'switchboard_feed_sync' );
		wp_schedule_single_event( time() + 120, 'switchboard_dispatch_events', array( 'x' ) );
		wp_schedule_event( time() + 60, 'hourly', 'someone_elses_hook' );

		$cleared = ( new Uninstaller( $this->wpdb() ) )->clear_cron();

		$this->assertContains( 'switchboard_feed_sync', $cleared );
		$this->assertContains( 'switchboard_dispatch_events', $cleared );
		$this->assertFalse( wp_next_scheduled( 'switchboard_feed_sync' ) );
		$this->assertFalse( wp_next_scheduled( 'switchboard_dispatch_events', array( 'x' ) ) );
		$this->assertNotFalse( wp_next_scheduled( 'someone_elses_hook' ) );
		wp_clear_scheduled_hook( 'someone_elses_hook' );
	}

	/**
	 * A second run finds nothing to delete.
	 */
	public function test_uninstalling_twice_is_harmless(): void {
		$uninstaller = new Uninstaller( $this->wpdb() );
		$uninstaller->uninstall();

		$this->assertSame( array(), $uninstaller->delete_options() );
	}

	/**
	 * Neither the API nor the table knows the plugin's data any more.
	 */
	private function assert_switchboard_data_is_gone(): void {
		foreach ( self::OWN_OPTIONS as $option ) {
			$this->assertFalse( get_option( $option ), "{$option} survived." );
		}
		$this->assertFalse( get_transient( 'switchboard_feed_cache' ) );
		$this->assertFalse( get_transient( 'switchboard_forever' ) );
		$this->assertFalse( get_site_transient( 'switchboard_jwks' ) );

		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQLPlaceholders -- checking the table itself; %i postdates WPCS 2.3.
		$left = $wpdb->get_col( $wpdb->prepare( 'SELECT option_name FROM %i WHERE option_name LIKE %s', $wpdb->options, '%' . $wpdb->esc_like( 'switchboard_' ) . '%' ) );
		$this->assertSame( array( 'my_switchboard_settings' ), $left );
	}
}
