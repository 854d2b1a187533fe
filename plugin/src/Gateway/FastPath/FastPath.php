<?php
/**
 * Answers repeated public gateway reads before WordPress loads.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\FastPath;

use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Cache\ObjectCacheStore;
use Switchboard\Gateway\Metrics\MetricsRecorder;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\RateLimit\ClientIp;
use Switchboard\Gateway\RateLimit\RateLimiter;

/**
 * Run by the `advanced-cache.php` drop-in with the persistent object cache started early (as Batcache
 * does): when a request is byte for byte one that WordPress already validated and answered (see Memo), and
 * its answer is fresh in the cache, it is sent from here, after the same per-client rate limit, with the
 * same headers. Everything else (a first request, a stale entry, a refused rate limit, a logged-in visitor,
 * any doubt) falls through to WordPress, which answers as it always does.
 */
final class FastPath {

	/**
	 * Stores where samples go.
	 *
	 * @param MetricsRecorder $metrics Receives one sample per answered request.
	 */
	public function __construct( private readonly MetricsRecorder $metrics ) {
	}

	/**
	 * Answers the current request if it can.
	 *
	 * @return bool Whether a response was sent (the caller then exits).
	 */
	public static function serve_current_request(): bool {
		return ( new self( new MetricsStore() ) )->serve( $_SERVER );
	}

	/**
	 * Answers a request if it can.
	 *
	 * @param array<mixed> $server Server variables.
	 * @return bool Whether a response was sent.
	 */
	public function serve( array $server ): bool {
		$started = microtime( true );
		if ( ! wp_using_ext_object_cache() || is_multisite() ) {
			return false;
		}
		$request = FastPathRequest::from_server( $server );
		$memo    = null === $request ? null : Memo::find( $request->key );
		if ( null === $memo || ! $memo->is_current() ) {
			return false;
		}
		$fresh = ( new CachedEndpoint( new ObjectCacheStore() ) )->fresh( $memo->storage_key, $memo->cache );
		// wp_json_encode() is not loaded yet; with valid UTF-8 it gives the same bytes as json_encode().
		$body = null === $fresh ? false : json_encode( $fresh['value'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
		if ( null === $fresh || false === $body ) {
			return false;
		}

		if ( null === RateLimiter::secret() ) {
			return false;
		}
		$address  = ( new ClientIp( $memo->proxies ) )->resolve( $server );
		$decision = ( new RateLimiter() )->consume( ProxyController::bucket_key( $memo->route_id, $address ), $memo->rate_limit );
		if ( ! $decision->allowed ) {
			return false; // WordPress sends the 429, translated, exactly as without the fast path.
		}

		$milliseconds = ( microtime( true ) - $started ) * 1000;
		$headers      = $memo->headers + $decision->headers() + array(
			'Age'                 => (string) $fresh['age'],
			'X-Switchboard-Cache' => 'HIT',
			'Server-Timing'       => sprintf( 'gateway;dur=%.1f;desc="fast path"', $milliseconds ),
		);
		http_response_code( 200 );
		foreach ( $headers as $name => $value ) {
			header( $name . ': ' . $value );
		}
		echo $body; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON from the validated, allow-listed cache entry, sent as application/json.
		$this->metrics->record( $memo->service_id, $milliseconds, false, CacheResult::HIT );

		return true;
	}
}
