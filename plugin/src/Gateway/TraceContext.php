<?php
/**
 * Trace and request ids carried to services.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

/**
 * The W3C trace context and request id of the current incoming request.
 *
 * A valid incoming `traceparent` keeps its trace id and flags, and every outgoing call gets a new parent span
 * id; otherwise a new trace starts. An incoming `X-Request-Id` is reused only if it has a safe shape.
 */
final class TraceContext {

	/**
	 * Accepted request id shape.
	 */
	private const REQUEST_ID_PATTERN = '/^[A-Za-z0-9._:-]{8,128}$/';

	/**
	 * Trace id: 32 lower-case hex digits, not all zero.
	 *
	 * @var string
	 */
	private string $trace_id;

	/**
	 * Trace flags: 2 hex digits.
	 *
	 * @var string
	 */
	private string $flags;

	/**
	 * Request id sent as X-Request-Id.
	 *
	 * @var string
	 */
	private string $request_id;

	/**
	 * Reads the incoming headers.
	 *
	 * @param string|null $traceparent Incoming traceparent header, if any.
	 * @param string|null $request_id  Incoming X-Request-Id header, if any.
	 */
	public function __construct( ?string $traceparent, ?string $request_id ) {
		$this->trace_id = bin2hex( random_bytes( 16 ) );
		$this->flags    = '01';

		$matches = array();
		if ( null !== $traceparent && 1 === preg_match( '/^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/', trim( $traceparent ), $matches ) ) {
			$version      = $matches[1];
			$has_suffix   = isset( $matches[5] );
			$valid_suffix = '00' !== $version || ! $has_suffix;
			if ( 'ff' !== $version && $valid_suffix && ! self::is_zero( $matches[2] ) && ! self::is_zero( $matches[3] ) ) {
				$this->trace_id = $matches[2];
				$this->flags    = $matches[4];
			}
		}

		$this->request_id = ( null !== $request_id && 1 === preg_match( self::REQUEST_ID_PATTERN, $request_id ) )
			? $request_id
			: wp_generate_uuid4();
	}

	/**
	 * Builds the context from the current request's server variables.
	 *
	 * @return self
	 */
	public static function from_globals(): self {
		// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- validated against strict patterns in the constructor.
		$traceparent = isset( $_SERVER['HTTP_TRACEPARENT'] ) && is_string( $_SERVER['HTTP_TRACEPARENT'] ) ? wp_unslash( $_SERVER['HTTP_TRACEPARENT'] ) : null;
		$request_id  = isset( $_SERVER['HTTP_X_REQUEST_ID'] ) && is_string( $_SERVER['HTTP_X_REQUEST_ID'] ) ? wp_unslash( $_SERVER['HTTP_X_REQUEST_ID'] ) : null;
		// phpcs:enable

		return new self( $traceparent, $request_id );
	}

	/**
	 * A traceparent for one outgoing call: this trace, a new span id.
	 *
	 * @return string
	 */
	public function next_traceparent(): string {
		do {
			$span = bin2hex( random_bytes( 8 ) );
		} while ( self::is_zero( $span ) );

		return '00-' . $this->trace_id . '-' . $span . '-' . $this->flags;
	}

	/**
	 * The trace id.
	 *
	 * @return string
	 */
	public function trace_id(): string {
		return $this->trace_id;
	}

	/**
	 * The request id.
	 *
	 * @return string
	 */
	public function request_id(): string {
		return $this->request_id;
	}

	/**
	 * Whether a hex string is all zeros.
	 *
	 * @param string $hex Hex digits.
	 * @return bool
	 */
	private static function is_zero( string $hex ): bool {
		return '' === trim( $hex, '0' );
	}
}
