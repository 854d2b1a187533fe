<?php
/**
 * Fixed latency buckets and the percentiles read from them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Metrics;

/**
 * Latency buckets with fixed upper bounds, so minutes (and processes) merge by adding their counts.
 *
 * Bucket `i` counts durations up to BOUNDS[i] milliseconds (and above the bound before it); the last bucket
 * counts everything above the last bound. The bounds are denser where a gateway answer usually falls and end
 * at the longest timeout a service may have (Service::MAX_TIMEOUT).
 */
final class Histogram {

	/**
	 * Upper bounds of the buckets, in milliseconds; one more bucket holds everything slower.
	 */
	public const BOUNDS = array( 5, 10, 25, 50, 75, 100, 150, 250, 400, 600, 1000, 1500, 2000, 3000 );

	/**
	 * Number of buckets (the bounds plus the overflow bucket).
	 *
	 * @return int
	 */
	public static function size(): int {
		return count( self::BOUNDS ) + 1;
	}

	/**
	 * The bucket a duration falls in.
	 *
	 * @param float $milliseconds Duration; negative or NaN counts as 0.
	 * @return int 0 to size() - 1.
	 */
	public static function bucket_of( float $milliseconds ): int {
		if ( is_nan( $milliseconds ) || $milliseconds < 0 ) {
			$milliseconds = 0.0;
		}
		foreach ( self::BOUNDS as $index => $bound ) {
			if ( $milliseconds <= $bound ) {
				return $index;
			}
		}

		return count( self::BOUNDS );
	}

	/**
	 * Adds bucket counts together.
	 *
	 * @param array<int, int> $total  Counts so far, by bucket.
	 * @param array<int, int> $counts Counts to add, by bucket.
	 * @return list<int>
	 */
	public static function merge( array $total, array $counts ): array {
		$merged = array();
		for ( $i = 0, $size = self::size(); $i < $size; ++$i ) {
			$merged[] = ( $total[ $i ] ?? 0 ) + ( $counts[ $i ] ?? 0 );
		}

		return $merged;
	}

	/**
	 * Estimates a percentile from bucket counts, interpolating linearly inside the bucket it falls in.
	 *
	 * The overflow bucket has no upper bound, so a percentile that falls there is reported as the last bound.
	 *
	 * @param array<int, int> $counts     Count per bucket.
	 * @param float           $percentile Between 0 and 100.
	 * @return float|null Milliseconds, rounded to 0.1; null when there is no sample.
	 */
	public static function percentile( array $counts, float $percentile ): ?float {
		$total = array_sum( array_slice( $counts, 0, self::size(), true ) );
		if ( $total <= 0 ) {
			return null;
		}

		$rank       = max( 0.0, min( 100.0, $percentile ) ) / 100 * $total;
		$cumulative = 0;
		$last       = count( self::BOUNDS );
		for ( $index = 0; $index <= $last; ++$index ) {
			$count = $counts[ $index ] ?? 0;
			if ( $count <= 0 ) {
				continue;
			}
			if ( $cumulative + $count >= $rank ) {
				if ( $index >= $last ) {
					return (float) self::BOUNDS[ $last - 1 ];
				}
				$lower = 0 === $index ? 0.0 : (float) self::BOUNDS[ $index - 1 ];
				$upper = (float) self::BOUNDS[ $index ];
				return round( $lower + ( $upper - $lower ) * ( $rank - $cumulative ) / $count, 1 );
			}
			$cumulative += $count;
		}

		return (float) self::BOUNDS[ $last - 1 ];
	}
}
