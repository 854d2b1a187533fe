<?php
/**
 * The rate limiter's database path on MariaDB under real concurrency.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Redis;

use RuntimeException;
use Switchboard\Tests\Support\Process;
use Switchboard\Tests\Support\WaitsForWorkers;
use Switchboard\Tests\TestCase;

/**
 * The other shared-state backend next to Redis: a bin/wp-server site on its private MariaDB (`--db mariadb`),
 * where several PHP processes race for one bucket through the limiter's conditional UPDATE and INSERT IGNORE,
 * and exactly the capacity gets through. Skipped, saying why, where MariaDB is not installed.
 */
final class RateLimiterMariaDbTest extends TestCase {

	use WaitsForWorkers;

	/**
	 * The bin/wp-server site's name.
	 */
	private const SITE = 'phpunit-rate-limits-mariadb';

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
	 * Skips without MariaDB.
	 */
	protected function set_up(): void {
		parent::set_up();
		if ( ! is_executable( '/usr/sbin/mariadbd' ) || ! is_executable( '/usr/bin/mariadb-install-db' ) ) {
			$this->markTestSkipped( 'MariaDB rate limiter test skipped: mariadb-server is not installed (bin/install-system-deps --with-mariadb)' );
		}
	}

	/**
	 * Processes hammering one key at once get exactly the capacity through, in total.
	 */
	public function test_concurrent_processes_get_exactly_the_capacity_on_mariadb(): void {
		$this->wp_server( array( 'reset', '--db', 'mariadb', '--port', (string) self::free_port() ) );
		try {
			$warm_up = $this->wait_for( array( $this->start( 'warm-up', 1, 0.0 ) ) );
			$this->assertSame( 1, $warm_up[0]['allowed'] ?? null, 'The first request creates the table.' );
			$this->assertNotTrue( $warm_up[0]['external'] ?? null, 'No persistent object cache: the limiter uses the database.' );
			$database = $warm_up[0]['database'] ?? null;
			$this->assertIsString( $database );
			$this->assertStringContainsString( 'MariaDB', $database );

			$key       = 'route:search|ip:198.51.100.' . wp_rand( 1, 250 ) . '|run:' . wp_generate_password( 8, false );
			$start_at  = microtime( true ) + 3.0; // bin/wp-server php starts bash, then PHP, then WordPress.
			$processes = array();
			for ( $i = 0; $i < self::PROCESSES; ++$i ) {
				$processes[] = $this->start( $key, self::ATTEMPTS, $start_at );
			}
			$results = $this->wait_for( $processes );
		} finally {
			$this->wp_server( array( 'stop' ) );
		}

		$this->assertSame( self::PROCESSES * self::ATTEMPTS, array_sum( array_column( $results, 'allowed' ) ) + array_sum( array_column( $results, 'denied' ) ) );
		$this->assertSame( self::CAPACITY, array_sum( array_column( $results, 'allowed' ) ), 'Allowed per process: ' . wp_json_encode( $results ) );
	}

	/**
	 * Starts a process that consumes from a bucket in the site.
	 *
	 * @param string $key      Bucket key.
	 * @param int    $attempts Requests.
	 * @param float  $start_at Unix time to start at.
	 * @return array{process: resource, stdout: resource, stderr: resource}
	 */
	private function start( string $key, int $attempts, float $start_at ): array {
		return Process::start( array( self::root() . '/bin/wp-server', 'php', '--name', self::SITE, __DIR__ . '/consume-in-wp-server.php', $key, (string) self::CAPACITY, (string) $attempts, sprintf( '%.6F', $start_at ) ), self::root() );
	}

	/**
	 * Waits for processes and reads their results (bin/wp-server may speak on standard error).
	 *
	 * @param list<array{process: resource, stdout: resource, stderr: resource}> $processes Processes.
	 * @return list<array<mixed>>
	 */
	private function wait_for( array $processes ): array {
		$results = $this->wait_for_workers( $processes, false );
		foreach ( $results as $result ) {
			$this->assertIsInt( $result['allowed'] ?? null, (string) wp_json_encode( $result ) );
			$this->assertIsInt( $result['denied'] ?? null, (string) wp_json_encode( $result ) );
		}

		return $results;
	}

	/**
	 * Runs bin/wp-server for the site.
	 *
	 * @param list<string> $args Command and options.
	 * @throws RuntimeException When it fails.
	 */
	private function wp_server( array $args ): void {
		$finished = Process::run( array_merge( array( self::root() . '/bin/wp-server', $args[0], '--name', self::SITE ), array_slice( $args, 1 ) ), self::root() );
		if ( 0 !== $finished['exit_code'] ) {
			throw new RuntimeException( 'bin/wp-server ' . implode( ' ', $args ) . " failed ({$finished['exit_code']}):\n{$finished['stdout']}\n{$finished['stderr']}" );
		}
	}

	/**
	 * Repository root.
	 *
	 * @return string
	 */
	private static function root(): string {
		return dirname( __DIR__, 3 );
	}

	/**
	 * A port nothing listens on (bin/wp-server also serves the site over HTTP).
	 *
	 * @return int
	 * @throws RuntimeException When none can be found.
	 */
	private static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $socket ) {
			throw new RuntimeException( 'Could not find a free port.' );
		}
		$name = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );

		return (int) substr( $name, (int) strrpos( $name, ':' ) + 1 );
	}
}
