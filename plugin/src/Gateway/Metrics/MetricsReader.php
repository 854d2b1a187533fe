<?php
/**
 * The last hour of a service's gateway metrics, summed up for the health view.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Metrics;

/**
 * Merges the last WINDOW_MINUTES minutes of MetricsStore into totals, rates and percentiles, plus a series of
 * one point per minute (oldest first, minutes without requests included as zeros) for a small chart.
 */
final class MetricsReader {

	/**
	 * Minutes summed up, the current one included.
	 */
	public const WINDOW_MINUTES = 60;

	/**
	 * Sets the store.
	 *
	 * @param MetricsStore $store Where the minutes are counted.
	 */
	public function __construct( private readonly MetricsStore $store ) {
	}

	/**
	 * The last hour of one service.
	 *
	 * `error_rate` is failures / requests; `cache_hit_ratio` is hits / (hits + misses), requests that
	 * bypassed the cache left out; both are null without a request to divide by, as are the percentiles
	 * (milliseconds) without a sample.
	 *
	 * @param string $service_id Service id.
	 * @return array{window_minutes: int, requests: int, failures: int, error_rate: float|null, cache_hits: int, cache_misses: int, cache_hit_ratio: float|null, p50_ms: float|null, p95_ms: float|null, series: list<array{time: int, requests: int, failures: int, p95_ms: float|null}>}
	 */
	public function last_hour( string $service_id ): array {
		$to      = $this->store->minute();
		$from    = $to - self::WINDOW_MINUTES + 1;
		$minutes = $this->store->minutes( $service_id, $from, $to );

		$requests = 0;
		$failures = 0;
		$hits     = 0;
		$misses   = 0;
		$buckets  = array();
		$series   = array();
		for ( $minute = $from; $minute <= $to; ++$minute ) {
			$counts    = $minutes[ $minute ] ?? null;
			$requests += $counts['requests'] ?? 0;
			$failures += $counts['failures'] ?? 0;
			$hits     += $counts['cache_hits'] ?? 0;
			$misses   += $counts['cache_misses'] ?? 0;
			$buckets   = Histogram::merge( $buckets, $counts['buckets'] ?? array() );
			$series[]  = array(
				'time'     => $minute * 60,
				'requests' => $counts['requests'] ?? 0,
				'failures' => $counts['failures'] ?? 0,
				'p95_ms'   => null === $counts ? null : Histogram::percentile( $counts['buckets'], 95 ),
			);
		}

		return array(
			'window_minutes'  => self::WINDOW_MINUTES,
			'requests'        => $requests,
			'failures'        => $failures,
			'error_rate'      => $requests > 0 ? round( $failures / $requests, 4 ) : null,
			'cache_hits'      => $hits,
			'cache_misses'    => $misses,
			'cache_hit_ratio' => $hits + $misses > 0 ? round( $hits / ( $hits + $misses ), 4 ) : null,
			'p50_ms'          => Histogram::percentile( $buckets, 50 ),
			'p95_ms'          => Histogram::percentile( $buckets, 95 ),
			'series'          => $series,
		);
	}
}
