<?php
/**
 * Tests of the per-minute gateway metrics and their hourly summary.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Metrics;

use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Metrics\Histogram;
use Switchboard\Gateway\Metrics\MetricsReader;
use Switchboard\Gateway\Metrics\MetricsRecorder;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\Metrics\MetricsTable;
use Switchboard\Tests\TestCase;

/**
 * Counts land in the right service and minute, on the table and on the object cache alike; the reader
 * sums up the last hour (error rate, cache hit ratio without bypasses, p50 and p95, a per-minute series);
 * old minutes are pruned.
 */
final class MetricsStoreTest extends TestCase {

	/**
	 * The injected clock's time, in seconds (30 s into a minute).
	 *
	 * @var float
	 */
	private float $now = 1800000030.0;

	/**
	 * The test site has no persistent object cache, so the store uses its table, created on demand.
	 */
	public function test_counts_into_the_table(): void {
		$this->assertNotTrue( wp_using_ext_object_cache() );
		$store = $this->store();
		$this->record_sample( $store );

		$this->assertSame( MetricsTable::VERSION, get_option( MetricsTable::VERSION_OPTION ) );
		$this->assert_sample( $store );
	}

	/**
	 * With a persistent object cache the same counts are counters in the cache.
	 */
	public function test_counts_into_the_object_cache(): void {
		$was_external = wp_using_ext_object_cache( true );
		try {
			$store = $this->store();
			$this->record_sample( $store );
			$this->assert_sample( $store );
			$this->assertSame( 10, wp_cache_get( 'search:' . $store->minute() . ':requests', 'switchboard_metrics' ) );
		} finally {
			wp_using_ext_object_cache( (bool) $was_external );
		}
	}

	/**
	 * The reader's hour: totals, rates, percentiles and one series point per minute, oldest first.
	 */
	public function test_reader_sums_up_the_last_hour(): void {
		$store = $this->store();
		$this->record_sample( $store );
		$this->now += 120;
		$store->record( 'search', 300.0, true, MetricsRecorder::BYPASS );
		$this->now += 3600;
		$store->record( 'search', 1.0, false, CacheResult::HIT );
		$this->now -= 3600;

		$hour = ( new MetricsReader( $store ) )->last_hour( 'search' );
		$this->assertSame( 60, $hour['window_minutes'] );
		$this->assertSame( 11, $hour['requests'] );
		$this->assertSame( 3, $hour['failures'] );
		$this->assertSame( 0.2727, $hour['error_rate'] );
		$this->assertSame( 4, $hour['cache_hits'] );
		$this->assertSame( 3, $hour['cache_misses'] );
		$this->assertSame( 0.5714, $hour['cache_hit_ratio'], 'Bypassed requests are left out of the ratio.' );
		$this->assertIsFloat( $hour['p50_ms'] );
		$this->assertLessThanOrEqual( 10.0, $hour['p50_ms'] );
		$this->assertIsFloat( $hour['p95_ms'] );
		$this->assertGreaterThan( 250.0, $hour['p95_ms'] );

		$this->assertCount( 60, $hour['series'] );
		$last = $hour['series'][59];
		$this->assertSame( (int) floor( $this->now / 60 ) * 60, $last['time'] );
		$this->assertSame( 1, $last['requests'] );
		$this->assertSame( 1, $last['failures'] );
		$this->assertSame( 10, $hour['series'][57]['requests'] );
		$this->assertSame( 0, $hour['series'][58]['requests'] );
		$this->assertNull( $hour['series'][58]['p95_ms'] );

		// An hour later only the newest minute is in the window.
		$this->now += 3600;
		$later      = ( new MetricsReader( $store ) )->last_hour( 'search' );
		$this->assertSame( 1, $later['requests'] );
		$this->assertSame( 0.0, $later['error_rate'] );
		$this->assertSame( 1.0, $later['cache_hit_ratio'] );
	}

	/**
	 * A service without requests reads as zeros and nulls, never as a division by zero.
	 */
	public function test_an_idle_service(): void {
		$hour = ( new MetricsReader( $this->store() ) )->last_hour( 'payments' );
		$this->assertSame( 0, $hour['requests'] );
		$this->assertNull( $hour['error_rate'] );
		$this->assertNull( $hour['cache_hit_ratio'] );
		$this->assertNull( $hour['p50_ms'] );
		$this->assertNull( $hour['p95_ms'] );
		$this->assertCount( 60, $hour['series'] );
	}

