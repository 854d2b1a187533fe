<?php
/**
 * The one HTTP client the gateway uses to call services.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Closure;
use CurlHandle;
use WP_Error;

/**
 * Calls a registered service over the WordPress HTTP API and turns anything but the expected JSON into a
 * WP_Error with a stable code and an HTTP status (502, 503 or 504; a service's 4xx is passed on sanitized).
 *
 * Only services of the registry, at their registered URL, are called. Every call has a connect timeout and
 * a total time budget (retries included), follows no redirect, caps the response size, refuses unsafe URLs
 * except the service's own host and port, carries `traceparent` and `X-Request-Id`, and goes through the
 * service's circuit breaker. Only GET and HEAD are retried, at most
 * twice, with jittered exponential backoff that never outlasts the budget. Errors carry only
 * `array( 'status' => int, 'service' => id )` as data: nothing from the upstream's body or headers.
 */
final class ServiceClient {

	/**
	 * Methods a route may use.
	 */
	private const METHODS = array( 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE' );

	/**
	 * Methods safe to retry.
	 */
	private const IDEMPOTENT = array( 'GET', 'HEAD' );

	/**
	 * Retries after the first attempt, at most.
	 */
	private const MAX_RETRIES = 2;

	/**
	 * Shortest time, in seconds, worth starting another attempt with.
	 */
	private const MIN_ATTEMPT_SECONDS = 0.1;

	/**
	 * Upstream 4xx statuses passed on as they are; any other 4xx becomes a 502.
	 */
	private const PASSED_STATUSES = array( 400, 404, 409, 410, 422, 429 );

	/**
	 * Upstream statuses worth a retry.
	 */
	private const RETRYABLE_STATUSES = array( 502, 503, 504 );

	/**
	 * Request headers the caller may not set.
	 */
	private const RESERVED_HEADERS = array( 'host', 'content-length', 'transfer-encoding', 'connection', 'accept', 'content-type', 'traceparent', 'tracestate', 'x-request-id' );

	/**
	 * Trace context of the current request, built on first use.
	 *
	 * @var TraceContext|null
	 */
	private ?TraceContext $trace;

	/**
	 * Waits between retries.
	 *
	 * @var Closure(int): void
	 */
	private Closure $sleep;

	/**
	 * Stores the collaborators.
	 *
	 * @param CircuitBreaker         $breaker  Circuit breaker shared by all calls.
	 * @param ServiceRegistry        $registry The only services (and so hosts) that may be called.
	 * @param RequestSigner          $signer   Adds credentials to each request.
	 * @param TraceContext|null      $trace   Trace context; read from the current request when null.
	 * @param Closure(int):void|null $sleep   Waits a number of microseconds; usleep() when null.
	 */
	public function __construct(
		private readonly CircuitBreaker $breaker,
		private readonly ServiceRegistry $registry,
		private readonly RequestSigner $signer = new NullRequestSigner(),
		?TraceContext $trace = null,
		?Closure $sleep = null
	) {
		$this->trace = $trace;
		$this->sleep = $sleep ?? static function ( int $microseconds ): void {
			usleep( $microseconds );
		};
	}

	/**
	 * Calls a service and returns its decoded JSON.
	 *
	 * @param Service                            $service Registered service.
	 * @param string                             $method  HTTP method.
	 * @param string                             $path    Fixed path declared by the route, e.g. `/v1/search`.
	 * @param array<string, scalar|array<mixed>> $query   Query arguments (already validated by the route).
	 * @param array<mixed>|null                  $body    JSON body, or null for none.
	 * @param array<string, string>              $headers Extra request headers.
	 * @return array<mixed>|WP_Error
	 */
	public function request( Service $service, string $method, string $path, array $query = array(), ?array $body = null, array $headers = array() ): array|WP_Error {
		$method = strtoupper( $method );
		if ( ! in_array( $method, self::METHODS, true ) ) {
			return self::error( 'switchboard_gateway_invalid_method', __( 'The gateway cannot use this HTTP method.', 'switchboard' ), 500, $service );
		}
		if ( ! self::is_safe_path( $path ) ) {
			return self::error( 'switchboard_gateway_invalid_path', __( 'The gateway refused an unsafe service path.', 'switchboard' ), 500, $service );
		}
		$registered = $this->registry->get( $service->id );
		if ( null === $registered || $registered->base_url !== $service->base_url ) {
			return self::error( 'switchboard_gateway_unknown_service', __( 'The gateway refused a service that is not registered.', 'switchboard' ), 500, $service );
		}
		if ( ! $service->is_configured() ) {
			return self::error( 'switchboard_service_not_configured', __( 'This service is not configured.', 'switchboard' ), 503, $service );
		}

		$encoded = null;
		if ( null !== $body ) {
			$encoded = wp_json_encode( $body );
			if ( false === $encoded ) {
				return self::error( 'switchboard_gateway_invalid_body', __( 'The gateway could not encode the request.', 'switchboard' ), 500, $service );
			}
		}

		$url = $service->base_url . $path;
		if ( array() !== $query ) {
			$url .= '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
		}

		if ( CircuitBreaker::OPEN === $this->breaker->acquire( $service ) ) {
			return self::error( 'switchboard_circuit_open', __( 'The service is temporarily unavailable.', 'switchboard' ), 503, $service );
		}

		$deadline   = microtime( true ) + $service->timeout;
		$idempotent = in_array( $method, self::IDEMPOTENT, true );
		$out        = $this->headers( $service, $headers, null !== $encoded );
		$attempt    = 0;
		while ( true ) {
			$out['traceparent'] = $this->trace()->next_traceparent();
			$outcome            = $this->attempt( $service, $method, $url, $out, $encoded, $deadline - microtime( true ) );
			if ( ! $outcome['retry'] || ! $idempotent || $attempt >= self::MAX_RETRIES ) {
				break;
			}
			$delay = (int) ( wp_rand( 50000, 150000 ) * ( 2 ** $attempt ) );
			if ( microtime( true ) + $delay / 1e6 + self::MIN_ATTEMPT_SECONDS > $deadline ) {
				break;
			}
			( $this->sleep )( $delay );
			++$attempt;
		}

		$result = $outcome['result'];
		if ( $result instanceof WP_Error && self::status_of( $result ) >= 502 ) {
			$this->breaker->record_failure( $service, (string) $result->get_error_code(), $result->get_error_message() );
		} else {
			$this->breaker->record_success( $service );
		}

		return $result;
	}

	/**
	 * Whether a path is a plain relative path: `/`, or `/`-separated segments of unreserved characters, none
	 * of them `.` or `..`; no scheme, host, `//`, query, fragment, percent-escape or backslash. A `:` may
	 * follow a segment's first character (the feed's profile keys, `/v1/profiles/u:12`): after the base
	 * URL and a `/` it can name neither a scheme nor a port.
	 *
	 * @param string $path Path.
	 * @return bool
	 */
	public static function is_safe_path( string $path ): bool {
		if ( '/' === $path ) {
			return true;
		}
		if ( strlen( $path ) > 512 || 1 !== preg_match( '#^(?:/[A-Za-z0-9._~-][A-Za-z0-9._~:-]*)+/?$#D', $path ) ) {
			return false;
		}
		foreach ( explode( '/', trim( $path, '/' ) ) as $segment ) {
			if ( '.' === $segment || '..' === $segment ) {
				return false;
			}
		}

		return true;
	}

	/**
	 * Makes one HTTP attempt.
	 *
	 * @param Service               $service   Service.
	 * @param string                $method    HTTP method.
	 * @param string                $url       Full URL.
	 * @param array<string, string> $headers   Request headers.
	 * @param string|null           $body      Encoded body.
	 * @param float                 $remaining Seconds left in the budget.
	 * @return array{result: array<mixed>|WP_Error, retry: bool}
	 */
	private function attempt( Service $service, string $method, string $url, array $headers, ?string $body, float $remaining ): array {
		$remaining = max( Service::MIN_TIMEOUT, $remaining );
		$host      = $service->host();
		$port      = $service->port();
		$max_bytes = $service->max_response_bytes;
		$too_large = false;

		$allow_host = static function ( $external, $checked_host ) use ( $host ) {
			return ( is_string( $checked_host ) && strtolower( trim( $checked_host, '.' ) ) === $host ) ? true : $external;
		};
		$allow_port = static function ( $ports, $checked_host ) use ( $host, $port ) {
			if ( is_array( $ports ) && is_string( $checked_host ) && strtolower( $checked_host ) === $host ) {
				$ports[] = $port;
			}
			return $ports;
		};
		$tune_curl  = static function ( $handle, $args, $hook_url ) use ( $url, $service, $remaining, $max_bytes, &$too_large ): void {
			if ( $hook_url !== $url || ! $handle instanceof CurlHandle ) {
				return;
			}
			// phpcs:disable WordPress.WP.AlternativeFunctions.curl_curl_setopt -- tuning the handle WordPress built is what http_api_curl is for.
			// Requests rounds timeouts up to a second (for alarm()-based DNS); without signals the budget holds.
			curl_setopt( $handle, CURLOPT_NOSIGNAL, true );
			curl_setopt( $handle, CURLOPT_TIMEOUT_MS, (int) ceil( $remaining * 1000 ) );
			curl_setopt( $handle, CURLOPT_CONNECTTIMEOUT_MS, (int) ceil( min( $service->connect_timeout, $remaining ) * 1000 ) );
			curl_setopt( $handle, CURLOPT_MAXFILESIZE, $max_bytes - 1 );
			curl_setopt( $handle, CURLOPT_NOPROGRESS, false );
			curl_setopt(
				$handle,
				CURLOPT_XFERINFOFUNCTION,
				static function ( $curl, $download_total, $downloaded ) use ( $max_bytes, &$too_large ): int {
					if ( $downloaded >= $max_bytes || $download_total >= $max_bytes ) {
						$too_large = true;
						return 1;
					}
					return 0;
				}
			);
			// phpcs:enable
		};

		add_filter( 'http_request_host_is_external', $allow_host, PHP_INT_MAX, 2 );
		add_filter( 'http_allowed_safe_ports', $allow_port, PHP_INT_MAX, 2 );
		add_action( 'http_api_curl', $tune_curl, PHP_INT_MAX, 3 );
		try {
			$args = array(
				'method'              => $method,
				'timeout'             => $remaining,
				'redirection'         => 0,
				'reject_unsafe_urls'  => true,
				'limit_response_size' => $max_bytes,
				'headers'             => $headers,
			);
			if ( null !== $body ) {
				$args['body'] = $body;
			}
			$response = wp_remote_request( $url, $args );
		} finally {
			remove_filter( 'http_request_host_is_external', $allow_host, PHP_INT_MAX );
			remove_filter( 'http_allowed_safe_ports', $allow_port, PHP_INT_MAX );
			remove_action( 'http_api_curl', $tune_curl, PHP_INT_MAX );
		}

		if ( is_wp_error( $response ) ) {
			$message = $response->get_error_message();
			if ( $too_large || str_contains( $message, 'cURL error 63' ) ) {
				return self::outcome( self::too_large( $service ), false );
			}
			if ( str_contains( $message, 'cURL error 28' ) || false !== stripos( $message, 'timed out' ) ) {
				return self::outcome( self::error( 'switchboard_upstream_timeout', __( 'The service did not answer in time.', 'switchboard' ), 504, $service ), true );
			}
			return self::outcome( self::error( 'switchboard_upstream_unavailable', __( 'The service could not be reached.', 'switchboard' ), 503, $service ), true );
		}

		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( $status >= 300 && $status < 400 ) {
			return self::outcome( self::error( 'switchboard_upstream_redirect', __( 'The service answered with a redirect, which the gateway does not follow.', 'switchboard' ), 502, $service ), false );
		}
		if ( $status < 200 || $status >= 500 ) {
			return self::outcome( self::error( 'switchboard_upstream_error', __( 'The service failed to answer the request.', 'switchboard' ), 502, $service ), in_array( $status, self::RETRYABLE_STATUSES, true ) );
		}

		$raw = wp_remote_retrieve_body( $response );
		if ( strlen( $raw ) >= $max_bytes ) {
			return self::outcome( self::too_large( $service ), false );
		}

		$is_json = self::is_json( $response );
		if ( $status >= 400 ) {
			return self::outcome( self::client_error( $service, $status, $is_json ? json_decode( $raw, true, 8 ) : null ), false );
		}
		if ( ! $is_json ) {
			return self::outcome( self::error( 'switchboard_upstream_bad_content_type', __( 'The service did not answer with JSON.', 'switchboard' ), 502, $service ), false );
		}
		if ( 'HEAD' === $method ) {
			return self::outcome( array(), false );
		}

		$decoded = json_decode( $raw, true, 512 );
		if ( ! is_array( $decoded ) ) {
			return self::outcome( self::error( 'switchboard_upstream_bad_json', __( 'The service answered with malformed JSON.', 'switchboard' ), 502, $service ), false );
		}

		return self::outcome( $decoded, false );
	}

	/**
	 * The headers of every attempt, except traceparent which is new per attempt.
	 *
	 * @param Service               $service  Service.
	 * @param array<string, string> $extra    Caller's headers.
	 * @param bool                  $has_body Whether a JSON body is sent.
	 * @return array<string, string>
	 */
	private function headers( Service $service, array $extra, bool $has_body ): array {
		$headers = array();
		foreach ( array( $extra, $this->signer->headers_for( $service ) ) as $source ) {
			foreach ( $source as $name => $value ) {
				if ( self::is_header( (string) $name, $value ) && ! in_array( strtolower( (string) $name ), self::RESERVED_HEADERS, true ) ) {
					$headers[ (string) $name ] = $value;
				}
			}
		}

		$headers['Accept']       = 'application/json';
		$headers['X-Request-Id'] = $this->trace()->request_id();
		if ( $has_body ) {
			$headers['Content-Type'] = 'application/json';
		}

		return $headers;
	}

	/**
	 * The trace context, read from the current request on first use.
	 *
	 * @return TraceContext
	 */
	private function trace(): TraceContext {
		$this->trace ??= TraceContext::from_globals();

		return $this->trace;
	}

	/**
	 * Whether a header name and value are safe to send.
	 *
	 * @param string $name  Header name.
	 * @param string $value Header value.
	 * @return bool
	 */
	private static function is_header( string $name, string $value ): bool {
		return 1 === preg_match( '/^[A-Za-z0-9-]{1,64}$/D', $name )
			&& strlen( $value ) <= 8192
			&& 1 !== preg_match( '/[\x00-\x1f\x7f]/', $value );
	}

	/**
	 * Whether a response declares a JSON body.
	 *
	 * @param array<mixed> $response WordPress HTTP response.
	 * @return bool
	 */
	private static function is_json( array $response ): bool {
		$type = wp_remote_retrieve_header( $response, 'content-type' );
		if ( is_array( $type ) ) {
			$last = end( $type );
			$type = is_string( $last ) ? $last : '';
		}

		return 'application/json' === strtolower( trim( explode( ';', $type )[0] ) );
	}

	/**
	 * A service's 4xx, passed on with only its own short, plain `code` and `message`.
	 *
	 * @param Service $service Service.
	 * @param int     $status  Upstream status.
	 * @param mixed   $body    Decoded JSON body, if any.
	 * @return WP_Error
	 */
	private static function client_error( Service $service, int $status, mixed $body ): WP_Error {
		if ( ! in_array( $status, self::PASSED_STATUSES, true ) ) {
			return self::error( 'switchboard_upstream_rejected', __( 'The service refused the gateway\'s request.', 'switchboard' ), 502, $service );
		}

		$code    = 'switchboard_upstream_client_error';
		$message = __( 'The service could not process the request.', 'switchboard' );
		if ( is_array( $body ) ) {
			if ( is_string( $body['code'] ?? null ) && 1 === preg_match( '/^[a-z][a-z0-9_]{0,47}$/D', $body['code'] ) ) {
				$code = $body['code'];
			}
			$text = $body['message'] ?? null;
			if ( is_string( $text ) && '' !== trim( $text ) && strlen( $text ) <= 200 && wp_check_invalid_utf8( $text ) === $text
				&& 1 !== preg_match( '/[\x00-\x1f\x7f<>]/', $text ) ) {
				$message = trim( $text );
			}
		}

		return self::error( $code, $message, $status, $service );
	}

	/**
	 * The error for a body at or over the size cap.
	 *
	 * @param Service $service Service.
	 * @return WP_Error
	 */
	private static function too_large( Service $service ): WP_Error {
		return self::error( 'switchboard_upstream_too_large', __( 'The service answered with too much data.', 'switchboard' ), 502, $service );
	}

	/**
	 * Builds an error in the gateway's shape.
	 *
	 * @param string  $code    Stable code.
	 * @param string  $message Message of the gateway's own.
	 * @param int     $status  HTTP status for the gateway's answer.
	 * @param Service $service Service.
	 * @return WP_Error
	 */
	private static function error( string $code, string $message, int $status, Service $service ): WP_Error {
		return new WP_Error(
			$code,
			$message,
			array(
				'status'  => $status,
				'service' => $service->id,
			)
		);
	}

	/**
	 * The HTTP status carried by an error of this class.
	 *
	 * @param WP_Error $error Error.
	 * @return int
	 */
	private static function status_of( WP_Error $error ): int {
		$data = $error->get_error_data();

		return is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 500;
	}

	/**
	 * Pairs an attempt's result with whether it may be retried.
	 *
	 * @param array<mixed>|WP_Error $result Result.
	 * @param bool                  $retry  Whether the failure is transient.
	 * @return array{result: array<mixed>|WP_Error, retry: bool}
	 */
	private static function outcome( array|WP_Error $result, bool $retry ): array {
		return array(
			'result' => $result,
			'retry'  => $retry,
		);
	}
}
