<?php
/**
 * The cache decorator every cacheable route's origin call goes through.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

use Closure;
use Switchboard\Gateway\Service;
use WP_Error;

/**
 * Serves a route's response from the cache per its CachePolicy, calling the origin only when needed.
 *
 * - Fresh entry: served, the origin is not called.
 * - Stale within stale-while-revalidate: served; after the response is sent (fastcgi_finish_request() when
 *   PHP-FPM provides it, so the visitor does not wait), one `shutdown` callback calls the origin again.
 *   A lock makes sure only one request revalidates a key at a time.
 * - Miss (or too stale): single-flight. The request that wins an atomic lock calls the origin and stores the
 *   result; the others poll the store for it for up to `$wait_seconds` (by default the longest total timeout
 *   a service may have), taking the lock themselves if it is released without a result, and call the origin
 *   on their own only when the wait runs out.
 * - Errors are never stored. When the origin fails, an entry within stale-if-error is served instead.
 * - Private policies bypass the store entirely.
 */
final class CachedEndpoint {

	/**
	 * Pause between two looks at the store while another request fetches, in microseconds.
	 */
	private const POLL_MICROSECONDS = 25000;

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Storage keys with a revalidation already queued in this request.
	 *
	 * @var array<string, true>
	 */
	private array $scheduled = array();

	/**
	 * Whether the response has already been handed to the web server.
	 *
	 * @var bool
	 */
	private static bool $response_finished = false;

	/**
	 * Sets the storage and timing.
	 *
	 * @param CacheStore         $store        Storage shared by all requests.
	 * @param float              $wait_seconds Longest wait for another request's origin call.
	 * @param Closure():int|null $clock        Current Unix time; time() when null.
	 */
	public function __construct(
		private readonly CacheStore $store,
		private readonly float $wait_seconds = Service::MAX_TIMEOUT,
		?Closure $clock = null
	) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * The store for this site: the persistent object cache when there is one, transients otherwise.
	 *
	 * @return CacheStore
	 */
	public static function default_store(): CacheStore {
		return wp_using_ext_object_cache() ? new ObjectCacheStore() : new TransientStore();
	}

	/**
	 * Returns the route's response for a key, from the cache or the origin.
	 *
	 * @param CacheKey                           $key    The route and arguments.
	 * @param CachePolicy                        $policy The route's policy.
	 * @param callable():(array<mixed>|WP_Error) $origin Calls the service; returns the decoded response or an error.
	 * @return CacheResult
	 */
	public function fetch( CacheKey $key, CachePolicy $policy, callable $origin ): CacheResult {
		if ( ! $policy->is_storable() ) {
			return new CacheResult( $origin(), CacheResult::MISS, 0, $policy );
		}

		$name  = $key->storage_key();
		$entry = $this->read( $name );
		$age   = null === $entry ? null : $this->age( $entry );
		if ( null !== $entry && null !== $age ) {
			if ( $age < $policy->ttl ) {
				return new CacheResult( $entry['value'], CacheResult::HIT, $age, $policy );
			}
			if ( $age < $policy->ttl + $policy->stale_while_revalidate ) {
				$this->schedule_revalidation( $name, $policy, $origin, $entry['stored_at'] );
				return new CacheResult( $entry['value'], CacheResult::STALE, $age, $policy );
			}
		}

		$fetched = $this->single_flight( $name, $policy, $origin );
		if ( null !== $fetched['age'] && is_array( $fetched['value'] ) ) {
			return new CacheResult( $fetched['value'], CacheResult::HIT, $fetched['age'], $policy );
		}
		if ( ! $fetched['value'] instanceof WP_Error ) {
			return new CacheResult( $fetched['value'], null === $entry ? CacheResult::MISS : CacheResult::REVALIDATED, 0, $policy );
		}
		if ( null !== $entry && null !== $age && $age < $policy->ttl + $policy->stale_if_error ) {
			return new CacheResult( $entry['value'], CacheResult::STALE_IF_ERROR, $age, $policy );
		}

		return new CacheResult( $fetched['value'], CacheResult::MISS, 0, $policy );
	}

	/**
	 * Where entries are kept.
	 *
	 * @return CacheStore
	 */
	public function store(): CacheStore {
		return $this->store;
	}

	/**
	 * The fresh entry stored under a key, without calling anything; for the fast path.
	 *
	 * @param string      $storage_key CacheKey::storage_key().
	 * @param CachePolicy $policy      The route's policy.
	 * @return array{value: array<mixed>, age: int}|null Null when there is no entry or it is no longer fresh.
	 */
	public function fresh( string $storage_key, CachePolicy $policy ): ?array {
		return $policy->is_storable() ? $this->fresh_entry( $storage_key, $policy ) : null;
	}

