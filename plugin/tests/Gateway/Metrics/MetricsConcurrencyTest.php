<?php
/**
 * Tests of the metrics store under real concurrency, on the database and on Redis.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Metrics;

use Switchboard\Tests\Redis\RedisServer;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\Support\WaitsForWorkers;
use Switchboard\Tests\TestCase;

/**
 * Several PHP processes, each a WordPress request on a site of its own (so the PHPUnit process's test
 * transaction cannot hold its database), record into the same service and minute at once; no count is lost,
 * on the site's table and on the Redis object cache alike.
 */
final class MetricsConcurrencyTest extends TestCase {

	use WaitsForWorkers;

	/**
	 * Processes racing.
	 */
	private const PROCESSES = 6;

	/**
	 * Samples per process.
	 */
	private const SAMPLES = 40;

	/**
	 * The Redis server, when one was started.
	 *
	 * @var RedisServer|null
	 */
	private static ?RedisServer $redis = null;

	/**
	 * Stops Redis.
	 */
	public static function tear_down_after_class(): void {
		self::$redis?->stop();
		self::$redis = null;
		parent::tear_down_after_class();
	}

	/**
	 * On the table: every sample counted once, the first of a minute racing to create its row.
	 */
	public function test_no_sample_is_lost_on_the_database(): void {
		$site = TestEnvironment::get()->create_active_site( 'metrics-db', array() );
		$hour = $this->race( $site );
		$this->assertFalse( $hour['external'] ?? null );
	}

	/**
	 * On Redis: every sample counted once by atomic increments.
	 */
	public function test_no_sample_is_lost_on_redis(): void {
		$reason = RedisServer::unavailable();
		if ( null !== $reason ) {
			$this->markTestSkipped( 'Redis tests skipped: ' . $reason );
		}
		self::$redis ??= RedisServer::start( TestEnvironment::get()->create_temp_dir( 'metrics-redis' ) );
		$site          = TestEnvironment::get()->create_active_site(
			'metrics-redis',
			array(
				'WP_REDIS_PATH'   => self::$redis->socket,
				'WP_REDIS_PREFIX' => 'metrics',
			),
			true
		);

		$hour = $this->race( $site );
		$this->assertTrue( $hour['external'] ?? null );
	}

	/**
	 * Runs the processes against a site and checks the totals a later request reads.
	 *
	 * @param Site $site Site.
	 * @return array<mixed> The last hour as read.
	 */
	private function race( Site $site ): array {
		$start_at  = sprintf( '%.6F', microtime( true ) + 2.0 );
		$processes = array();
		for ( $i = 0; $i < self::PROCESSES; ++$i ) {
			$processes[] = $site->start_script( __DIR__ . '/record-in-site.php', array( 'record', 'search', (string) self::SAMPLES, $start_at ) );
		}
		foreach ( $this->wait_for_workers( $processes ) as $result ) {
			$this->assertSame( self::SAMPLES, $result['recorded'] ?? null );
		}

		$hour  = $this->wait_for_workers( array( $site->start_script( __DIR__ . '/record-in-site.php', array( 'read', 'search' ) ) ) )[0];
		$total = self::PROCESSES * self::SAMPLES;
		$this->assertSame( $total, $hour['requests'] ?? null, (string) wp_json_encode( $hour ) );
		$this->assertSame( $total / 5, $hour['failures'] ?? null );
		$this->assertSame( $total / 2, $hour['cache_hits'] ?? null );
		$this->assertSame( $total / 2, $hour['cache_misses'] ?? null );
		$this->assertSame( 0.2, $hour['error_rate'] ?? null );
		$this->assertSame( 0.5, $hour['cache_hit_ratio'] ?? null );
		$series = $hour['series'] ?? null;
		$this->assertIsArray( $series );
		$this->assertSame( $total, array_sum( array_column( $series, 'requests' ) ) );
		$this->assertSame( '', $site->read_debug_log() );

		return $hour;
	}
}
