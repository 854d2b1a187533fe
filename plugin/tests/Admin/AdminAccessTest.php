<?php
/**
 * Who may call the admin routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

/**
 * Visitors get 401 and subscribers and editors 403 on every admin route; every route declares an args
 * schema and a permission callback.
 */
final class AdminAccessTest extends AdminTestCase {

	/**
	 * Anonymous visitors are asked to log in.
	 */
	public function test_anonymous_visitors_get_401(): void {
		foreach ( self::ROUTES as list( $method, $path ) ) {
			$response = $this->dispatch( $method, $path, 'POST' === $method ? array( 'urls' => array() ) : array() );
			$this->assertSame( 401, $response->get_status(), "{$method} {$path}" );
		}
	}

	/**
	 * Logged-in users without manage_options are refused.
	 */
	public function test_subscribers_and_editors_get_403(): void {
		foreach ( array( 'subscriber', 'editor' ) as $role ) {
			$this->log_in_as( $role );
			foreach ( self::ROUTES as list( $method, $path ) ) {
				$response = $this->dispatch( $method, $path, 'POST' === $method ? array( 'urls' => array() ) : array() );
				$this->assertSame( 403, $response->get_status(), "{$role}: {$method} {$path}" );
				$this->assert_no_secret( $response );
			}
		}
	}

	/**
	 * Each admin route has a permission callback and an args schema for each of its methods.
	 */
	public function test_every_route_declares_permission_and_args(): void {
		$routes = rest_get_server()->get_routes( 'switchboard/v1' );
		$admin  = array_filter( array_keys( $routes ), static fn( string $route ): bool => str_starts_with( $route, '/switchboard/v1/admin/' ) );
		$this->assertCount( 14, $admin, 'Health, settings, connection test, outbox (2), search and feed sync (4 each), feed stats.' );
		foreach ( $admin as $route ) {
			foreach ( self::arr_at( $routes, $route ) as $handler ) {
				$this->assertIsArray( $handler );
				$this->assertIsCallable( $handler['permission_callback'] ?? null, $route );
				$this->assertIsArray( $handler['args'] ?? null, $route );
			}
		}
	}
}
