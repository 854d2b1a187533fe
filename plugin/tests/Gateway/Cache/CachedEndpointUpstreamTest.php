<?php
/**
 * Tests of the cache decorator in front of the real service client and a fault-injecting upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Cache;

use RuntimeException;
use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Cache\TransientStore;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\Support\WaitsForWorkers;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * Stale-if-error through an outage, and one upstream request for a burst of concurrent misses.
 */
final class CachedEndpointUpstreamTest extends TestCase {

	/**
	 * Concurrent PHP processes in the single-flight test.
	 */
	private const WORKERS = 8;

	use UsesFaultServer;
	use WaitsForWorkers;

	/**
	 * The injected clock's time.
	 *
	 * @var int
	 */
	private int $now = 1700000000;

	/**
	 * Resets the upstream and registers it as the `fault` service.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::register_fault_service( self::upstream()->url() );
	}

	/**
	 * A cached key is served through an outage for stale-if-error seconds, each request trying the
	 * upstream once; beyond the window the error is returned.
	 */
	public function test_cached_key_is_served_stale_through_an_outage(): void {
		$client   = GatewayFixture::client();
		$service  = GatewayFixture::service( self::upstream()->url() );
		$endpoint = new CachedEndpoint( new TransientStore(), 1.0, fn(): int => $this->now );
		$policy   = CachePolicy::public( 60, 0, 600 );
		$key      = CacheKey::for_route( 'fault/items', array( 'page' => 1 ) );
		$origin   = static fn(): array|WP_Error => $client->request( $service, 'GET', '/v1/items' );
		self::upstream()->set( array( 'body' => '{"items":[1,2]}' ) );

		$first = $endpoint->fetch( $key, $policy, $origin );
		$this->assertSame( CacheResult::MISS, $first->status );
		$this->assertSame( array( 'items' => array( 1, 2 ) ), $first->value );

		self::upstream()->set(
			array(
				'status' => 500,
				'body'   => '{"error":"boom"}',
			)
		);
		$this->now += 30;
		$this->assertSame( CacheResult::HIT, $endpoint->fetch( $key, $policy, $origin )->status );
		$this->assertSame( 1, self::upstream()->request_count(), 'A fresh hit makes no request.' );

		$this->now += 300;

		$stale = $endpoint->fetch( $key, $policy, $origin );
		$this->assertSame( CacheResult::STALE_IF_ERROR, $stale->status );
		$this->assertSame( array( 'items' => array( 1, 2 ) ), $stale->value );
		$this->assertSame( '330', $stale->headers()['Age'] );
		$this->assertSame( 'STALE', $stale->headers()['X-Switchboard-Cache'] );
		$this->assertSame( 2, self::upstream()->request_count(), 'Exactly one more request: the failed revalidation.' );

		$this->now += 331;

		$failed = $endpoint->fetch( $key, $policy, $origin );
		$this->assertInstanceOf( WP_Error::class, $failed->value );
		$this->assertSame( 'no-store', $failed->headers()['Cache-Control'] );
		$this->assertSame( 3, self::upstream()->request_count() );
	}

	/**
	 * Several PHP processes missing the same key at once make one upstream request between them.
	 *
	 * @throws RuntimeException When a worker cannot start.
	 */
	public function test_concurrent_misses_reach_the_upstream_once(): void {
		$environment = TestEnvironment::get();
		$site        = $environment->create_site( 'cache-single-flight' );
		foreach ( array( 'install', 'activate' ) as $command ) {
			$report = $site->run( $command );
			$this->assertTrue( $report->completed, $report->describe() );
		}
		self::upstream()->set(
			array(
				'latency_ms' => 300,
				'body'       => '{"items":["shared"]}',
			)
		);

		$start     = microtime( true ) + 2.0;
		$processes = array();
		for ( $i = 0; $i < self::WORKERS; $i++ ) {
			$processes[] = $site->start_script( __DIR__ . '/single-flight-worker.php', array( self::upstream()->url(), sprintf( '%.6F', $start ) ) );
		}

		$statuses = array();
		foreach ( $this->wait_for_workers( $processes ) as $result ) {
			$this->assertSame( array( 'items' => array( 'shared' ) ), $result['value'] ?? null, (string) wp_json_encode( $result ) );
			$statuses[] = is_string( $result['status'] ?? null ) ? $result['status'] : '';
		}

		$this->assertSame( 1, self::upstream()->request_count(), 'One upstream request for ' . self::WORKERS . ' concurrent misses.' );
		$this->assertSame( array( CacheResult::MISS ), array_values( array_unique( array_diff( $statuses, array( CacheResult::HIT ) ) ) ), 'One process fetched; the others were served its result.' );
		$this->assertCount( self::WORKERS - 1, array_keys( $statuses, CacheResult::HIT, true ) );
		$this->assertSame( '', $site->read_debug_log() );
	}
}
