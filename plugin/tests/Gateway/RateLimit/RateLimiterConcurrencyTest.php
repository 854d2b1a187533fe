<?php
/**
 * Tests of the rate limiter under real concurrency.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\RateLimit;

use PDO;
use RuntimeException;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteReport;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\Support\WaitsForWorkers;
use Switchboard\Tests\TestCase;

/**
 * Several PHP processes, each a WordPress request on a site of its own (so the PHPUnit process's test
 * transaction cannot hold its database), race for one bucket; exactly the capacity gets through, and the
 * database holds only hashes.
 */
final class RateLimiterConcurrencyTest extends TestCase {

	use WaitsForWorkers;

	/**
	 * Processes racing.
	 */
	private const PROCESSES = 8;

	/**
	 * Requests per process.
	 */
	private const ATTEMPTS = 12;

	/**
	 * The bucket's capacity, well below PROCESSES * ATTEMPTS.
	 */
	private const CAPACITY = 30;

	/**
	 * The site the processes run in.
	 *
	 * @var Site|null
	 */
	private static ?Site $site = null;

	/**
	 * Reports of installing and activating.
	 *
	 * @var list<SiteReport>
	 */
	private static array $setup = array();

	/**
	 * Creates, installs and activates the site once for the class.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();

		self::$site  = TestEnvironment::get()->create_site( 'rate-limits' );
		self::$setup = array(
			self::$site->run( 'install' ),
			self::$site->run( 'activate' ),
		);
	}

	/**
	 * Processes hammering one key at once get exactly the capacity through, in total.
	 */
	public function test_concurrent_processes_get_exactly_the_capacity(): void {
		foreach ( self::$setup as $report ) {
			$this->assertTrue( $report->completed, $report->describe() );
			$this->assertSame( array(), $report->errors, $report->describe() );
		}

		// One request first creates the table, as the first request on a real site would.
		$warm_up = $this->wait_for( array( $this->start( 'warm-up', 1, 0.0 ) ) );
		$this->assertSame( 1, $warm_up[0]['allowed'] );

		$key       = 'route:search|ip:198.51.100.23';
		$start_at  = microtime( true ) + 2.0; // Every process has loaded WordPress by then, and they all start together.
		$processes = array();
		for ( $i = 0; $i < self::PROCESSES; ++$i ) {
			$processes[] = $this->start( $key, self::ATTEMPTS, $start_at );
		}
		$results = $this->wait_for( $processes );

		$this->assertSame( self::PROCESSES * self::ATTEMPTS, array_sum( array_column( $results, 'allowed' ) ) + array_sum( array_column( $results, 'denied' ) ) );
		$this->assertSame( self::CAPACITY, array_sum( array_column( $results, 'allowed' ) ), 'Allowed per process: ' . wp_json_encode( $results ) );
		$this->assertSame( '', $this->site()->read_debug_log() );

		$rows = $this->stored_rows();
		$this->assertCount( 2, $rows );
		$this->assertContains( $results[0]['hash'], array_column( $rows, 'key_hash' ), 'The site keys its hashes with its own salt.' );
		foreach ( $rows as $row ) {
			$this->assertIsString( $row['key_hash'] ?? null );
			$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $row['key_hash'] );
		}
		$this->assertStringNotContainsString( '198.51.100', (string) wp_json_encode( $rows ), 'No raw address is stored.' );
	}

	/**
	 * Starts a process that consumes from a bucket.
	 *
	 * @param string $key      Bucket key.
	 * @param int    $attempts Requests.
	 * @param float  $start_at Unix time to start at.
	 * @return array{process: resource, stdout: resource, stderr: resource}
	 */
	private function start( string $key, int $attempts, float $start_at ): array {
		return $this->site()->start_script( __DIR__ . '/consume-in-site.php', array( $key, (string) self::CAPACITY, (string) $attempts, sprintf( '%.6F', $start_at ) ) );
	}

	/**
	 * Waits for processes and reads their results.
	 *
	 * @param list<array{process: resource, stdout: resource, stderr: resource}> $processes Processes.
	 * @return list<array{allowed: int, denied: int, hash: string}>
	 */
	private function wait_for( array $processes ): array {
		$results = array();
		foreach ( $this->wait_for_workers( $processes ) as $result ) {
			$stdout = (string) wp_json_encode( $result );
			$this->assertIsInt( $result['allowed'] ?? null, $stdout );
			$this->assertIsInt( $result['denied'] ?? null, $stdout );
			$this->assertIsString( $result['hash'] ?? null, $stdout );
			$results[] = array(
				'allowed' => $result['allowed'],
				'denied'  => $result['denied'],
				'hash'    => $result['hash'],
			);
		}

		return $results;
	}

	/**
	 * The rate-limit table's rows, read straight from the site's SQLite file.
	 *
	 * @return list<array<mixed>>
	 */
	private function stored_rows(): array {
		$database = new PDO( 'sqlite:' . $this->site()->content_dir() . '/database/.ht.sqlite' );
		$query    = $database->query( 'SELECT * FROM wp_switchboard_rate_limits' );
		$this->assertNotFalse( $query );
		$rows = array();
		foreach ( $query->fetchAll( PDO::FETCH_ASSOC ) as $row ) {
			$this->assertIsArray( $row );
			$rows[] = $row;
		}

		return $rows;
	}

	/**
	 * The site.
	 *
	 * @return Site
	 * @throws RuntimeException Before set_up_before_class().
	 */
	private function site(): Site {
		if ( null === self::$site ) {
			throw new RuntimeException( 'The site is not set up.' );
		}

		return self::$site;
	}
}
