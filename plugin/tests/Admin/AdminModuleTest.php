<?php
/**
 * Tests of the admin module's wiring.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Admin\AdminModule;
use Switchboard\Events\Outbox;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Plugin;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\TestCase;

/**
 * Building the module touches nothing; registering attaches the routes, the page and its assets; the
 * booted plugin has exactly one.
 */
final class AdminModuleTest extends TestCase {

	/**
	 * Building hooks nothing; register_hooks() hooks each part once.
	 */
	public function test_hooks(): void {
		$module = AdminModule::create( '/srv/plugins/switchboard/switchboard.php', new ServiceRegistry(), GatewayFixture::client(), new MetricsStore(), new Outbox() );
		$this->assertFalse( has_action( 'admin_menu', array( $module->page(), 'add_page' ) ), 'Creating must not hook anything.' );

		$module->register_hooks();
		$this->assertSame( 10, has_action( 'admin_menu', array( $module->page(), 'add_page' ) ) );
		$this->assertSame( 10, has_action( 'admin_enqueue_scripts', array( $module->page(), 'enqueue' ) ) );
	}

	/**
	 * The booted plugin attaches the module, with the gateway's metrics store as its recorder.
	 */
	public function test_the_booted_plugin_has_the_module(): void {
		$plugin = Plugin::instance();
		$this->assertNotNull( $plugin );
		$admin = array_values( array_filter( $plugin->modules(), static fn( $module ): bool => $module instanceof AdminModule ) );
		$this->assertCount( 1, $admin );
		$this->assertSame( 10, has_action( 'admin_menu', array( $admin[0]->page(), 'add_page' ) ) );
	}
}
