<?php
/**
 * What the cache did for one request, and what to send.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Cache;

use WP_Error;

/**
 * The response value (or the origin's error), how it was obtained, its age and the headers to add.
 */
final class CacheResult {

	/**
	 * Served fresh from the cache (stored by this or another request).
	 */
	public const HIT = 'hit';

	/**
	 * Served within stale-while-revalidate; a refresh runs after the response.
	 */
	public const STALE = 'stale';

	/**
	 * Nothing usable was stored; the origin answered.
	 */
	public const MISS = 'miss';

	/**
	 * A stored entry was too old to serve; the origin answered and replaced it.
	 */
	public const REVALIDATED = 'revalidated';

	/**
	 * The origin failed; a stale entry within stale-if-error was served instead.
	 */
	public const STALE_IF_ERROR = 'stale-if-error';

	/**
	 * Builds a result.
	 *
	 * @param array<mixed>|WP_Error $value  The response, or the origin's error.
	 * @param string                $status One of the constants.
	 * @param int                   $age    Seconds since the value was fetched from the origin.
	 * @param CachePolicy           $policy The route's policy.
	 */
	public function __construct(
		public readonly array|WP_Error $value,
		public readonly string $status,
		public readonly int $age,
		private readonly CachePolicy $policy
	) {
	}

	/**
	 * Whether the value is the origin's error.
	 *
	 * @return bool
	 */
	public function is_error(): bool {
		return $this->value instanceof WP_Error;
	}

	/**
	 * Headers to add to the response: Cache-Control per policy (`no-store` for an error), Age and the
	 * `X-Switchboard-Cache: HIT|MISS|STALE` diagnostic.
	 *
	 * @return array<string, string>
	 */
	public function headers(): array {
		if ( $this->is_error() ) {
			return array(
				'Cache-Control'       => 'no-store',
				'X-Switchboard-Cache' => 'MISS',
			);
		}
		if ( ! $this->policy->is_storable() ) {
			return array(
				'Cache-Control'       => $this->policy->cache_control_header(),
				'X-Switchboard-Cache' => 'MISS',
			);
		}

		$diagnostic = match ( $this->status ) {
			self::HIT                         => 'HIT',
			self::STALE, self::STALE_IF_ERROR => 'STALE',
			default                           => 'MISS',
		};

		return array(
			'Cache-Control'       => $this->policy->cache_control_header(),
			'Age'                 => (string) max( 0, $this->age ),
			'X-Switchboard-Cache' => $diagnostic,
		);
	}
}