	/**
	 * The first request of a minute deletes rows past the retention; prune() does the same on demand.
	 */
	public function test_prunes_old_minutes(): void {
		$store = $this->store();
		$store->record( 'search', 10.0, false, CacheResult::MISS );
		$old = $store->minute();

		$this->now += ( MetricsStore::RETENTION_MINUTES + 1 ) * 60;
		$store->record( 'feed', 10.0, false, CacheResult::MISS );
		$this->assertSame( array(), $store->minutes( 'search', $old, $old ), 'The first row of a new minute prunes.' );
		$this->assertCount( 1, $store->minutes( 'feed', $store->minute(), $store->minute() ) );

		$this->now += ( MetricsStore::RETENTION_MINUTES + 1 ) * 60;
		$this->assertSame( 1, $store->prune() );
	}

	/**
	 * Bad input is dropped without an error.
	 */
	public function test_ignores_malformed_service_ids(): void {
		$store = $this->store();
		$store->record( '', 10.0, false, CacheResult::MISS );
		$store->record( str_repeat( 'a', 33 ), 10.0, false, CacheResult::MISS );
		$this->assertSame( 0, $this->row_count() );
	}

	/**
	 * Ten requests to search and one to feed in the current minute.
	 *
	 * @param MetricsStore $store Store.
	 */
	private function record_sample( MetricsStore $store ): void {
		$store->record( 'search', 3.0, false, CacheResult::HIT );
		$store->record( 'search', 4.0, false, CacheResult::HIT );
		$store->record( 'search', 2.0, false, CacheResult::STALE );
		$store->record( 'search', 8.0, false, CacheResult::STALE_IF_ERROR );
		$store->record( 'search', 9.0, false, CacheResult::MISS );
		$store->record( 'search', 40.0, false, CacheResult::REVALIDATED );
		$store->record( 'search', 45.0, false, CacheResult::MISS );
		$store->record( 'search', 1.0, false, MetricsRecorder::BYPASS );
		$store->record( 'search', 2600.0, true, MetricsRecorder::BYPASS );
		$store->record( 'search', 9000.0, true, MetricsRecorder::BYPASS );
		$store->record( 'feed', 12.0, false, CacheResult::MISS );
	}

	/**
	 * The counts of record_sample().
	 *
	 * @param MetricsStore $store Store.
	 */
	private function assert_sample( MetricsStore $store ): void {
		$minute  = $store->minute();
		$minutes = $store->minutes( 'search', $minute - 5, $minute );
		$this->assertSame( array( $minute ), array_keys( $minutes ) );

		$buckets                          = array_fill( 0, Histogram::size(), 0 );
		$buckets[0]                       = 4;
		$buckets[1]                       = 2;
		$buckets[3]                       = 2;
		$buckets[ Histogram::size() - 2 ] = 1;
		$buckets[ Histogram::size() - 1 ] = 1;
		$this->assertSame(
			array(
				'requests'     => 10,
				'failures'     => 2,
				'cache_hits'   => 4,
				'cache_misses' => 3,
				'buckets'      => $buckets,
			),
			$minutes[ $minute ]
		);
		$this->assertSame( 1, $store->minutes( 'feed', $minute, $minute )[ $minute ]['requests'] );
		$this->assertSame( array(), $store->minutes( 'payments', $minute - 5, $minute ) );
	}

	/**
	 * Rows in the metrics table.
	 *
	 * @return int
	 */
	private function row_count(): int {
		$wpdb = $this->wpdb();
		if ( ! MetricsTable::ensure( $wpdb ) ) {
			return -1;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- test inspection; WPCS 2.3 predates %i.
		return (int) $wpdb->get_var( (string) $wpdb->prepare( 'SELECT COUNT(*) FROM %i', MetricsTable::name( $wpdb ) ) );
	}

	/**
	 * A store on the test's clock.
	 *
	 * @return MetricsStore
	 */
	private function store(): MetricsStore {
		return new MetricsStore( fn(): float => $this->now );
	}
}
