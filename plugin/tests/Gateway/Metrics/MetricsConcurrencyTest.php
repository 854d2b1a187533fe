<?php
/**
 * Tests of the metrics store under real concurrency, on the database and on Redis.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Metrics;

use RuntimeException;
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
		$site = self::create_site( 'metrics-db', array() );
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
		$site          = self::create_site(
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

	/**
	 * A site with the plugin active and, with Redis settings, the object-cache drop-in.
	 *
	 * @param string               $name      Site name.
	 * @param array<string, mixed> $constants Constants to define in wp-config.php.
	 * @param bool                 $drop_in   Whether to link the object-cache drop-in.
	 * @return Site
	 * @throws RuntimeException When the site cannot be set up.
	 */
	private static function create_site( string $name, array $constants, bool $drop_in = false ): Site {
		$site = TestEnvironment::get()->create_site( $name );
		if ( $drop_in && ! symlink( dirname( __DIR__, 3 ) . '/dropins/object-cache.php', $site->content_dir() . '/object-cache.php' ) ) {
			throw new RuntimeException( 'Could not link the drop-in.' );
		}

		$defines = '';
		foreach ( $constants as $constant => $value ) {
			$defines .= sprintf( "define( '%s', %s );\n", $constant, var_export( $value, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes a PHP literal.
		}
		$config = (string) file_get_contents( $site->config_file() );
		Site::write_file( $site->config_file(), preg_replace( '/^<\?php\n/', "<?php\n" . $defines, $config, 1 ) ?? $config );

		foreach ( array( 'install', 'activate' ) as $command ) {
			$report = $site->run( $command );
			if ( ! $report->completed || 0 !== $report->exit_code || array() !== $report->errors ) {
				throw new RuntimeException( "The {$command} request of {$name} failed: " . $report->describe() );
			}
		}

		return $site;
	}
}
