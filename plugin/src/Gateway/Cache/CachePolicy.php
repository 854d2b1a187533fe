<?php
/**
 * How long a route's responses may be cached, and by whom.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

use InvalidArgumentException;

/**
 * A route's cache policy, set where the route is registered.
 *
 * Public responses are stored by the gateway and sent with a `Cache-Control` a CDN can use; private
 * (personalized) ones are never stored and are sent with `private, no-store`.
 */
final class CachePolicy {

	/**
	 * Anyone may be served the same response.
	 */
	public const PUBLIC = 'public';

	/**
	 * The response depends on who asks: never stored.
	 */
	public const PRIVATE = 'private';

	/**
	 * Builds a policy; prefer the named constructors.
	 *
	 * @param int    $ttl                    Seconds a response is fresh.
	 * @param int    $stale_while_revalidate Seconds after that it may be served while it is refreshed.
	 * @param int    $stale_if_error         Seconds after the TTL it may be served when the origin fails.
	 * @param string $visibility             PUBLIC or PRIVATE.
	 * @throws InvalidArgumentException For negative durations, a public policy without a TTL, or an unknown visibility.
	 */
	public function __construct(
		public readonly int $ttl,
		public readonly int $stale_while_revalidate,
		public readonly int $stale_if_error,
		public readonly string $visibility
	) {
		if ( ! in_array( $visibility, array( self::PUBLIC, self::PRIVATE ), true ) ) {
			throw new InvalidArgumentException( 'The visibility must be public or private.' );
		}
		if ( $ttl < 0 || $stale_while_revalidate < 0 || $stale_if_error < 0 ) {
			throw new InvalidArgumentException( 'Cache durations cannot be negative.' );
		}
		if ( self::PUBLIC === $visibility && $ttl < 1 ) {
			throw new InvalidArgumentException( 'A public cache policy needs a TTL of at least one second.' );
		}
	}

	/**
	 * A policy for responses anyone may be served.
	 *
	 * @param int $ttl                    Seconds a response is fresh.
	 * @param int $stale_while_revalidate Seconds after that it may be served while it is refreshed.
	 * @param int $stale_if_error         Seconds after the TTL it may be served when the origin fails.
	 * @return self
	 */
	public static function public( int $ttl, int $stale_while_revalidate = 0, int $stale_if_error = 0 ): self {
		return new self( $ttl, $stale_while_revalidate, $stale_if_error, self::PUBLIC );
	}

	/**
	 * A policy for personalized responses: never stored by the gateway, a browser or a CDN.
	 *
	 * @return self
	 */
	public static function private(): self {
		return new self( 0, 0, 0, self::PRIVATE );
	}

	/**
	 * Whether responses under this policy may be stored.
	 *
	 * @return bool
	 */
	public function is_storable(): bool {
		return self::PUBLIC === $this->visibility;
	}

	/**
	 * Seconds an entry must be kept: fresh time plus the longer of the two stale windows.
	 *
	 * @return int
	 */
	public function retention(): int {
		return $this->ttl + max( $this->stale_while_revalidate, $this->stale_if_error );
	}

	/**
	 * The `Cache-Control` value for a successful response under this policy.
	 *
	 * @return string
	 */
	public function cache_control_header(): string {
		if ( ! $this->is_storable() ) {
			return 'private, no-store';
		}

		return sprintf(
			'public, max-age=%d, stale-while-revalidate=%d, stale-if-error=%d',
			$this->ttl,
			$this->stale_while_revalidate,
			$this->stale_if_error
		);
	}
}
