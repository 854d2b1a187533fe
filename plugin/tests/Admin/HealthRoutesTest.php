<?php
/**
 * Tests of the health and connection-test routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Events\Outbox;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;

/**
 * The health route reports each service's configuration, circuit and last hour of metrics plus the outbox's
 * counts, with allow-listed fields only; the connection test goes through the gateway's client and reports
 * latency or the gateway's own error.
 */
final class HealthRoutesTest extends AdminTestCase {

	use UsesFaultServer;

	/**
	 * Logs in an administrator.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		$this->log_in_as( 'administrator' );
	}

	/**
	 * Per service: id, label, configuration, status, circuit and metrics; and the outbox's counts.
	 */
	public function test_reports_every_service(): void {
		update_option( ServiceRegistry::OPTION, array( 'search' => 'http://search.internal:7700' ) );
		$store = new MetricsStore();
		$store->record( 'search', 12.0, false, CacheResult::HIT );
		$store->record( 'search', 40.0, true, CacheResult::MISS );
		$service = ( new ServiceRegistry() )->get( 'search' );
		$this->assertNotNull( $service );
		( new CircuitBreaker() )->record_failure( $service, 'switchboard_upstream_timeout', 'The service did not answer in time.' );
		( new Outbox() )->add( 'search', 'post.published', array( 'id' => 1 ), time() );

		$response = $this->dispatch( 'GET', '/switchboard/v1/admin/health' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? '' );
		$data = $this->data( $response );
		$this->assertSame( array( 'generated_at', 'services', 'outbox' ), array_keys( $data ) );
		$this->assertSame( array( 'search', 'feed', 'payments' ), array_column( self::arr_at( $data, 'services' ), 'id' ) );

		$search = self::value_at( $data, 'services.0' );
		$this->assertSame( array( 'id', 'label', 'configured', 'url', 'url_source', 'status', 'circuit', 'metrics' ), array_keys( self::arr_at( $search, '' ) ) );
		$this->assertTrue( self::value_at( $search, 'configured' ) );
		$this->assertSame( 'http://search.internal:7700', self::value_at( $search, 'url' ) );
		$this->assertSame( 'setting', self::value_at( $search, 'url_source' ) );
		$this->assertSame( 'degraded', self::value_at( $search, 'status' ), 'Half the requests failed.' );
		$this->assertSame( 'closed', self::value_at( $search, 'circuit.state' ) );
		$this->assertSame( 'switchboard_upstream_timeout', self::value_at( $search, 'circuit.last_failure.code' ) );
		$this->assertSame( 'The service did not answer in time.', self::value_at( $search, 'circuit.last_failure.message' ) );
		$this->assertIsInt( self::value_at( $search, 'circuit.last_failure.time' ) );
		$this->assertSame( 2, self::value_at( $search, 'metrics.requests' ) );
		$this->assertSame( 0.5, self::value_at( $search, 'metrics.error_rate' ) );
		$this->assertSame( 0.5, self::value_at( $search, 'metrics.cache_hit_ratio' ) );
		$this->assertIsFloat( self::value_at( $search, 'metrics.p50_ms' ) );
		$this->assertIsFloat( self::value_at( $search, 'metrics.p95_ms' ) );
		$this->assertCount( 60, self::arr_at( $search, 'metrics.series' ) );

		$feed = self::value_at( $data, 'services.1' );
		$this->assertFalse( self::value_at( $feed, 'configured' ) );
		$this->assertSame( 'unconfigured', self::value_at( $feed, 'status' ) );
		$this->assertNull( self::value_at( $feed, 'circuit.last_failure' ) );
		$this->assertSame( 0, self::value_at( $feed, 'metrics.requests' ) );

		$this->assertSame(
			array(
				'pending'   => 1,
				'delivered' => 0,
				'dead'      => 0,
			),
			self::value_at( $data, 'outbox' )
		);
		$this->assert_no_secret( $response );
	}

