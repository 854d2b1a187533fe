<?php
/**
 * Base class of the plugin's WordPress tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use LogicException;
use Switchboard\Tests\Support\ErrorCollector;
use Switchboard\Tests\Support\TestEnvironment;
use WP_Hook;
use Yoast\PHPUnitPolyfills\TestCases\TestCase as PolyfillTestCase;

/**
 * Runs each test against the real WordPress of the bootstrap, and puts WordPress back afterwards.
 *
 * Each test runs inside a database transaction that is rolled back, with the object cache flushed, the
 * hooks restored to what they were, and the REST server, current user, screen, locale and request
 * variables reset. Any PHP notice, warning or deprecation, and any `_doing_it_wrong()` or `_deprecated_*()`
 * report, raised during a test fails that test; a test that expects one takes it with take_errors().
 *
 * Use snake_case fixtures (set_up(), tear_down(), set_up_before_class()), as WordPress's own tests do.
 */
abstract class TestCase extends PolyfillTestCase {

	/**
	 * Copies of the hooks as they were before the test.
	 *
	 * @var array{wp_filter: array<string, WP_Hook>, wp_actions: array<mixed>, wp_filters: array<mixed>, wp_current_filter: array<mixed>}|null
	 */
	private ?array $hooks_backup = null;

	/**
	 * Errors raised between the previous test and this one (e.g. in set_up_before_class()).
	 *
	 * @var list<array{type: string, message: string, file: string, line: int}>
	 */
	private array $errors_before_test = array();

	/**
	 * Starts the transaction and remembers the hooks.
	 */
	protected function set_up(): void {
		parent::set_up();

		$this->errors_before_test = TestEnvironment::get()->collector->claim();
		$this->backup_hooks();
		$this->wpdb()->query( 'START TRANSACTION' );
	}

	/**
	 * Rolls back, restores WordPress's state, and fails the test for any error it raised.
	 */
	protected function tear_down(): void {
		$this->wpdb()->query( 'ROLLBACK' );
		wp_cache_flush();
		$this->restore_hooks();

		$GLOBALS['wp_rest_server'] = null;
		$GLOBALS['current_screen'] = null;
		wp_set_current_user( 0 );
		while ( is_locale_switched() ) {
			restore_previous_locale();
		}
		$_GET     = array();
		$_POST    = array();
		$_REQUEST = array();

		parent::tear_down();

		$errors = array_merge( $this->errors_before_test, TestEnvironment::get()->collector->claim() );
		if ( array() !== $errors ) {
			$this->fail( "PHP or WordPress reported problems during this test:\n" . ErrorCollector::format( $errors ) );
		}
	}

	/**
	 * Returns the errors raised so far in this test and stops them from failing it, for tests that
	 * expect one (assert on what is returned).
	 *
	 * @return list<array{type: string, message: string, file: string, line: int}>
	 */
	protected function take_errors(): array {
		return TestEnvironment::get()->collector->claim();
	}

	/**
	 * Returns what a callback prints.
	 *
	 * @param callable():mixed $callback Code that prints.
	 * @return string
	 */
	protected function capture_output( callable $callback ): string {
		ob_start();
		try {
			$callback();
		} finally {
			$output = (string) ob_get_clean();
		}

		return $output;
	}

	/**
	 * Logs in a new user with a role (created inside the test's transaction).
	 *
	 * @param string $role Role name.
	 * @return int The user's ID.
	 * @throws LogicException When the user cannot be created.
	 */
	protected function log_in_as( string $role ): int {
		$user_id = wp_insert_user(
			array(
				'user_login' => 'test_' . $role . '_' . wp_rand(),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		if ( is_wp_error( $user_id ) ) {
			throw new LogicException( "Could not create a user with the role {$role}: " . $user_id->get_error_message() );
		}
		wp_set_current_user( $user_id );

		return $user_id;
	}

	/**
	 * WordPress's database object.
	 *
	 * @return \wpdb
	 * @throws LogicException Before WordPress has set up its database.
	 */
	protected function wpdb(): \wpdb {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof \wpdb ) {
			throw new LogicException( 'WordPress has not set up its database.' );
		}

		return $wpdb;
	}

	/**
	 * Copies the hooks, so that tests can add and remove callbacks freely.
	 *
	 * @throws LogicException When WordPress's hooks are not set up.
	 */
	private function backup_hooks(): void {
		global $wp_filter, $wp_actions, $wp_filters, $wp_current_filter;
		if ( ! is_array( $wp_filter ) || ! is_array( $wp_actions ) || ! is_array( $wp_filters ) || ! is_array( $wp_current_filter ) ) {
			throw new LogicException( 'WordPress\'s hook globals are not set up.' );
		}

		// Checked without assertions, so that the harness adds nothing to a test's assertion count.
		$hooks = array();
		foreach ( $wp_filter as $hook_name => $hook ) {
			if ( ! $hook instanceof WP_Hook ) {
				throw new LogicException( "\$wp_filter['{$hook_name}'] is not a WP_Hook." );
			}
			$hooks[ (string) $hook_name ] = clone $hook;
		}

		$this->hooks_backup = array(
			'wp_filter'         => $hooks,
			'wp_actions'        => $wp_actions,
			'wp_filters'        => $wp_filters,
			'wp_current_filter' => $wp_current_filter,
		);
	}

	/**
	 * Puts the hooks back as they were before the test.
	 */
	private function restore_hooks(): void {
		if ( null === $this->hooks_backup ) {
			return;
		}

		foreach ( $this->hooks_backup as $global => $value ) {
			$GLOBALS[ $global ] = $value;
		}
		$this->hooks_backup = null;
	}
}
