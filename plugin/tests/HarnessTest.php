<?php
/**
 * Tests the test harness itself.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

/**
 * Proves that the safety nets the other tests rely on really catch things, so a green run means something.
 */
final class HarnessTest extends TestCase {

	/**
	 * PHP notices and deprecations, and WordPress's misuse reports, are caught.
	 */
	public function test_notices_deprecations_and_doing_it_wrong_are_collected(): void {
		@trigger_error( 'Silenced on purpose.', E_USER_NOTICE ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- silenced errors must stay silent.
		$this->assertSame( array(), $this->take_errors(), 'Errors silenced with @ must not be collected.' );

		_doing_it_wrong( 'switchboard_harness_probe', 'Probing the harness.', '0.1.0' );
		_deprecated_function( 'switchboard_harness_probe', '0.1.0', 'something_else' );
		trigger_error( 'Probing the harness.', E_USER_WARNING );

		$types = array_column( $this->take_errors(), 'type' );
		$this->assertContains( 'doing_it_wrong_run', $types );
		$this->assertContains( 'deprecated_function_run', $types );
		$this->assertContains( 'E_USER_NOTICE', $types, '_doing_it_wrong() triggers an E_USER_NOTICE with WP_DEBUG on.' );
		$this->assertContains( 'E_USER_DEPRECATED', $types );
		$this->assertContains( 'E_USER_WARNING', $types );
	}

	/**
	 * A test changes the database, the hooks and the current user...
	 */
	public function test_changes_made_by_a_test(): void {
		$this->assertTrue( update_option( 'switchboard_harness_probe', 'written' ) );
		add_filter( 'switchboard_harness_probe', '__return_true' );
		wp_set_current_user( 1 );

		$this->assertSame( 'written', get_option( 'switchboard_harness_probe' ) );
		$this->assertTrue( has_filter( 'switchboard_harness_probe' ) );
	}

	/**
	 * And the next test sees none of it.
	 *
	 * @depends test_changes_made_by_a_test
	 */
	public function test_are_undone_before_the_next(): void {
		$this->assertFalse( get_option( 'switchboard_harness_probe' ) );
		$this->assertFalse( has_filter( 'switchboard_harness_probe' ) );
		$this->assertSame( 0, get_current_user_id() );
		$this->assertSame( 'admin', get_userdata( 1 ) ? get_userdata( 1 )->user_login : null, 'The installed administrator survives.' );
	}
}
