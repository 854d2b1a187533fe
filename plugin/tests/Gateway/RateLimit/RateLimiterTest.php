<?php
/**
 * Tests of the token-bucket rate limiter in one process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\RateLimit;

use InvalidArgumentException;
use Switchboard\Gateway\RateLimit\Decision;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\RateLimit\RateLimiter;
use Switchboard\Gateway\RateLimit\Table;
use Switchboard\Tests\TestCase;

/**
 * Exactly the capacity goes through, then refusals with the right Retry-After; refill over injected time;
 * independent buckets; state in the site's own database (SQLite here) holding no raw address; the
 * object-cache path; the headers and the 429 error.
 */
final class RateLimiterTest extends TestCase {

	/**
	 * The injected clock's time, in seconds.
	 *
	 * @var float
	 */
	private float $now = 1800000000.0;

	/**
	 * The test site has no persistent object cache, so the limiter uses the database.
	 */
	public function test_the_test_site_uses_the_database_path(): void {
		$this->assertNotTrue( wp_using_ext_object_cache() );
	}

	/**
	 * A bucket of N lets exactly N through, then refuses with the time until the next token.
	 */
	public function test_allows_exactly_the_capacity_then_refuses(): void {
		$limiter = $this->limiter();
		$policy  = Policy::per( 5, 60 );

		for ( $i = 1; $i <= 5; ++$i ) {
			$decision = $limiter->consume( 'route:search|ip:203.0.113.7', $policy );
			$this->assertTrue( $decision->allowed, "Request {$i}" );
			$this->assertSame( 5 - $i, $decision->remaining, "Request {$i}" );
			$this->assertSame( 0, $decision->retry_after );
			$this->assertSame( 5, $decision->limit );
		}

		$refused = $limiter->consume( 'route:search|ip:203.0.113.7', $policy );
		$this->assertFalse( $refused->allowed );
		$this->assertSame( 0, $refused->remaining );
		$this->assertSame( 12, $refused->retry_after, 'One token comes back every 12 seconds.' );
		$this->assertSame( 60, $refused->reset );

		$this->assertFalse( $limiter->consume( 'route:search|ip:203.0.113.7', $policy )->allowed, 'A refusal takes no token.' );
	}

	/**
	 * Tokens come back at the refill rate, never beyond the capacity.
	 */
	public function test_refills_over_time(): void {
		$limiter = $this->limiter();
		$policy  = Policy::per( 5, 60 );
		$this->drain( $limiter, 'refill', $policy, 5 );

		$this->now += 11.999;
		$almost     = $limiter->consume( 'refill', $policy );
		$this->assertFalse( $almost->allowed );
		$this->assertSame( 1, $almost->retry_after, 'retry_after is rounded up, and at least 1.' );

		$this->now += 0.001;
		$this->assertTrue( $limiter->consume( 'refill', $policy )->allowed );
		$this->assertFalse( $limiter->consume( 'refill', $policy )->allowed );

		$this->now += 3600;
		$this->assertSame( 5, $this->drain( $limiter, 'refill', $policy, 10 ), 'An idle bucket holds no more than its capacity.' );
	}

	/**
	 * A fast refill with a burst of 1.
	 */
	public function test_a_capacity_of_one(): void {
		$limiter = $this->limiter();
		$policy  = new Policy( 1, 2.0 );

		$first = $limiter->consume( 'one', $policy );
		$this->assertTrue( $first->allowed );
		$this->assertSame( 0, $first->remaining );
		$this->assertFalse( $limiter->consume( 'one', $policy )->allowed );
		$this->now += 0.5;
		$this->assertTrue( $limiter->consume( 'one', $policy )->allowed );
	}

	/**
	 * Buckets do not share tokens.
	 */
	public function test_buckets_are_independent(): void {
		$limiter = $this->limiter();
		$policy  = Policy::per( 3, 60 );

		$this->assertSame( 3, $this->drain( $limiter, 'ip:203.0.113.7', $policy, 5 ) );
		$this->assertSame( 3, $this->drain( $limiter, 'ip:203.0.113.8', $policy, 5 ) );
		$this->assertSame( 0, $this->drain( $limiter, 'ip:203.0.113.7', $policy, 1 ) );
	}

	/**
	 * The state is a row in the site's own database table, created on demand and versioned, keyed by a
	 * hash that does not contain the address.
	 */
	public function test_state_is_stored_in_the_site_database_without_raw_addresses(): void {
		$wpdb = $this->wpdb();
		$this->assertNotTrue( wp_using_ext_object_cache() );

		$this->limiter()->consume( 'ip:203.0.113.7', Policy::per( 5, 60 ) );
		$this->limiter()->consume( 'ip:2001:db8:1:2::/64', Policy::per( 5, 60 ) );

		$this->assertSame( Table::VERSION, get_option( Table::VERSION_OPTION ) );
		$this->assertSame( $wpdb->prefix . 'switchboard_rate_limits', Table::name( $wpdb ) );
		$rows = $this->rows();
		$this->assertCount( 2, $rows );

		$stored = (string) wp_json_encode( $rows );
		$this->assertStringNotContainsString( '203.0.113', $stored );
		$this->assertStringNotContainsString( '2001:db8', $stored );
		$hashes = array_column( $rows, 'key_hash' );
		$this->assertContains( RateLimiter::hash( 'ip:203.0.113.7' ), $hashes );
		foreach ( $hashes as $hash ) {
			$this->assertIsString( $hash );
			$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $hash );
		}
		$this->assertNotSame( hash( 'sha256', 'ip:203.0.113.7' ), RateLimiter::hash( 'ip:203.0.113.7' ), 'The hash is keyed.' );