	/**
	 * A configured service without traffic is idle; traffic without failures is up.
	 */
	public function test_idle_and_up(): void {
		update_option( ServiceRegistry::OPTION, array( 'feed' => 'http://feed.internal' ) );
		$this->assertSame( 'idle', self::value_at( $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/health' ) ), 'services.1.status' ) );

		( new MetricsStore() )->record( 'feed', 20.0, false, CacheResult::MISS );
		$this->assertSame( 'up', self::value_at( $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/health' ) ), 'services.1.status' ) );
	}

	/**
	 * An open circuit reads as down.
	 */
	public function test_an_open_circuit_is_down(): void {
		update_option( ServiceRegistry::OPTION, array( 'payments' => 'http://pay.internal' ) );
		$service = ( new ServiceRegistry() )->get( 'payments' );
		$this->assertNotNull( $service );
		$breaker = new CircuitBreaker( 1 );
		$breaker->record_failure( $service, 'switchboard_upstream_unreachable', 'The service could not be reached.' );

		$data = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/health' ) );
		$this->assertSame( 'down', self::value_at( $data, 'services.2.status' ) );
		$this->assertSame( 'open', self::value_at( $data, 'services.2.circuit.state' ) );
	}

	/**
	 * A reachable service answers the test with ok and a latency, after a GET of /health.
	 */
	public function test_connection_test_of_a_reachable_service(): void {
		GatewayFixture::register_fault_service( self::upstream()->url() );
		self::upstream()->set(
			array(
				'status' => 200,
				'body'   => '{"status":"ok"}',
			)
		);

		$response = $this->dispatch( 'POST', '/switchboard/v1/admin/services/fault/test' );
		$this->assertSame( 200, $response->get_status() );
		$data = $this->data( $response );
		$this->assertTrue( self::value_at( $data, 'ok' ) );
		$this->assertSame( 'fault', self::value_at( $data, 'id' ) );
		$this->assertIsFloat( self::value_at( $data, 'latency_ms' ) );
		$this->assertSame( array( 'ok', 'id', 'latency_ms' ), array_keys( $data ) );

		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'GET', $requests[0]['method'] );
		$this->assertSame( '/health', $requests[0]['uri'] );
		$this->assert_no_secret( $response );
	}

	/**
	 * An unreachable or failing service reports the gateway's stable code and message, never its own body.
	 */
	public function test_connection_test_reports_the_gateway_error(): void {
		GatewayFixture::register_fault_service( self::upstream()->url() );
		self::upstream()->set(
			array(
				'status' => 500,
				'body'   => '{"error":"secret stack trace"}',
			)
		);

		$data = $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/services/fault/test' ) );
		$this->assertFalse( self::value_at( $data, 'ok' ) );
		$this->assertStringStartsWith( 'switchboard_', self::str_at( $data, 'code' ) );
		$this->assertNotSame( '', self::value_at( $data, 'message' ) );
		$this->assertStringNotContainsString( 'stack trace', (string) wp_json_encode( $data ) );

		update_option( ServiceRegistry::OPTION, array( 'search' => 'http://127.0.0.1:1' ) );
		$unreachable = $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/services/search/test' ) );
		$this->assertFalse( self::value_at( $unreachable, 'ok' ) );
		$this->assertStringStartsWith( 'switchboard_', self::str_at( $unreachable, 'code' ) );

		$unconfigured = $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/services/feed/test' ) );
		$this->assertFalse( self::value_at( $unconfigured, 'ok' ) );
		$this->assertSame( 'switchboard_service_not_configured', self::value_at( $unconfigured, 'code' ) );
	}

	/**
	 * Unknown and malformed service ids.
	 */
	public function test_connection_test_of_unknown_services(): void {
		$this->assertSame( 404, $this->dispatch( 'POST', '/switchboard/v1/admin/services/mail/test' )->get_status() );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/services/Search/test' )->get_status(), 'Ids are lower case.' );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/services/-search/test' )->get_status() );
	}
}
