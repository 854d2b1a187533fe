<?php
/**
 * One microservice the gateway may call.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use InvalidArgumentException;

/**
 * An immutable service declaration: who it is, where it lives and how long the gateway waits for it.
 *
 * Timeouts are clamped here so that no declaration, filter or setting can make a visitor's request hang:
 * the total timeout never exceeds MAX_TIMEOUT and the connect timeout never exceeds the total.
 */
final class Service {

	/**
	 * Default seconds to establish a connection.
	 */
	public const DEFAULT_CONNECT_TIMEOUT = 0.5;

	/**
	 * Default seconds for the whole exchange, retries included.
	 */
	public const DEFAULT_TIMEOUT = 2.0;

	/**
	 * Upper bound of any timeout, in seconds.
	 */
	public const MAX_TIMEOUT = 3.0;

	/**
	 * Lower bound of any timeout, in seconds.
	 */
	public const MIN_TIMEOUT = 0.05;

	/**
	 * Default cap on a response body, in bytes.
	 */
	public const DEFAULT_MAX_RESPONSE_BYTES = 1048576;

	/**
	 * Upper bound of the response cap, in bytes.
	 */
	public const MAX_RESPONSE_BYTES = 8388608;

	/**
	 * Shape of a service id.
	 */
	public const ID_PATTERN = '/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/';

	/**
	 * Seconds to establish a connection.
	 *
	 * @var float
	 */
	public readonly float $connect_timeout;

	/**
	 * Seconds for the whole exchange.
	 *
	 * @var float
	 */
	public readonly float $timeout;

	/**
	 * Largest accepted response body, in bytes (a body of this size or more is refused).
	 *
	 * @var int
	 */
	public readonly int $max_response_bytes;

	/**
	 * Builds a service, clamping its limits.
	 *
	 * @param string $id                   Lower-case letters, digits and hyphens.
	 * @param string $label                Human-readable name.
	 * @param string $base_url             Validated base URL without a trailing slash, or '' when not configured.
	 * @param string $url_source           Where the URL came from: one of the ServiceRegistry::SOURCE_* values.
	 * @param float  $connect_timeout      Seconds to establish a connection.
	 * @param float  $timeout              Seconds for the whole exchange.
	 * @param int    $max_response_bytes   Largest accepted response body.
	 * @param bool   $subscribes_to_events Whether the service receives content events.
	 * @throws InvalidArgumentException When the id is malformed.
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $label,
		public readonly string $base_url,
		public readonly string $url_source = ServiceRegistry::SOURCE_NONE,
		float $connect_timeout = self::DEFAULT_CONNECT_TIMEOUT,
		float $timeout = self::DEFAULT_TIMEOUT,
		int $max_response_bytes = self::DEFAULT_MAX_RESPONSE_BYTES,
		public readonly bool $subscribes_to_events = false
	) {
		if ( 1 !== preg_match( self::ID_PATTERN, $id ) ) {
			throw new InvalidArgumentException( 'A service id is 1 to 32 lower-case letters, digits and inner hyphens.' );
		}

		$this->timeout            = self::clamp( $timeout, self::MIN_TIMEOUT, self::MAX_TIMEOUT );
		$this->connect_timeout    = self::clamp( $connect_timeout, self::MIN_TIMEOUT, $this->timeout );
		$this->max_response_bytes = max( 1024, min( self::MAX_RESPONSE_BYTES, $max_response_bytes ) );
	}

	/**
	 * Whether the service has a usable base URL.
	 *
	 * @return bool
	 */
	public function is_configured(): bool {
		return '' !== $this->base_url;
	}

	/**
	 * Host name of the base URL (lower-case), or '' when not configured.
	 *
	 * @return string
	 */
	public function host(): string {
		$host = wp_parse_url( $this->base_url, PHP_URL_HOST );

		return is_string( $host ) ? strtolower( $host ) : '';
	}

	/**
	 * Port of the base URL, explicit or implied by its scheme; 0 when not configured.
	 *
	 * @return int
	 */
	public function port(): int {
		$port = wp_parse_url( $this->base_url, PHP_URL_PORT );
		if ( is_int( $port ) ) {
			return $port;
		}
		if ( ! $this->is_configured() ) {
			return 0;
		}

		return 'https' === wp_parse_url( $this->base_url, PHP_URL_SCHEME ) ? 443 : 80;
	}

	/**
	 * Name of the constant and environment variable that configure this service's URL.
	 *
	 * @param string $id Service id.
	 * @return string E.g. SWITCHBOARD_SEARCH_URL.
	 */
	public static function url_variable( string $id ): string {
		return 'SWITCHBOARD_' . strtoupper( str_replace( '-', '_', $id ) ) . '_URL';
	}

	/**
	 * Keeps a number within bounds; NaN becomes the upper bound.
	 *
	 * @param float $value Number.
	 * @param float $min   Lower bound.
	 * @param float $max   Upper bound.
	 * @return float
	 */
	private static function clamp( float $value, float $min, float $max ): float {
		if ( is_nan( $value ) ) {
			return $max;
		}

		return max( $min, min( $max, $value ) );
	}
}
