<?php
/**
 * A rate limit: a bucket size and a refill rate.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\RateLimit;

use InvalidArgumentException;

/**
 * A token bucket's shape: `capacity` tokens at most (the burst), refilled at `refill_per_second`.
 */
final class Policy {

	/**
	 * Checks and stores the limit.
	 *
	 * @param int   $capacity          Tokens the bucket holds when full; at least 1.
	 * @param float $refill_per_second Tokens added per second; above 0.
	 * @throws InvalidArgumentException For a capacity below 1 or a rate that is not positive and finite.
	 */
	public function __construct(
		public readonly int $capacity,
		public readonly float $refill_per_second
	) {
		if ( $capacity < 1 ) {
			throw new InvalidArgumentException( 'A rate limit needs a capacity of at least 1.' );
		}
		if ( ! is_finite( $refill_per_second ) || $refill_per_second <= 0.0 ) {
			throw new InvalidArgumentException( 'A rate limit needs a positive refill rate.' );
		}
	}

	/**
	 * A policy of `$requests` per `$seconds`, all of which may come at once.
	 *
	 * @param int $requests Requests per period.
	 * @param int $seconds  Period in seconds.
	 * @return self
	 * @throws InvalidArgumentException For a period below 1 second.
	 */
	public static function per( int $requests, int $seconds ): self {
		if ( $seconds < 1 ) {
			throw new InvalidArgumentException( 'A rate limit period is at least 1 second.' );
		}

		return new self( $requests, $requests / $seconds );
	}

	/**
	 * Milliseconds between two tokens (GCRA's emission interval), at least 1.
	 *
	 * @return int
	 */
	public function interval_ms(): int {
		return max( 1, (int) round( 1000 / $this->refill_per_second ) );
	}

	/**
	 * Seconds a fixed window lasts: the time an empty bucket takes to refill, at least 1.
	 *
	 * @return int
	 */
	public function window_seconds(): int {
		return max( 1, (int) ceil( $this->capacity / $this->refill_per_second ) );
	}
}
