<?php
/**
 * Tests of the cache decorator with an injected clock.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Cache;

use Closure;
use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Cache\CacheStore;
use Switchboard\Gateway\Cache\ObjectCacheStore;
use Switchboard\Gateway\Cache\TransientStore;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * Hit, miss, stale-while-revalidate, stale-if-error and never-cached errors, against both stores.
 *
 * The object-cache store runs on WordPress's runtime cache here (the test site has no persistent cache):
 * that covers its logic and its atomic add within one process, not sharing or expiry across processes.
 */
final class CachedEndpointTest extends TestCase {

	/**
	 * The injected clock's time.
	 *
	 * @var int
	 */
	private int $now = 1700000000;

	/**
	 * Origin calls made.
	 *
	 * @var int
	 */
	private int $calls = 0;

	/**
	 * Resets the clock and counter, and keeps WordPress's own shutdown work out of the tests.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->now   = 1700000000;
		$this->calls = 0;
		remove_all_actions( 'shutdown' );
	}

	/**
	 * A miss calls the origin once and stores the value; a fresh hit does not call it.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_miss_then_hit( Closure $make_store ): void {
		$store    = $make_store();
		$endpoint = $this->endpoint( $store );
		$policy   = CachePolicy::public( 60, 30, 300 );

		$miss = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 1 ) ) );
		$this->assertSame( $store instanceof TransientStore ? 2 : 0, $this->stored_rows(), 'A transient (value and timeout), no lock left.' );
		$this->now += 59;

		$hit = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 2 ) ) );

		$this->assertSame( CacheResult::MISS, $miss->status );
		$this->assertSame( array( 'n' => 1 ), $miss->value );
		$this->assertSame( 0, $miss->age );
		$this->assertSame( 'MISS', $miss->headers()['X-Switchboard-Cache'] );
		$this->assertSame( CacheResult::HIT, $hit->status );
		$this->assertSame( array( 'n' => 1 ), $hit->value );
		$this->assertSame( 59, $hit->age );
		$this->assertSame(
			array(
				'Cache-Control'       => 'public, max-age=60, stale-while-revalidate=30, stale-if-error=300',
				'Age'                 => '59',
				'X-Switchboard-Cache' => 'HIT',
			),
			$hit->headers()
		);
		$this->assertSame( 1, $this->calls );
		$this->assertNotNull( $store->get( $this->key()->storage_key() ) );
	}

	/**
	 * Within stale-while-revalidate the stale value is served at once and refreshed once, on shutdown.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_stale_is_served_and_revalidated_once_after_the_response( Closure $make_store ): void {
		$endpoint = $this->endpoint( $make_store() );
		$policy   = CachePolicy::public( 60, 30 );
		$endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 1 ) ) );

		$this->now += 75;

		$first  = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 2 ) ) );
		$second = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 3 ) ) );

		$this->assertSame( CacheResult::STALE, $first->status );
		$this->assertSame( array( 'n' => 1 ), $first->value );
		$this->assertSame( 75, $first->age );
		$this->assertSame( 'STALE', $first->headers()['X-Switchboard-Cache'] );
		$this->assertSame( CacheResult::STALE, $second->status );
		$this->assertSame( 1, $this->calls, 'Nothing is fetched before the response is sent.' );

		do_action( 'shutdown' );

		$this->assertSame( 2, $this->calls, 'One revalidation per key and request.' );
		$fresh = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 4 ) ) );
		$this->assertSame( CacheResult::HIT, $fresh->status );
		$this->assertSame( array( 'n' => 2 ), $fresh->value );
		$this->assertSame( 0, $fresh->age );
	}

	/**
	 * A request that cannot take the lock leaves the revalidation to the one holding it.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_revalidation_is_left_to_the_lock_holder( Closure $make_store ): void {
		$store    = $make_store();
		$endpoint = $this->endpoint( $store );
		$policy   = CachePolicy::public( 60, 30 );
		$endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 1 ) ) );
		$this->now += 75;

		$stale = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 2 ) ) );
		$this->assertTrue( $store->lock( $this->key()->storage_key(), 10 ), 'Another request revalidates.' );
		do_action( 'shutdown' );

		$this->assertSame( CacheResult::STALE, $stale->status );
		$this->assertSame( 1, $this->calls );
		$store->unlock( $this->key()->storage_key() );
	}

	/**
	 * Past stale-while-revalidate the origin is called before answering.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_entry_past_its_windows_is_revalidated_synchronously( Closure $make_store ): void {
		$endpoint = $this->endpoint( $make_store() );
		$policy   = CachePolicy::public( 60, 30, 300 );
		$endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 1 ) ) );
		$this->now += 100;

		$result = $endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 2 ) ) );

		$this->assertSame( CacheResult::REVALIDATED, $result->status );
		$this->assertSame( array( 'n' => 2 ), $result->value );
		$this->assertSame( 'MISS', $result->headers()['X-Switchboard-Cache'] );
		$this->assertSame( 2, $this->calls );
	}

	/**
	 * An error is returned as it is and leaves the store empty; the next request calls the origin again.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_errors_are_never_stored( Closure $make_store ): void {
		$store    = $make_store();
		$endpoint = $this->endpoint( $store );
		$policy   = CachePolicy::public( 60, 30, 300 );
		$error    = new WP_Error( 'switchboard_upstream_error', 'The service failed.', array( 'status' => 502 ) );

		$result = $endpoint->fetch( $this->key(), $policy, $this->origin( $error ) );

		$this->assertSame( $error, $result->value );
		$this->assertTrue( $result->is_error() );
		$this->assertSame(
			array(
				'Cache-Control'       => 'no-store',
				'X-Switchboard-Cache' => 'MISS',
			),
			$result->headers()
		);
		$this->assertNull( $store->get( $this->key()->storage_key() ) );
		$this->assertSame( 0, $this->stored_rows(), 'No transient and no lock left in the options table.' );

		$endpoint->fetch( $this->key(), $policy, $this->origin( $error ) );
		$this->assertSame( 2, $this->calls );
	}

	/**
	 * When the origin fails, a stored value within stale-if-error is served; beyond it, the error.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_stale_if_error_window( Closure $make_store ): void {
		$endpoint = $this->endpoint( $make_store() );
		$policy   = CachePolicy::public( 60, 0, 300 );
		$error    = new WP_Error( 'switchboard_upstream_unavailable', 'Down.', array( 'status' => 503 ) );
		$endpoint->fetch( $this->key(), $policy, $this->origin( array( 'n' => 1 ) ) );

		$this->now += 359;

		$stale = $endpoint->fetch( $this->key(), $policy, $this->origin( $error ) );

		$this->now += 1;

		$failed = $endpoint->fetch( $this->key(), $policy, $this->origin( $error ) );

		$this->assertSame( CacheResult::STALE_IF_ERROR, $stale->status );
		$this->assertSame( array( 'n' => 1 ), $stale->value );
		$this->assertSame( 359, $stale->age );
		$this->assertSame( 'STALE', $stale->headers()['X-Switchboard-Cache'] );
		$this->assertSame( '359', $stale->headers()['Age'] );
		$this->assertSame( $error, $failed->value );
		$this->assertSame( 3, $this->calls );
	}

	/**
	 * A private policy calls the origin every time and stores nothing.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_private_policy_never_stores( Closure $make_store ): void {
		$store    = $make_store();
		$endpoint = $this->endpoint( $store );

		$first  = $endpoint->fetch( $this->key(), CachePolicy::private(), $this->origin( array( 'me' => 1 ) ) );
		$second = $endpoint->fetch( $this->key(), CachePolicy::private(), $this->origin( array( 'me' => 1 ) ) );

		$this->assertSame( CacheResult::MISS, $second->status );
		$this->assertSame( array( 'me' => 1 ), $first->value );
		$this->assertSame(
			array(
				'Cache-Control'       => 'private, no-store',
				'X-Switchboard-Cache' => 'MISS',
			),
			$first->headers()
		);
		$this->assertSame( 2, $this->calls );
		$this->assertNull( $store->get( $this->key()->storage_key() ) );
		$this->assertSame( 0, $this->stored_rows() );
	}

	/**
	 * A waiter whose leader holds the lock too long stops waiting and calls the origin itself.
	 *
	 * @dataProvider stores
	 *
	 * @param Closure():CacheStore $make_store Builds the store.
	 */
	public function test_waiter_calls_the_origin_when_the_wait_runs_out( Closure $make_store ): void {
		$store = $make_store();
		$this->assertTrue( $store->lock( $this->key()->storage_key(), 10 ) );
		$endpoint = new CachedEndpoint( $store, 0.2, fn(): int => $this->now );

		$started = microtime( true );
		$result  = $endpoint->fetch( $this->key(), CachePolicy::public( 60 ), $this->origin( array( 'n' => 1 ) ) );
		$elapsed = microtime( true ) - $started;

		$this->assertSame( CacheResult::MISS, $result->status );
		$this->assertSame( 1, $this->calls );
		$this->assertGreaterThanOrEqual( 0.2, $elapsed );
		$this->assertLessThan( 1.0, $elapsed );
		$this->assertFalse( $store->lock( $this->key()->storage_key(), 10 ), 'The other request\'s lock is left alone.' );
		$store->unlock( $this->key()->storage_key() );
	}

