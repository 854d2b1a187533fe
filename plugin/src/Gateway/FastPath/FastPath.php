<?php
/**
 * Answers repeated public gateway reads before WordPress has fully loaded.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\FastPath;

use Closure;
use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Cache\CacheStore;
use Switchboard\Gateway\Cache\ObjectCacheStore;
use Switchboard\Gateway\Metrics\MetricsRecorder;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\RateLimit\ClientIp;
use Switchboard\Gateway\RateLimit\RateLimiter;

/**
 * When a request is byte for byte one that WordPress already validated and answered (see Memo), and its
 * answer is fresh in the cache, it is sent from here, after the same per-client rate limit, with the same
 * headers. Everything else (a first request, a stale entry, a refused rate limit, a logged-in visitor, any
 * doubt) falls through to WordPress, which answers as it always does.
 *
 * Two callers: the `advanced-cache.php` drop-in, before WordPress loads its database (object cache only),
 * and EarlyAnswer, once plugins are loaded but before the theme, `init` and the REST server.
 */
final class FastPath {

	/**
	 * Stores the collaborators.
	 *
	 * @param CacheStore      $store   Where the gateway keeps its cache and memos.
	 * @param Closure():int   $version The current cache version (CacheKey::version()).
	 * @param MetricsRecorder $metrics Receives one sample per answered request.
	 * @param string          $stage   Named in Server-Timing: `fast path` or `early`.
	 */
	public function __construct(
		private readonly CacheStore $store,
		private readonly Closure $version,
		private readonly MetricsRecorder $metrics,
		private readonly string $stage
	) {
	}

	/**
	 * For the drop-in: answers the current request from the object cache if it can.
	 *
	 * @return bool Whether a response was sent (the caller then exits).
	 */
	public static function serve_before_wordpress(): bool {
		if ( ! wp_using_ext_object_cache() ) {
			return false;
		}

		return ( new self( new ObjectCacheStore(), Memo::cached_version( ... ), new MetricsStore(), 'fast path' ) )->serve( $_SERVER );
	}

	/**
	 * Answers a request if it can.
	 *
	 * @param array<mixed> $server Server variables.
	 * @return bool Whether a response was sent.
	 */
	public function serve( array $server ): bool {
		$started = microtime( true );
		if ( is_multisite() || null === RateLimiter::secret() ) {
			return false;
		}
		$request = FastPathRequest::from_server( $server );
		$memo    = null === $request ? null : Memo::find( $this->store, $request->key );
		if ( null === $memo || ( $this->version )() !== $memo->version ) {
			return false;
		}
		$fresh = ( new CachedEndpoint( $this->store ) )->fresh( $memo->storage_key, $memo->cache );
		// wp_json_encode() may not be loaded yet; with valid UTF-8 it gives the same bytes as json_encode().
		$body = null === $fresh ? false : json_encode( $fresh['value'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
		if ( null === $fresh || false === $body ) {
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
			'Server-Timing'       => sprintf( 'gateway;dur=%.1f;desc="%s"', $milliseconds, $this->stage ),
		);
		http_response_code( 200 );
		foreach ( $headers as $name => $value ) {
			header( $name . ': ' . $value );
		}
		echo $body; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON from the validated, allow-listed cache entry, sent as application/json.
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request(); // The visitor has the answer; the sample is written after.
		}
		$this->metrics->record( $memo->service_id, $milliseconds, false, CacheResult::HIT );

		return true;
	}
}
