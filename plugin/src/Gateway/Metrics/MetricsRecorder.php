<?php
/**
 * Where the gateway reports each answered request.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Metrics;

/**
 * Receives one sample per gateway request, for the health view (latency, error rate, cache hit ratio).
 *
 * Called on the hot path of every proxied request, so implementations must be cheap and must never throw.
 */
interface MetricsRecorder {

	/**
	 * Cache state of a request that did not use the cache at all (private routes, errors before the cache).
	 */
	public const BYPASS = 'bypass';

	/**
	 * Records one answered gateway request.
	 *
	 * @param string $service_id   Service the route belongs to.
	 * @param float  $milliseconds Time the gateway spent answering, in milliseconds.
	 * @param bool   $failed       Whether the visitor got a 5xx from the gateway (or a fallback after a failure).
	 * @param string $cache        One of the CacheResult states (hit, stale, miss, revalidated, stale-if-error)
	 *                             or self::BYPASS.
	 */
	public function record( string $service_id, float $milliseconds, bool $failed, string $cache ): void;
}
