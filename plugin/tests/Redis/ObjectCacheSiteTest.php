<?php
/**
 * Tests of WordPress and the gateway running on the Redis object-cache drop-in, across PHP processes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Redis;

use RuntimeException;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Cache\ObjectCacheStore;
use Switchboard\Gateway\Cache\TransientStore;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Tests\Support\FaultServer;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\Support\WaitsForWorkers;
use Switchboard\Tests\TestCase;
use Switchboard_Redis_Object_Cache;

/**
 * A test site whose wp-content/object-cache.php is the drop-in, pointed at a private redis-server; every
 * request is a PHP process of its own, so what one stores the next can only find through Redis, and
 * concurrent processes race for real: the rate limiter lets exactly its capacity through, a burst of
 * misses reaches the origin once, and the circuit breaker's state and probe lock are shared.
 */
final class ObjectCacheSiteTest extends TestCase {

	use WaitsForWorkers;

	/**
	 * Key prefix the site uses.
	 */
	private const PREFIX = 'site';

	/**
	 * The server, or null when the tests are skipped.
	 *
	 * @var RedisServer|null
	 */
	private static ?RedisServer $server = null;

	/**
	 * The site on Redis.
	 *
	 * @var Site|null
	 */
	private static ?Site $site = null;

	/**
	 * Starts Redis and sets the site up once for the class.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();
		if ( null !== RedisServer::unavailable() ) {
			return;
		}

		self::$server = RedisServer::start( TestEnvironment::get()->create_temp_dir( 'redis-site' ) );
		self::$site   = TestEnvironment::get()->create_active_site(
			'redis-site',
			array(
				'WP_REDIS_PATH'   => self::$server->socket,
				'WP_REDIS_PREFIX' => self::PREFIX,
			),
			true
		);
	}

	/**
	 * Stops the server.
	 */
	public static function tear_down_after_class(): void {
		self::$server?->stop();
		self::$server = null;
		self::$site   = null;
		parent::tear_down_after_class();
	}

	/**
	 * Skips without Redis.
	 */
	protected function set_up(): void {
		parent::set_up();
		$reason = RedisServer::unavailable();
		if ( null !== $reason ) {
			$this->markTestSkipped( 'Redis object cache tests skipped: ' . $reason );
		}
	}

	/**
	 * WordPress loads the drop-in, says it has a persistent cache, and a value one request stores the next finds.
	 */
	public function test_wordpress_runs_on_redis_and_requests_share_values(): void {
		$first = $this->run_worker( $this->site(), array( 'probe', 'from the first request' ) );
		$this->assertTrue( $first['external'] ?? null );
		$this->assertSame( Switchboard_Redis_Object_Cache::class, $first['class'] ?? null );
		$this->assertSame( ObjectCacheStore::class, $first['store'] ?? null, 'The gateway caches in the object cache.' );
		$this->assertNull( $first['shared'] ?? null );
		$this->assertSame( array_fill_keys( array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ), true ), $first['supports'] ?? null );

		$second = $this->run_worker( $this->site(), array( 'probe' ) );
		$this->assertSame( 'from the first request', $second['shared'] ?? null );
		$this->assertSame( 'Switchboard tests', $second['blogname'] ?? null );

