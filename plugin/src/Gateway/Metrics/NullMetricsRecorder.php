<?php
/**
 * A metrics recorder that keeps nothing.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Metrics;

/**
 * Discards every sample; for code paths and tests that do not measure.
 */
final class NullMetricsRecorder implements MetricsRecorder {

	/**
	 * Discards the sample.
	 *
	 * @param string $service_id   Service id.
	 * @param float  $milliseconds Duration.
	 * @param bool   $failed       Whether it failed.
	 * @param string $cache        Cache state.
	 */
	public function record( string $service_id, float $milliseconds, bool $failed, string $cache ): void {
	}
}
