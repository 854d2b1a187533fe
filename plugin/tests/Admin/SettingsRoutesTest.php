<?php
/**
 * Tests of the settings routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceRegistry;

/**
 * Administrators read and change the services' URLs: valid URLs are stored normalized, an empty string
 * clears one, a bad one answers 400 per field and saves nothing, and a URL set by an environment variable
 * is read-only.
 */
final class SettingsRoutesTest extends AdminTestCase {

	/**
	 * Logs in an administrator.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->log_in_as( 'administrator' );
	}

	/**
	 * Clears the environment variable a test may set.
	 */
	protected function tear_down(): void {
		putenv( 'SWITCHBOARD_FEED_URL' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- the registry reads the environment; the test sets and clears it.
		parent::tear_down();
	}

	/**
	 * The three services with their URL, source and whether the screen may change them.
	 */
	public function test_lists_the_services(): void {
		update_option( ServiceRegistry::OPTION, array( 'search' => 'http://search.internal:7700' ) );

		$response = $this->dispatch( 'GET', '/switchboard/v1/admin/settings' );
		$this->assertSame( 200, $response->get_status() );
		$services = self::value_at( $this->data( $response ), 'services' );
		$this->assertIsArray( $services );
		$this->assertSame( array( 'search', 'feed', 'payments' ), array_column( self::arr_at( $services, '' ), 'id' ) );
		$this->assertSame(
			array(
				'id'         => 'search',
				'label'      => 'Search',
				'url'        => 'http://search.internal:7700',
				'source'     => 'setting',
				'editable'   => true,
				'variable'   => 'SWITCHBOARD_SEARCH_URL',
				'configured' => true,
			),
			self::value_at( $services, '0' )
		);
		$this->assertSame( 'none', self::value_at( $services, '1.source' ) );
		$this->assertTrue( self::value_at( $services, '1.editable' ) );
		$this->assert_no_secret( $response );
	}

	/**
	 * Valid URLs are stored normalized; an empty string clears one; other services are left alone.
	 */
	public function test_saves_and_clears_urls(): void {
		update_option( ServiceRegistry::OPTION, array( 'payments' => 'http://pay.internal' ) );

		$response = $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'search' => ' HTTP://Search.Internal:7700/api/ ' ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'payments' => 'http://pay.internal',
				'search'   => 'http://search.internal:7700/api',
			),
			get_option( ServiceRegistry::OPTION )
		);
		$this->assertSame( 'http://search.internal:7700/api', self::value_at( $this->data( $response ), 'services.0.url' ) );

		$cleared = $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'payments' => '' ) ) );
		$this->assertSame( 200, $cleared->get_status() );
		$this->assertSame( array( 'search' => 'http://search.internal:7700/api' ), get_option( ServiceRegistry::OPTION ) );
		$this->assertSame( 'none', self::value_at( $this->data( $cleared ), 'services.2.source' ) );
	}

	/**
	 * A bad URL answers 400 with a message for that field, and nothing of the request is saved.
	 */
	public function test_refuses_bad_urls_field_by_field(): void {
		update_option( ServiceRegistry::OPTION, array( 'search' => 'http://search.internal' ) );

		foreach ( array( 'not a url', 'ftp://files.example', 'http://user:pass@search.internal', 'http://search.internal/?q=1', 'http://search.internal/#x', 'javascript:alert(1)' ) as $bad ) {
			$response = $this->dispatch(
				'POST',
				'/switchboard/v1/admin/settings',
				array(
					'urls' => array(
						'search' => 'http://search.example',
						'feed'   => $bad,
					),
				)
			);
			$this->assertSame( 400, $response->get_status(), $bad );
			$data = $this->data( $response );
			$this->assertSame( 'switchboard_invalid_settings', self::value_at( $data, 'code' ) );
			$this->assertSame( array( 'feed' ), array_keys( self::arr_at( $data, 'data.fields' ) ), $bad );
			$this->assertStringContainsString( 'https://', self::str_at( $data, 'data.fields.feed' ) );
			$this->assertSame( array( 'search' => 'http://search.internal' ), get_option( ServiceRegistry::OPTION ), 'Nothing is saved.' );
		}
	}

	/**
	 * Unknown services, wrong types and missing arguments are 400s.
	 */
	public function test_refuses_malformed_requests(): void {
		$unknown = $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'mail' => 'http://mail.internal' ) ) );
		$this->assertSame( 400, $unknown->get_status() );
		$this->assertSame( array( 'mail' ), array_keys( self::arr_at( $this->data( $unknown ), 'data.fields' ) ) );

		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'search' => 42 ) ) )->get_status() );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => 'http://x' ) )->get_status() );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'other' => 1 ) )->get_status() );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'search' => 'http://a.example/' . str_repeat( 'a', 2100 ) ) ) )->get_status() );
		$this->assertFalse( get_option( ServiceRegistry::OPTION ) );
	}

	/**
	 * A URL from the environment is reported read-only and cannot be overwritten.
	 */
	public function test_environment_urls_are_read_only(): void {
		putenv( 'SWITCHBOARD_FEED_URL=http://feed.from-env:3000' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- see tear_down().

		$services = self::value_at( $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/settings' ) ), 'services' );
		$this->assertSame( 'env', self::value_at( $services, '1.source' ) );
		$this->assertFalse( self::value_at( $services, '1.editable' ) );
		$this->assertSame( 'http://feed.from-env:3000', self::value_at( $services, '1.url' ) );
		$this->assertSame( 'SWITCHBOARD_FEED_URL', self::value_at( $services, '1.variable' ) );

		$response = $this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'feed' => 'http://feed.internal' ) ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'SWITCHBOARD_FEED_URL', self::str_at( $this->data( $response ), 'data.fields.feed' ) );
		$this->assertFalse( get_option( ServiceRegistry::OPTION ) );
	}

	/**
	 * A service whose URL changes starts over with a closed circuit.
	 */
	public function test_a_new_url_resets_the_circuit(): void {
		update_option( ServiceRegistry::OPTION, array( 'search' => 'http://old.internal' ) );
		$breaker = new CircuitBreaker( 1 );
		$service = ( new ServiceRegistry() )->get( 'search' );
		$this->assertNotNull( $service );
		$breaker->record_failure( $service, 'switchboard_upstream_unreachable', 'The service could not be reached.' );
		$this->assertSame( CircuitBreaker::OPEN, $breaker->status( $service )['state'] );

		$this->dispatch( 'POST', '/switchboard/v1/admin/settings', array( 'urls' => array( 'search' => 'http://new.internal' ) ) );

		$this->assertSame( CircuitBreaker::CLOSED, ( new CircuitBreaker() )->status( $service )['state'] );
	}
}
