<?php
/**
 * The answer of a rate limiter.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\RateLimit;

use WP_Error;

/**
 * Whether one request may go through, and what to tell the client about its quota.
 */
final class Decision {

	/**
	 * Stable error code of a refused request.
	 */
	public const ERROR_CODE = 'switchboard_rate_limited';

	/**
	 * Stores the answer.
	 *
	 * @param bool $allowed     Whether the request may go through.
	 * @param int  $limit       The bucket's capacity.
	 * @param int  $remaining   Requests that may still go through right now.
	 * @param int  $retry_after Seconds to wait before retrying; 0 when allowed, at least 1 when refused.
	 * @param int  $reset       Seconds until the full quota is available again.
	 */
	public function __construct(
		public readonly bool $allowed,
		public readonly int $limit,
		public readonly int $remaining,
		public readonly int $retry_after,
		public readonly int $reset
	) {
	}

	/**
	 * The headers to add to the response (WP_REST_Response::header()), in the style of the IETF
	 * RateLimit header fields draft, plus `Retry-After` when the request is refused.
	 *
	 * @return array<string, string>
	 */
	public function headers(): array {
		$headers = array(
			'RateLimit-Limit'     => (string) $this->limit,
			'RateLimit-Remaining' => (string) $this->remaining,
			'RateLimit-Reset'     => (string) $this->reset,
		);
		if ( ! $this->allowed ) {
			$headers['Retry-After'] = (string) $this->retry_after;
		}

		return $headers;
	}

	/**
	 * The 429 error for a refused request; the REST server turns `status` into the response status.
	 *
	 * @return WP_Error
	 */
	public function error(): WP_Error {
		return new WP_Error(
			self::ERROR_CODE,
			__( 'Too many requests. Please try again later.', 'switchboard' ),
			array(
				'status'      => 429,
				'retry_after' => $this->retry_after,
			)
		);
	}
}