		$tat = array_column( $rows, 'tat', 'key_hash' )[ RateLimiter::hash( 'ip:203.0.113.7' ) ] ?? null;
		$this->assertIsScalar( $tat );
		$this->assertSame( (string) ( 1800000000000 + 12000 ), (string) $tat, 'tat = now + one interval, in milliseconds.' );
	}

	/**
	 * Pruning deletes only the rows of buckets that are full again, without changing any answer.
	 */
	public function test_prunes_only_expired_rows(): void {
		$limiter = $this->limiter();
		$limiter->consume( 'short', Policy::per( 1, 10 ) );
		$this->drain( $limiter, 'long', Policy::per( 2, 600 ), 2 );

		$this->now += 11;
		$this->assertSame( 1, $limiter->prune() );
		$this->assertFalse( $limiter->consume( 'long', Policy::per( 2, 600 ) )->allowed, 'The live bucket kept its state.' );
		$this->assertTrue( $limiter->consume( 'short', Policy::per( 1, 10 ) )->allowed );
	}

	/**
	 * With a persistent object cache, a fixed window of add/incr counters lets exactly N through per
	 * window, writes nothing to the database, and stores no raw address in its keys.
	 */
	public function test_object_cache_path_allows_exactly_the_capacity_per_window(): void {
		$was_external = wp_using_ext_object_cache( true );
		try {
			$limiter   = $this->limiter();
			$policy    = Policy::per( 4, 60 );
			$this->now = 1800000010.0; // 10 s into a 60 s window.

			$this->assertSame( 4, $this->drain( $limiter, 'ip:203.0.113.7', $policy, 4 ) );
			$refused = $limiter->consume( 'ip:203.0.113.7', $policy );
			$this->assertFalse( $refused->allowed );
			$this->assertSame( 50, $refused->retry_after, 'Until the window ends.' );
			$this->assertSame( 4, $this->drain( $limiter, 'ip:203.0.113.8', $policy, 6 ) );

			$this->now += 50;
			$this->assertSame( 4, $this->drain( $limiter, 'ip:203.0.113.7', $policy, 6 ), 'A new window, a full quota.' );
			$this->assertFalse( get_option( Table::VERSION_OPTION ), 'The database is not touched.' );

			$key = RateLimiter::hash( 'ip:203.0.113.7' ) . ':60:' . intdiv( 1800000060, 60 );
			$this->assertSame( 6, wp_cache_get( $key, 'switchboard_rate_limit' ), 'The counter is keyed by the hash.' );
		} finally {
			wp_using_ext_object_cache( (bool) $was_external );
		}
	}

	/**
	 * Headers for an allowed and a refused request, and the 429 error.
	 */
	public function test_headers_and_error(): void {
		$this->assertSame(
			array(
				'RateLimit-Limit'     => '10',
				'RateLimit-Remaining' => '7',
				'RateLimit-Reset'     => '18',
			),
			( new Decision( true, 10, 7, 0, 18 ) )->headers()
		);

		$refused = new Decision( false, 10, 0, 6, 60 );
		$this->assertSame(
			array(
				'RateLimit-Limit'     => '10',
				'RateLimit-Remaining' => '0',
				'RateLimit-Reset'     => '60',
				'Retry-After'         => '6',
			),
			$refused->headers()
		);

		$error = $refused->error();
		$this->assertSame( 'switchboard_rate_limited', $error->get_error_code() );
		$this->assertSame(
			array(
				'status'      => 429,
				'retry_after' => 6,
			),
			$error->get_error_data()
		);

		$response = rest_convert_error_to_response( $error );
		foreach ( $refused->headers() as $name => $value ) {
			$response->header( $name, $value );
		}
		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( '6', $response->get_headers()['Retry-After'] );
	}

	/**
	 * Policies refuse shapes that cannot work.
	 *
	 * @dataProvider invalid_policies
	 *
	 * @param callable():Policy $make Builds the policy.
	 */
	public function test_invalid_policies_are_refused( callable $make ): void {
		$this->expectException( InvalidArgumentException::class );
		$make();
	}

	/**
	 * Policies that cannot work.
	 *
	 * @return array<string, array{callable():Policy}>
	 */
	public static function invalid_policies(): array {
		return array(
			'no capacity'   => array( static fn (): Policy => new Policy( 0, 1.0 ) ),
			'no refill'     => array( static fn (): Policy => new Policy( 5, 0.0 ) ),
			'endless'       => array( static fn (): Policy => new Policy( 5, INF ) ),
			'no period'     => array( static fn (): Policy => Policy::per( 5, 0 ) ),
			'negative rate' => array( static fn (): Policy => new Policy( 5, -1.0 ) ),
		);
	}

	/**
	 * The rate-limit table's rows.
	 *
	 * @return list<array<mixed>>
	 */
	private function rows(): array {
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- reads the table under test; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT key_hash, tat FROM %i', Table::name( $wpdb ) ), 'ARRAY_A' );
		$this->assertIsArray( $rows );

		return array_values( array_filter( $rows, 'is_array' ) );
	}

	/**
	 * A limiter on the injected clock.
	 *
	 * @return RateLimiter
	 */
	private function limiter(): RateLimiter {
		return new RateLimiter( fn (): float => $this->now );
	}

	/**
	 * Consumes a number of times.
	 *
	 * @param RateLimiter $limiter  Limiter.
	 * @param string      $key      Bucket key.
	 * @param Policy      $policy   Policy.
	 * @param int         $attempts Requests.
	 * @return int How many were allowed.
	 */
	private function drain( RateLimiter $limiter, string $key, Policy $policy, int $attempts ): int {
		$allowed = 0;
		for ( $i = 0; $i < $attempts; ++$i ) {
			$allowed += $limiter->consume( $key, $policy )->allowed ? 1 : 0;
		}

		return $allowed;
	}
}