		$this->assertSame( 1, $this->redis()->exists( self::PREFIX . ':options:1:alloptions' ), 'WordPress keeps its options in Redis.' );
		$this->assertSame( '', $this->site()->read_debug_log() );
	}

	/**
	 * Without Redis the site still works; WordPress is told there is no persistent cache (so the gateway
	 * uses the database), nothing persists, and the debug log has one line per request.
	 */
	public function test_unreachable_redis_falls_back_to_memory_and_the_database(): void {
		$site = TestEnvironment::get()->create_active_site( 'redis-down', array( 'WP_REDIS_PATH' => sys_get_temp_dir() . '/switchboard-no-redis-' . getmypid() . '.sock' ), true );
		Site::write_file( $site->debug_log(), '' );

		$first = $this->run_worker( $site, array( 'probe', 'lost' ) );
		$this->assertFalse( $first['external'] ?? null );
		$this->assertSame( Switchboard_Redis_Object_Cache::class, $first['class'] ?? null );
		$this->assertSame( TransientStore::class, $first['store'] ?? null );
		$this->assertSame( 'Switchboard tests', $first['blogname'] ?? null );

		$second = $this->run_worker( $site, array( 'probe' ) );
		$this->assertNull( $second['shared'] ?? null, 'Nothing persists without Redis.' );

		$log = $site->read_debug_log();
		$this->assertSame( 2, substr_count( $log, 'Switchboard Redis object cache: Redis is unreachable' ), $log );
		$this->assertSame( 2, substr_count( $log, "\n" ), $log );
	}

	/**
	 * Processes hammering one bucket get exactly its capacity through, counted in Redis.
	 */
	public function test_rate_limiter_allows_exactly_the_capacity_on_redis(): void {
		$capacity  = 30;
		$start_at  = sprintf( '%.6F', microtime( true ) + 2.0 );
		$processes = array();
		for ( $i = 0; $i < 8; $i++ ) {
			$processes[] = $this->site()->start_script( dirname( __DIR__ ) . '/Gateway/RateLimit/consume-in-site.php', array( 'route:search|ip:203.0.113.9', (string) $capacity, '12', $start_at ) );
		}
		$results = $this->wait_for_workers( $processes );

		$this->assertSame( 96, array_sum( array_column( $results, 'allowed' ) ) + array_sum( array_column( $results, 'denied' ) ) );
		$this->assertSame( $capacity, array_sum( array_column( $results, 'allowed' ) ), (string) wp_json_encode( $results ) );

		$counters = $this->redis()->keys( self::PREFIX . ':switchboard_rate_limit:*' );
		$this->assertIsArray( $counters );
		$this->assertCount( 1, $counters );
		$this->assertSame( '96', $this->redis()->get( (string) $counters[0] ), 'One counter, bumped by every request.' );
		$this->assertSame( '', $this->site()->read_debug_log() );
	}

	/**
	 * A burst of concurrent misses of one key reaches the origin once; the others get its result.
	 */
	public function test_concurrent_misses_reach_the_origin_once_on_redis(): void {
		$upstream = FaultServer::start();
		try {
			$upstream->set(
				array(
					'latency_ms' => 300,
					'body'       => '{"items":["shared"]}',
				)
			);
			$start     = sprintf( '%.6F', microtime( true ) + 2.0 );
			$processes = array();
			for ( $i = 0; $i < 8; $i++ ) {
				$processes[] = $this->site()->start_script( __DIR__ . '/redis-site-worker.php', array( 'single-flight', $upstream->url(), $start ) );
			}
			$results = $this->wait_for_workers( $processes );
			$count   = $upstream->request_count();
		} finally {
			$upstream->stop();
		}

		$this->assertSame( 1, $count, 'One upstream request for 8 concurrent misses.' );
		$statuses = array_column( $results, 'status' );
		$this->assertCount( 1, array_keys( $statuses, CacheResult::MISS, true ), (string) wp_json_encode( $results ) );
		$this->assertCount( 7, array_keys( $statuses, CacheResult::HIT, true ), (string) wp_json_encode( $results ) );
		foreach ( $results as $result ) {
			$this->assertSame( ObjectCacheStore::class, $result['store'] ?? null );
			$this->assertSame( array( 'items' => array( 'shared' ) ), $result['value'] ?? null );
		}
	}

	/**
	 * A circuit opened by one process is open for the others, and after the cool-down exactly one of
	 * several concurrent processes wins the probe.
	 */
	public function test_circuit_breaker_state_and_probe_lock_are_shared(): void {
		$opened = $this->run_worker( $this->site(), array( 'breaker-fail', '3' ) );
		$this->assertSame( CircuitBreaker::OPEN, $opened['state'] ?? null );

		$opened_at = time();

		$other = $this->run_worker( $this->site(), array( 'breaker-acquire', '0', '60' ) );
		$this->assertSame( CircuitBreaker::OPEN, $other['state'] ?? null, 'Another process sees the open circuit.' );

		// With a 2-second cool-down (which is also how long the probe lock lasts), counted in whole seconds,
		// the circuit is half-open for everyone by the start time; all processes have loaded WordPress by then.
		$start     = sprintf( '%.6F', max( microtime( true ) + 3.0, $opened_at + 3.5 ) );
		$processes = array();
		for ( $i = 0; $i < 6; $i++ ) {
			$processes[] = $this->site()->start_script( __DIR__ . '/redis-site-worker.php', array( 'breaker-acquire', $start, '2' ) );
		}
		$results = $this->wait_for_workers( $processes );
		$states  = array_column( $results, 'state' );

		$this->assertCount( 1, array_keys( $states, CircuitBreaker::HALF_OPEN, true ), (string) wp_json_encode( $results ) );
		$this->assertCount( 5, array_keys( $states, CircuitBreaker::OPEN, true ), (string) wp_json_encode( $results ) );
		$this->assertSame( '', $this->site()->read_debug_log() );
	}

	/**
	 * Runs one worker command and returns its JSON result.
	 *
	 * @param Site         $site      Site.
	 * @param list<string> $arguments Command and arguments.
	 * @return array<mixed>
	 */
	private function run_worker( Site $site, array $arguments ): array {
		return $this->wait_for_workers( array( $site->start_script( __DIR__ . '/redis-site-worker.php', $arguments ) ) )[0];
	}

	/**
	 * A plain connection to the test server.
	 *
	 * @return \Redis
	 * @throws RuntimeException When it was not started.
	 */
	private function redis(): \Redis {
		if ( null === self::$server ) {
			throw new RuntimeException( 'Redis is not running.' );
		}
		return self::$server->client();
	}

	/**
	 * The site on Redis.
	 *
	 * @return Site
	 * @throws RuntimeException When it was not set up.
	 */
	private function site(): Site {
		if ( null === self::$site ) {
			throw new RuntimeException( 'The site is not set up.' );
		}
		return self::$site;
	}
}
