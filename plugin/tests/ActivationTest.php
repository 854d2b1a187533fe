<?php
/**
 * Tests activating the plugin on a clean site.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use Switchboard\Plugin;
use Switchboard\Requirements;
use Switchboard\Tests\Support\ErrorCollector;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\TestEnvironment;

/**
 * The bootstrap installed a fresh site and activated the plugin in wp-admin, each in its own process with
 * WP_DEBUG on, then loaded the site here: none of that may raise a notice, print or log anything.
 */
final class ActivationTest extends TestCase {

	/**
	 * Loads the plugin API.
	 */
	protected function set_up(): void {
		parent::set_up();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
	}

	/**
	 * Installing WordPress and activating the plugin succeed silently.
	 */
	public function test_activation_on_a_clean_site_raises_no_notice_and_prints_nothing(): void {
		$environment = TestEnvironment::get();
		$install     = $environment->setup_report( 'install' );
		$activate    = $environment->setup_report( 'activate' );

		$this->assertTrue( $install->completed, $install->describe() );
		$this->assertTrue( (bool) $install->data['installed'], $install->describe() );

		$this->assertTrue( $activate->completed, $activate->describe() );
		$this->assertSame( 0, $activate->exit_code, $activate->describe() );
		$this->assertSame( '', $activate->string( 'activation_error' ), 'activate_plugin() returned an error (unexpected output counts as one).' );
		$this->assertSame( array( Site::PLUGIN ), $activate->strings( 'active_plugins' ) );
		$this->assertSame( array(), $activate->errors, ErrorCollector::format( $activate->errors ) );
		$this->assertSame( '', $activate->output, 'Activation printed something.' );
		$this->assertSame( '', $activate->debug_log, 'WordPress logged errors while activating.' );
	}

	/**
	 * Loading the site with the plugin active, here, raised nothing either.
	 */
	public function test_loading_the_site_with_the_plugin_active_raises_no_notice(): void {
		$errors = TestEnvironment::get()->take_setup_errors();

		$this->assertSame( array(), $errors, ErrorCollector::format( $errors ) );
		$this->assertSame( '', TestEnvironment::get()->site()->read_debug_log() );
	}

	/**
	 * The plugin is active and booted from its real file.
	 */
	public function test_plugin_is_active_and_booted(): void {
		$this->assertTrue( is_plugin_active( Site::PLUGIN ) );

		$plugin = Plugin::instance();
		$this->assertInstanceOf( Plugin::class, $plugin );
		$this->assertSame( realpath( TestEnvironment::get()->repo_dir . '/plugin/switchboard.php' ), $plugin->file() );
		$this->assertSame( $plugin, Plugin::boot( SWITCHBOARD_FILE ), 'Booting twice must not build a second plugin.' );
	}

	/**
	 * The plugin header, the constants and the version guard agree.
	 */
	public function test_header_matches_constants_and_requirements(): void {
		$header = get_plugin_data( SWITCHBOARD_FILE, false, false );

		$this->assertSame( 'Switchboard', $header['Name'] );
		$this->assertSame( SWITCHBOARD_VERSION, $header['Version'] );
		$this->assertSame( Requirements::MIN_PHP, $header['RequiresPHP'] );
		$this->assertSame( Requirements::MIN_WP, $header['RequiresWP'] );
		$this->assertSame( 'switchboard', $header['TextDomain'] );
		$this->assertSame( '/languages', $header['DomainPath'] );
		$this->assertSame( 'GPL-2.0-or-later', get_file_data( SWITCHBOARD_FILE, array( 'license' => 'License' ) )['license'] );
		$this->assertSame( dirname( SWITCHBOARD_FILE ), SWITCHBOARD_DIR );
	}

	/**
	 * The plugin's readme states the same versions as its header.
	 */
	public function test_readme_matches_header(): void {
		$readme = get_file_data(
			SWITCHBOARD_DIR . '/readme.txt',
			array(
				'requires_wp'  => 'Requires at least',
				'requires_php' => 'Requires PHP',
				'stable_tag'   => 'Stable tag',
				'license'      => 'License',
			)
		);

		$this->assertSame( Requirements::MIN_WP, $readme['requires_wp'] );
		$this->assertSame( Requirements::MIN_PHP, $readme['requires_php'] );
		$this->assertSame( SWITCHBOARD_VERSION, $readme['stable_tag'] );
		$this->assertSame( 'GPL-2.0-or-later', $readme['license'] );
	}
}
