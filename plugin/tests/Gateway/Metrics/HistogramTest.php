<?php
/**
 * Tests of the fixed latency buckets.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Metrics;

use Switchboard\Gateway\Metrics\Histogram;
use Switchboard\Tests\TestCase;

/**
 * Durations land in the right bucket; merged counts give interpolated percentiles.
 */
final class HistogramTest extends TestCase {

	/**
	 * A duration belongs to the first bucket whose bound it does not exceed; beyond the last bound is overflow.
	 */
	public function test_bucket_of(): void {
		$this->assertSame( 0, Histogram::bucket_of( 0.0 ) );
		$this->assertSame( 0, Histogram::bucket_of( -3.0 ) );
		$this->assertSame( 0, Histogram::bucket_of( NAN ) );
		$this->assertSame( 0, Histogram::bucket_of( 5.0 ) );
		$this->assertSame( 1, Histogram::bucket_of( 5.01 ) );
		$this->assertSame( 5, Histogram::bucket_of( 100.0 ) );
		$this->assertSame( count( Histogram::BOUNDS ) - 1, Histogram::bucket_of( 3000.0 ) );
		$this->assertSame( count( Histogram::BOUNDS ), Histogram::bucket_of( 3000.5 ) );
		$this->assertSame( count( Histogram::BOUNDS ) + 1, Histogram::size() );
	}

	/**
	 * Percentiles interpolate inside their bucket, overflow reports the last bound, no sample gives null.
	 */
	public function test_percentile(): void {
		$this->assertNull( Histogram::percentile( array(), 50 ) );
		$this->assertNull( Histogram::percentile( array_fill( 0, Histogram::size(), 0 ), 95 ) );

		// 100 samples between 50 and 75 ms (bucket 4).
		$counts    = array_fill( 0, Histogram::size(), 0 );
		$counts[4] = 100;
		$this->assertSame( 62.5, Histogram::percentile( $counts, 50 ) );
		$this->assertSame( 73.8, Histogram::percentile( $counts, 95 ) );

		// 90 fast samples (≤ 5 ms) and 10 in 250–400 ms: p50 is fast, p95 is in the slow bucket.
		$counts    = array_fill( 0, Histogram::size(), 0 );
		$counts[0] = 90;
		$counts[8] = 10;
		$this->assertSame( 2.8, Histogram::percentile( $counts, 50 ) );
		$this->assertSame( 325.0, Histogram::percentile( $counts, 95 ) );

		$overflow                          = array_fill( 0, Histogram::size(), 0 );
		$overflow[ Histogram::size() - 1 ] = 3;
		$this->assertSame( 3000.0, Histogram::percentile( $overflow, 50 ) );
	}

	/**
	 * Merging adds counts bucket by bucket, filling missing buckets with zeros.
	 */
	public function test_merge(): void {
		$merged = Histogram::merge( array( 1, 2 ), array( 0, 3, 4 ) );
		$this->assertCount( Histogram::size(), $merged );
		$this->assertSame( array( 1, 5, 4 ), array_slice( $merged, 0, 3 ) );
		$this->assertSame( 10, array_sum( $merged ) );
	}
}