	/**
	 * A lock whose holder died is broken once it is older than its lifetime.
	 */
	public function test_transient_store_breaks_an_abandoned_lock(): void {
		$store = new TransientStore( fn(): int => $this->now );

		$this->assertTrue( $store->lock( 'k', 5 ) );
		$this->assertFalse( $store->lock( 'k', 5 ) );
		$this->now += 5;
		$this->assertTrue( $store->lock( 'k', 5 ) );
		$store->unlock( 'k' );
		$this->assertTrue( $store->lock( 'k', 5 ) );
		$store->unlock( 'k' );
	}

	/**
	 * Without a persistent object cache, the site's store is transients.
	 */
	public function test_default_store_without_object_cache_is_transients(): void {
		$this->assertFalse( (bool) wp_using_ext_object_cache() );
		$this->assertInstanceOf( TransientStore::class, CachedEndpoint::default_store() );
	}

	/**
	 * Both stores.
	 *
	 * @return array<string, array{Closure():CacheStore}>
	 */
	public static function stores(): array {
		return array(
			'transients'   => array( static fn(): CacheStore => new TransientStore() ),
			'object cache' => array( static fn(): CacheStore => new ObjectCacheStore() ),
		);
	}

	/**
	 * An endpoint on the injected clock.
	 *
	 * @param CacheStore $store Store.
	 * @return CachedEndpoint
	 */
	private function endpoint( CacheStore $store ): CachedEndpoint {
		return new CachedEndpoint( $store, 1.0, fn(): int => $this->now );
	}

	/**
	 * The key used throughout.
	 *
	 * @return CacheKey
	 */
	private function key(): CacheKey {
		return CacheKey::for_route( 'feed/items', array( 'page' => 1 ) );
	}

	/**
	 * An origin that counts its calls.
	 *
	 * @param array<mixed>|WP_Error $value What it returns.
	 * @return Closure():(array<mixed>|WP_Error)
	 */
	private function origin( array|WP_Error $value ): Closure {
		return function () use ( $value ): array|WP_Error {
			++$this->calls;
			return $value;
		};
	}

	/**
	 * Rows the cache left in the options table (transients and locks).
	 *
	 * @return int
	 */
	private function stored_rows(): int {
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a test reading the table it checks.
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%swb_v%'" );
	}
}
