<?php
/**
 * Tests of the circuit breaker, alone and in the service client.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway;

use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * Opening after repeated failures, refusing fast without calling, one probe after the cool-down, closing on
 * success, re-opening on failure, and the state shared between breaker instances (as between processes).
 */
final class CircuitBreakerTest extends TestCase {

	use UsesFaultServer;

	/**
	 * The injected clock's time.
	 *
	 * @var int
	 */
	private int $now = 1800000000;

	/**
	 * Resets the server.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::register_fault_service( self::upstream()->url() );
	}

	/**
	 * Five failures open the circuit; then calls answer within 50 ms without reaching the service.
	 */
	public function test_opens_after_threshold_and_refuses_fast(): void {
		self::upstream()->set(
			array(
				'status'       => 500,
				'content_type' => 'text/html',
				'body'         => '<h1>INTERNAL db password=hunter2</h1>',
			)
		);
		$client = $this->client();

		for ( $i = 0; $i < 5; $i++ ) {
			$this->assertSame( 'switchboard_upstream_error', $this->code( $client->request( $this->service(), 'POST', '/v1/pay' ) ) );
		}
		$this->assertSame( 5, self::upstream()->request_count() );
		self::upstream()->reset();

		$start  = microtime( true );
		$result = $client->request( $this->service(), 'GET', '/v1/search' );
		$took   = microtime( true ) - $start;

		$this->assertSame( 'switchboard_circuit_open', $this->code( $result ) );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame(
			array(
				'status'  => 503,
				'service' => 'fault',
			),
			$result->get_error_data()
		);
		$this->assertLessThan( 0.05, $took );
		$this->assertSame( 0, self::upstream()->request_count() );

		$status = $this->breaker()->status( $this->service() );
		$this->assertSame( CircuitBreaker::OPEN, $status['state'] );
		$this->assertSame( $this->now + 30, $status['retry_at'] );
		$this->assertNotNull( $status['last_failure'] );
		$this->assertSame( 'switchboard_upstream_error', $status['last_failure']['code'] );
		$this->assertSame( $this->now, $status['last_failure']['time'] );
		$this->assertStringNotContainsString( 'hunter2', (string) wp_json_encode( $status ) );
	}

	/**
	 * After the cool-down exactly one caller probes; its success closes the circuit.
	 */
	public function test_one_probe_after_cooldown_and_success_closes(): void {
		$service = $this->service();
		$this->open_circuit( $service );

		$this->now += 29;
		$this->assertSame( CircuitBreaker::OPEN, $this->breaker()->acquire( $service ) );

		$this->now += 1;
		$this->assertSame( CircuitBreaker::HALF_OPEN, $this->breaker()->status( $service )['state'] );
		$first  = $this->breaker()->acquire( $service );
		$second = $this->breaker()->acquire( $service );
		$other  = ( new CircuitBreaker( 5, 60, 30, fn(): int => $this->now ) )->acquire( $service );
		$this->assertSame( CircuitBreaker::HALF_OPEN, $first, 'The first caller probes.' );
		$this->assertSame( CircuitBreaker::OPEN, $second, 'Others wait while the probe runs.' );
		$this->assertSame( CircuitBreaker::OPEN, $other, 'So does another process.' );

		$this->breaker()->record_success( $service );

		$this->assertSame( CircuitBreaker::CLOSED, $this->breaker()->status( $service )['state'] );
		$this->assertSame( 0, $this->breaker()->status( $service )['failures'] );
		$this->assertSame( CircuitBreaker::CLOSED, $this->breaker()->acquire( $service ) );
	}

	/**
	 * Through the client: one probe reaches the healthy service and closes the circuit.
	 */
	public function test_client_probe_closes_circuit(): void {
		$service = $this->service();
		$this->open_circuit( $service );
		$client = $this->client();

		$this->assertSame( 'switchboard_circuit_open', $this->code( $client->request( $service, 'GET', '/v1/search' ) ) );
		$this->assertSame( 0, self::upstream()->request_count() );

		$this->now += 31;
		$this->assertSame( array( 'ok' => true ), $client->request( $service, 'GET', '/v1/search' ) );
		$this->assertSame( 1, self::upstream()->request_count() );
		$this->assertSame( array( 'ok' => true ), $client->request( $service, 'GET', '/v1/search' ) );
		$this->assertSame( CircuitBreaker::CLOSED, $this->breaker()->status( $service )['state'] );
	}

