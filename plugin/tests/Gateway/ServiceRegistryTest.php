<?php
/**
 * Tests of the service registry.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway;

use InvalidArgumentException;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\TestCase;

/**
 * Declarations, URL resolution order, URL validation and the `switchboard_services` filter.
 */
final class ServiceRegistryTest extends TestCase {

	/**
	 * Environment variables set by a test.
	 *
	 * @var list<string>
	 */
	private array $env = array();

	/**
	 * Clears the environment variables a test set.
	 */
	protected function tear_down(): void {
		foreach ( $this->env as $name ) {
			putenv( $name ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- the registry reads the environment; each test restores it.
		}
		$this->env = array();
		parent::tear_down();
	}

	/**
	 * Search, feed and payments are declared once each, in that order.
	 */
	public function test_declares_the_three_services(): void {
		$services = ( new ServiceRegistry() )->all();

		$this->assertSame( array( 'search', 'feed', 'payments' ), array_keys( $services ) );
		foreach ( $services as $service ) {
			$this->assertLessThanOrEqual( 3.0, $service->timeout );
			$this->assertLessThanOrEqual( $service->timeout, $service->connect_timeout );
		}
		$this->assertTrue( $services['search']->subscribes_to_events );
		$this->assertFalse( $services['payments']->subscribes_to_events );
	}

	/**
	 * Without any source a service is unconfigured, and says so.
	 */
	public function test_unconfigured_service(): void {
		$service = ( new ServiceRegistry() )->get( 'feed' );

		$this->assertInstanceOf( Service::class, $service );
		$this->assertFalse( $service->is_configured() );
		$this->assertSame( ServiceRegistry::SOURCE_NONE, $service->url_source );
		$this->assertNull( ( new ServiceRegistry() )->get( 'nope' ) );
	}

	/**
	 * The setting is used when nothing else is set; the environment variable overrides it.
	 */
	public function test_environment_overrides_setting(): void {
		update_option( ServiceRegistry::OPTION, array( 'search' => 'http://search.internal:4001/' ) );
		$registry = new ServiceRegistry();

		$this->assertSame(
			array(
				'url'    => 'http://search.internal:4001',
				'source' => ServiceRegistry::SOURCE_SETTING,
			),
			$registry->resolve_url( 'search' )
		);

		$this->set_env( 'SWITCHBOARD_SEARCH_URL', 'https://search.example.com/api/' );
		$service = $registry->get( 'search' );

		$this->assertNotNull( $service );
		$this->assertSame( 'https://search.example.com/api', $service->base_url );
		$this->assertSame( ServiceRegistry::SOURCE_ENV, $service->url_source );
		$this->assertSame( 'search.example.com', $service->host() );
		$this->assertSame( 443, $service->port() );
	}

	/**
	 * A constant overrides the environment and the setting.
	 */
	public function test_constant_overrides_environment(): void {
		add_filter( ServiceRegistry::FILTER, array( $this, 'add_probe_services' ) );
		if ( ! defined( 'SWITCHBOARD_CONST_PROBE_URL' ) ) {
			define( 'SWITCHBOARD_CONST_PROBE_URL', 'http://127.0.0.1:4100' );
		}
		$this->set_env( 'SWITCHBOARD_CONST_PROBE_URL', 'http://env.example.com' );
		update_option( ServiceRegistry::OPTION, array( 'const-probe' => 'http://setting.example.com' ) );

		$service = ( new ServiceRegistry() )->get( 'const-probe' );

		$this->assertNotNull( $service );
		$this->assertSame( 'http://127.0.0.1:4100', $service->base_url );
		$this->assertSame( ServiceRegistry::SOURCE_CONSTANT, $service->url_source );
		$this->assertSame( 4100, $service->port() );
	}

	/**
	 * An invalid URL in the deciding source leaves the service unconfigured instead of falling back.
	 */
	public function test_invalid_constant_does_not_fall_back(): void {
		add_filter( ServiceRegistry::FILTER, array( $this, 'add_probe_services' ) );
		if ( ! defined( 'SWITCHBOARD_CONST_BAD_URL' ) ) {
			define( 'SWITCHBOARD_CONST_BAD_URL', 'ftp://files.example.com' );
		}
		update_option( ServiceRegistry::OPTION, array( 'const-bad' => 'http://setting.example.com' ) );

		$service = ( new ServiceRegistry() )->get( 'const-bad' );

		$this->assertNotNull( $service );
		$this->assertFalse( $service->is_configured() );
		$this->assertSame( ServiceRegistry::SOURCE_CONSTANT, $service->url_source );
	}

	/**
	 * Adds the services the constant tests configure.
	 *
	 * @param mixed $declarations Declarations.
	 * @return array<mixed>
	 */
	public function add_probe_services( $declarations ): array {
		$declarations   = is_array( $declarations ) ? $declarations : array();
		$declarations[] = array(
			'id'    => 'const-probe',
			'label' => 'Probe',
		);
		$declarations[] = array(
			'id'    => 'const-bad',
			'label' => 'Bad',
		);

		return $declarations;
	}

	/**
	 * Accepted URLs are normalized.
	 */
	public function test_normalizes_valid_urls(): void {
		$this->assertSame( 'http://search.local:4001/api', ServiceRegistry::validate_url( ' HTTP://Search.Local:4001/api/ ' ) );
		$this->assertSame( 'https://feed.example.com', ServiceRegistry::validate_url( 'https://feed.example.com/' ) );
		$this->assertSame( 'http://[::1]:4002', ServiceRegistry::validate_url( 'http://[::1]:4002' ) );
	}

	/**
	 * Unsafe or malformed URLs are refused.
	 *
	 * @dataProvider provide_invalid_urls
	 *
	 * @param string $url URL.
	 */
	public function test_rejects_invalid_urls( string $url ): void {
		$this->assertSame( '', ServiceRegistry::validate_url( $url ) );
	}

	/**
	 * Invalid URLs.
	 *
	 * @return array<string, array{string}>
	 */
	public static function provide_invalid_urls(): array {
		return array(
			'empty'             => array( '' ),
			'ftp'               => array( 'ftp://files.example.com' ),
			'file'              => array( 'file:///etc/passwd' ),
			'javascript'        => array( 'javascript:alert(1)' ),
			'no scheme'         => array( 'search.example.com' ),
			'protocol-relative' => array( '//search.example.com' ),
			'credentials'       => array( 'https://user:secret@search.example.com' ),
			'user only'         => array( 'https://user@search.example.com' ),
			'query'             => array( 'https://search.example.com/?token=1' ),
			'fragment'          => array( 'https://search.example.com/#x' ),
			'traversal'         => array( 'https://search.example.com/a/../b' ),
			'newline'           => array( "https://search.example.com/\nX-Evil: 1" ),
			'space in host'     => array( 'https://search example.com' ),
			'backslash'         => array( 'https://search.example.com\\@evil.example' ),
			'bad port'          => array( 'https://search.example.com:99999' ),
		);
	}

	/**
	 * The filter can add services; malformed and repeated declarations are dropped; limits are clamped.
	 */
	public function test_filter_is_validated(): void {
		add_filter(
			ServiceRegistry::FILTER,
			static function ( $declarations ) {
				$declarations   = is_array( $declarations ) ? $declarations : array();
				$declarations[] = array(
					'id'              => 'recommend',
					'label'           => 'Recommendations',
					'timeout'         => 30,
					'connect_timeout' => 10.0,
				);
				$declarations[] = array(
					'id'    => 'search',
					'label' => 'Another search',
				);
				$declarations[] = array(
					'id'    => 'Bad_ID',
					'label' => 'Bad',
				);
				$declarations[] = array( 'id' => 'nolabel' );
				$declarations[] = array(
					'id'      => 'typed',
					'label'   => 'Typed',
					'timeout' => '1',
				);
				$declarations[] = 'search';
				return $declarations;
			}
		);

		$services = ( new ServiceRegistry() )->all();

		$this->assertSame( array( 'search', 'feed', 'payments', 'recommend' ), array_keys( $services ) );
		$this->assertSame( 'Search', $services['search']->label );
		$this->assertSame( 3.0, $services['recommend']->timeout );
		$this->assertSame( 3.0, $services['recommend']->connect_timeout );
	}

	/**
	 * A filter that returns something other than a list keeps the built-in declarations.
	 */
	public function test_filter_returning_garbage_keeps_defaults(): void {
		add_filter( ServiceRegistry::FILTER, '__return_false' );

		$this->assertSame( array( 'search', 'feed', 'payments' ), array_keys( ( new ServiceRegistry() )->all() ) );
	}

	/**
	 * Service ids are validated.
	 */
	public function test_service_rejects_bad_id(): void {
		$this->expectException( InvalidArgumentException::class );
		new Service( '../etc', 'Bad', '' );
	}

	/**
	 * Timeouts are clamped to at most three seconds, and the connect timeout to the total.
	 */
	public function test_service_clamps_limits(): void {
		$service = new Service( 'x', 'X', '', ServiceRegistry::SOURCE_NONE, 9.0, 60.0, PHP_INT_MAX );

		$this->assertSame( Service::MAX_TIMEOUT, $service->timeout );
		$this->assertSame( Service::MAX_TIMEOUT, $service->connect_timeout );
		$this->assertSame( Service::MAX_RESPONSE_BYTES, $service->max_response_bytes );
		$this->assertSame( 'SWITCHBOARD_MY_SERVICE_URL', Service::url_variable( 'my-service' ) );
	}

	/**
	 * Sets an environment variable for this test.
	 *
	 * @param string $name  Name.
	 * @param string $value Value.
	 */
	private function set_env( string $name, string $value ): void {
		putenv( "{$name}={$value}" ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- see tear_down().
		$this->env[] = $name;
	}
}