	/**
	 * Calls the origin once for a burst of identical misses.
	 *
	 * @param string                             $name   Storage key.
	 * @param CachePolicy                        $policy The route's policy.
	 * @param callable():(array<mixed>|WP_Error) $origin The origin.
	 * @return array{value: array<mixed>|WP_Error, age: int|null} The value, and its age when another request fetched it.
	 */
	private function single_flight( string $name, CachePolicy $policy, callable $origin ): array {
		$lock_seconds = (int) ceil( $this->wait_seconds ) + 1;
		$deadline     = microtime( true ) + $this->wait_seconds;

		while ( true ) {
			if ( $this->store->lock( $name, $lock_seconds ) ) {
				try {
					// Another request may have stored a result between our read and our lock.
					$fresh = $this->fresh_entry( $name, $policy );
					if ( null !== $fresh ) {
						return $fresh;
					}

					return array(
						'value' => $this->call_origin( $name, $policy, $origin ),
						'age'   => null,
					);
				} finally {
					$this->store->unlock( $name );
				}
			}

			if ( microtime( true ) >= $deadline ) {
				break;
			}
			usleep( self::POLL_MICROSECONDS );
			$fresh = $this->fresh_entry( $name, $policy );
			if ( null !== $fresh ) {
				return $fresh;
			}
		}

		// The request holding the lock is taking too long: do not make this one wait any longer.
		return array(
			'value' => $this->call_origin( $name, $policy, $origin ),
			'age'   => null,
		);
	}

	/**
	 * Queues one refresh of a stale entry for after the response.
	 *
	 * @param string                             $name      Storage key.
	 * @param CachePolicy                        $policy    The route's policy.
	 * @param callable():(array<mixed>|WP_Error) $origin    The origin.
	 * @param int                                $stored_at When the stale entry was stored.
	 */
	private function schedule_revalidation( string $name, CachePolicy $policy, callable $origin, int $stored_at ): void {
		if ( isset( $this->scheduled[ $name ] ) ) {
			return;
		}
		$this->scheduled[ $name ] = true;

		add_action(
			'shutdown',
			function () use ( $name, $policy, $origin, $stored_at ): void {
				unset( $this->scheduled[ $name ] );
				self::finish_response();
				$this->revalidate( $name, $policy, $origin, $stored_at );
			},
			PHP_INT_MAX
		);
	}

	/**
	 * Refreshes a stale entry, unless another request is already doing it or has done it.
	 *
	 * @param string                             $name      Storage key.
	 * @param CachePolicy                        $policy    The route's policy.
	 * @param callable():(array<mixed>|WP_Error) $origin    The origin.
	 * @param int                                $stored_at When the stale entry was stored.
	 */
	private function revalidate( string $name, CachePolicy $policy, callable $origin, int $stored_at ): void {
		if ( ! $this->store->lock( $name, (int) ceil( $this->wait_seconds ) + 1 ) ) {
			return;
		}
		try {
			$entry = $this->read( $name );
			if ( null === $entry || $entry['stored_at'] <= $stored_at ) {
				$this->call_origin( $name, $policy, $origin );
			}
		} finally {
			$this->store->unlock( $name );
		}
	}

	/**
	 * Calls the origin and stores a successful result; an error is returned, never stored.
	 *
	 * @param string                             $name   Storage key.
	 * @param CachePolicy                        $policy The route's policy.
	 * @param callable():(array<mixed>|WP_Error) $origin The origin.
	 * @return array<mixed>|WP_Error
	 */
	private function call_origin( string $name, CachePolicy $policy, callable $origin ): array|WP_Error {
		$value = $origin();
		if ( is_array( $value ) ) {
			$this->store->set(
				$name,
				array(
					'value'     => $value,
					'stored_at' => $this->now(),
				),
				$policy->retention()
			);
		}

		return $value;
	}

	/**
	 * A stored entry that is still fresh, with its age.
	 *
	 * @param string      $name   Storage key.
	 * @param CachePolicy $policy The route's policy.
	 * @return array{value: array<mixed>, age: int}|null
	 */
	private function fresh_entry( string $name, CachePolicy $policy ): ?array {
		$entry = $this->read( $name );
		if ( null === $entry ) {
			return null;
		}
		$age = $this->age( $entry );

		return $age < $policy->ttl ? array(
			'value' => $entry['value'],
			'age'   => $age,
		) : null;
	}

	/**
	 * Reads an entry and checks its shape.
	 *
	 * @param string $name Storage key.
	 * @return array{value: array<mixed>, stored_at: int}|null
	 */
	private function read( string $name ): ?array {
		$entry = $this->store->get( $name );
		if ( null === $entry || ! is_array( $entry['value'] ?? null ) || ! is_int( $entry['stored_at'] ?? null ) ) {
			return null;
		}

		return array(
			'value'     => $entry['value'],
			'stored_at' => $entry['stored_at'],
		);
	}

	/**
	 * Seconds since an entry was stored.
	 *
	 * @param array{value: array<mixed>, stored_at: int} $entry Entry.
	 * @return int
	 */
	private function age( array $entry ): int {
		return max( 0, $this->now() - $entry['stored_at'] );
	}

	/**
	 * Current time.
	 *
	 * @return int
	 */
	private function now(): int {
		return ( $this->clock )();
	}

	/**
	 * Sends the response to the visitor before slow work, where PHP-FPM allows it (once per request).
	 */
	public static function finish_response(): void {
		if ( self::$response_finished || ! function_exists( 'fastcgi_finish_request' ) ) {
			return;
		}
		self::$response_finished = true;
		fastcgi_finish_request();
	}
}