	/**
	 * A failed probe opens the circuit for another cool-down.
	 */
	public function test_failed_probe_reopens(): void {
		$service = $this->service();
		$this->open_circuit( $service );
		self::upstream()->set( array( 'status' => 500 ) );
		$client = $this->client();

		$this->now += 31;
		$this->assertSame( 'switchboard_upstream_error', $this->code( $client->request( $service, 'POST', '/v1/pay' ) ) );
		$this->assertSame( 1, self::upstream()->request_count() );

		$status = $this->breaker()->status( $service );
		$this->assertSame( CircuitBreaker::OPEN, $status['state'] );
		$this->assertSame( $this->now, $status['opened_at'] );
		$this->assertSame( 'switchboard_circuit_open', $this->code( $client->request( $service, 'POST', '/v1/pay' ) ) );
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * A probe lock whose holder died is broken after a cool-down.
	 */
	public function test_stale_probe_lock_is_broken(): void {
		$service = $this->service();
		$this->open_circuit( $service );

		$this->now   += 30;
		$probe        = $this->breaker()->acquire( $service );
		$this->now   += 29;
		$while_held   = $this->breaker()->acquire( $service );
		$this->now   += 1;
		$after_expiry = $this->breaker()->acquire( $service );

		$this->assertSame( CircuitBreaker::HALF_OPEN, $probe );
		$this->assertSame( CircuitBreaker::OPEN, $while_held );
		$this->assertSame( CircuitBreaker::HALF_OPEN, $after_expiry );
	}

	/**
	 * With a persistent object cache the state and the probe lock live there, not in the options table.
	 */
	public function test_uses_object_cache_when_persistent(): void {
		$service  = $this->service();
		$previous = $GLOBALS['_wp_using_ext_object_cache'] ?? null;
		wp_using_ext_object_cache( true );
		try {
			$this->open_circuit( $service );
			$this->now += 30;
			$first      = $this->breaker()->acquire( $service );
			$second     = $this->breaker()->acquire( $service );
			$stored     = wp_cache_get( 'switchboard_circuit_fault', 'switchboard_circuit' );
			$this->breaker()->record_success( $service );
			$closed = $this->breaker()->acquire( $service );
		} finally {
			$GLOBALS['_wp_using_ext_object_cache'] = $previous; // May be null, which wp_using_ext_object_cache() cannot restore.
		}

		$this->assertSame( CircuitBreaker::HALF_OPEN, $first );
		$this->assertSame( CircuitBreaker::OPEN, $second );
		$this->assertSame( CircuitBreaker::CLOSED, $closed );
		$this->assertIsArray( $stored );
		$this->assertFalse( get_option( 'switchboard_circuit_fault' ) );
	}

	/**
	 * Failures further apart than the window, or broken by a success, do not open the circuit.
	 */
	public function test_failures_must_be_consecutive_and_within_window(): void {
		$service = $this->service();
		$breaker = $this->breaker();

		for ( $i = 0; $i < 4; $i++ ) {
			$breaker->record_failure( $service, 'switchboard_upstream_timeout', 'The service did not answer in time.' );
		}
		$breaker->record_success( $service );
		for ( $i = 0; $i < 4; $i++ ) {
			$breaker->record_failure( $service, 'switchboard_upstream_timeout', 'The service did not answer in time.' );
		}
		$this->assertSame( CircuitBreaker::CLOSED, $breaker->acquire( $service ) );

		$this->now += 61;
		$breaker->record_failure( $service, 'switchboard_upstream_timeout', 'The service did not answer in time.' );
		$this->assertSame( CircuitBreaker::CLOSED, $breaker->acquire( $service ) );
		$this->assertSame( 1, $breaker->status( $service )['failures'] );
	}

	/**
	 * A service's 4xx answers are not failures of the service.
	 */
	public function test_client_errors_do_not_count(): void {
		self::upstream()->set(
			array(
				'status' => 404,
				'body'   => '{"code":"not_found","message":"Not found."}',
			)
		);
		$client = $this->client();

		for ( $i = 0; $i < 6; $i++ ) {
			$this->assertSame( 'not_found', $this->code( $client->request( $this->service(), 'GET', '/v1/items/1' ) ) );
		}
		$this->assertSame( CircuitBreaker::CLOSED, $this->breaker()->status( $this->service() )['state'] );
		$this->assertSame( 6, self::upstream()->request_count() );
	}

	/**
	 * Opens the circuit through the breaker's API.
	 *
	 * @param Service $service Service.
	 */
	private function open_circuit( Service $service ): void {
		for ( $i = 0; $i < 5; $i++ ) {
			$this->breaker()->record_failure( $service, 'switchboard_upstream_unavailable', 'The service could not be reached.' );
		}
		$this->assertSame( CircuitBreaker::OPEN, $this->breaker()->acquire( $service ) );
	}

	/**
	 * An error's code, or '' for a success.
	 *
	 * @param mixed $result Result.
	 * @return string
	 */
	private function code( mixed $result ): string {
		return $result instanceof WP_Error ? (string) $result->get_error_code() : '';
	}

	/**
	 * A breaker on the injected clock (a new instance each time: state is shared through storage).
	 *
	 * @return CircuitBreaker
	 */
	private function breaker(): CircuitBreaker {
		return new CircuitBreaker( 5, 60, 30, fn(): int => $this->now );
	}

	/**
	 * A client using the breaker.
	 *
	 * @return ServiceClient
	 */
	private function client(): ServiceClient {
		return GatewayFixture::client( $this->breaker() );
	}

	/**
	 * The service served by the fault server.
	 *
	 * @return Service
	 */
	private function service(): Service {
		return GatewayFixture::service( self::upstream()->url(), 1.0, Service::DEFAULT_MAX_RESPONSE_BYTES );
	}
}
