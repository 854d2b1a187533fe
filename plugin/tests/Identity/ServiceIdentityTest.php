<?php
/**
 * Tests the service identity module's hooks.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Identity;

use Switchboard\Identity\KeyRing;
use Switchboard\Identity\ServiceIdentity;
use Switchboard\Plugin;
use Switchboard\Tests\TestCase;

/**
 * The daily rotation event is scheduled once, rotates keys that are due, and goes away on deactivation.
 */
final class ServiceIdentityTest extends TestCase {

	/**
	 * The booted plugin includes the module, and the site has the event scheduled daily.
	 */
	public function test_plugin_schedules_the_daily_rotation(): void {
		$plugin = Plugin::instance();
		$this->assertInstanceOf( Plugin::class, $plugin );
		$modules = array_values( array_filter( $plugin->modules(), static fn ( $module ): bool => $module instanceof ServiceIdentity ) );
		$this->assertCount( 1, $modules );
		$this->assertSame( 10, has_action( 'init', array( $modules[0], 'schedule_rotation' ) ) );
		$this->assertSame( 10, has_action( ServiceIdentity::ROTATION_HOOK, array( $modules[0], 'rotate_keys' ) ) );

		// The bootstrap's site already ran init with the plugin active.
		$this->assertIsInt( wp_next_scheduled( ServiceIdentity::ROTATION_HOOK ) );
		$this->assertSame( 'daily', wp_get_schedule( ServiceIdentity::ROTATION_HOOK ) );
	}

	/**
	 * Scheduling twice leaves one event; unscheduling removes it.
	 */
	public function test_scheduling_is_idempotent_and_deactivation_clears_it(): void {
		$module = new ServiceIdentity( SWITCHBOARD_FILE );
		$module->unschedule_rotation();
		$this->assertFalse( wp_next_scheduled( ServiceIdentity::ROTATION_HOOK ) );

		$module->schedule_rotation();
		$first = wp_next_scheduled( ServiceIdentity::ROTATION_HOOK );
		$module->schedule_rotation();

		$this->assertSame( $first, wp_next_scheduled( ServiceIdentity::ROTATION_HOOK ) );
		$events = 0;
		foreach ( _get_cron_array() as $hooks ) {
			$events += isset( $hooks[ ServiceIdentity::ROTATION_HOOK ] ) ? count( $hooks[ ServiceIdentity::ROTATION_HOOK ] ) : 0;
		}
		$this->assertSame( 1, $events );

		do_action( 'deactivate_' . plugin_basename( SWITCHBOARD_FILE ), false );
		$this->assertFalse( wp_next_scheduled( ServiceIdentity::ROTATION_HOOK ) );
	}

	/**
	 * The cron callback rotates a key past its maximum age.
	 */
	public function test_cron_event_rotates_due_keys(): void {
		$now    = 1700000000;
		$module = new ServiceIdentity(
			SWITCHBOARD_FILE,
			new KeyRing(
				static function () use ( &$now ): int {
					return $now;
				}
			)
		);
		$module->register_hooks();
		$first = ( new KeyRing( static fn (): int => 1700000000 ) )->current();

		$now = 1700000000 + 30 * DAY_IN_SECONDS;
		do_action( ServiceIdentity::ROTATION_HOOK );

		$this->assertNotSame( $first->kid(), ( new KeyRing() )->current()->kid() );
	}
}
