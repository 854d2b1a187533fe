<?php
/**
 * Tests of Settings → Switchboard.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Admin\SettingsPage;
use Switchboard\Tests\TestCase;

/**
 * The page is added for administrators under Settings, loads its script and style only on itself, prints no
 * data of its own inline, and renders the element the screen mounts into.
 */
final class SettingsPageTest extends TestCase {

	/**
	 * The built screen is there (the PHP suite runs after the build).
	 *
	 * @return string Main plugin file.
	 */
	private static function plugin_file(): string {
		return dirname( __DIR__, 2 ) . '/switchboard.php';
	}

	/**
	 * Loads add_options_page(), which WordPress defines only in the admin.
	 */
	protected function set_up(): void {
		parent::set_up();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
	}

	/**
	 * Removes what the test enqueued and the menu entry it added.
	 */
	protected function tear_down(): void {
		foreach ( array( 'submenu', '_registered_pages', '_parent_pages' ) as $global ) {
			unset( $GLOBALS[ $global ] );
		}
		wp_dequeue_script( SettingsPage::HANDLE );
		wp_deregister_script( SettingsPage::HANDLE );
		wp_dequeue_style( SettingsPage::HANDLE );
		wp_deregister_style( SettingsPage::HANDLE );
		parent::tear_down();
	}

	/**
	 * Administrators get the page under Settings; its assets load there and nowhere else.
	 */
	public function test_enqueues_only_on_its_own_page(): void {
		$this->log_in_as( 'administrator' );
		$page = new SettingsPage( self::plugin_file() );
		$page->add_page();
		$this->assertStringEndsWith( '_page_switchboard', $page->hook_suffix() );

		$page->enqueue( 'index.php' );
		$this->assertFalse( wp_script_is( SettingsPage::HANDLE, 'enqueued' ) );

		if ( ! file_exists( dirname( self::plugin_file() ) . '/build/admin/settings.asset.php' ) ) {
			$this->markTestSkipped( 'Run npm run build first.' );
		}
		$page->enqueue( $page->hook_suffix() );
		$this->assertTrue( wp_script_is( SettingsPage::HANDLE, 'enqueued' ) );
		$this->assertTrue( wp_style_is( SettingsPage::HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ SettingsPage::HANDLE ];
		$this->assertStringEndsWith( '/build/admin/settings.js', (string) $script->src );
		$this->assertContains( 'wp-api-fetch', $script->deps );
		$this->assertFalse( wp_scripts()->get_data( SettingsPage::HANDLE, 'data' ), 'No data is printed inline.' );
		$this->assertFalse( wp_scripts()->get_data( SettingsPage::HANDLE, 'before' ) );
	}

	/**
	 * Other users do not get the page.
	 */
	public function test_editors_do_not_get_the_page(): void {
		$this->log_in_as( 'editor' );
		$page = new SettingsPage( self::plugin_file() );
		$page->add_page();
		$this->assertSame( '', $page->hook_suffix() );
		$this->assertSame( '', $this->capture_output( array( $page, 'render' ) ) );
	}

	/**
	 * The page prints its heading and the element the screen mounts into.
	 */
	public function test_renders_the_mount_point(): void {
		$this->log_in_as( 'administrator' );
		$html = $this->capture_output( array( new SettingsPage( self::plugin_file() ), 'render' ) );

		$this->assertStringContainsString( '<h1>Switchboard</h1>', $html );
		$this->assertStringContainsString( 'id="switchboard-settings"', $html );
	}
}
