<?php
/**
 * The arguments a gateway route accepts, and nothing else.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use WP_Error;
use WP_REST_Request;

/**
 * Turns a route's declared `args` into what register_rest_route() needs, and holds the namespace's rules
 * for undeclared parameters and unclean text (applied by NamespaceGuard to every `switchboard/v1` route).
 *
 * WordPress ignores unknown parameters; the gateway refuses them, so a typo or a probe gets a clear 400
 * instead of a silently different answer, and cache keys can only vary by declared arguments. Every string,
 * at any depth, must be valid UTF-8 without control characters before the schema is even consulted.
 */
final class RequestArguments {

	/**
	 * Parameters WordPress itself or `@wordpress/api-fetch` add to requests, which every route tolerates.
	 */
	private const RESERVED = array( '_locale', '_wpnonce', '_envelope', '_method', '_fields', 'rest_route' );

	/**
	 * The `args` to register for a route: each declared argument with the gateway's validator and
	 * WordPress's schema sanitizer.
	 *
	 * @param Route $route Route.
	 * @return array<string, array<string, mixed>>
	 */
	public static function for_registration( Route $route ): array {
		$args = array();
		foreach ( $route->args as $name => $arg ) {
			$arg['validate_callback'] = array( self::class, 'validate' );
			$arg['sanitize_callback'] = $arg['sanitize_callback'] ?? array( self::class, 'sanitize' );
			$args[ $name ]            = $arg;
		}

		return $args;
	}

	/**
	 * Validates one argument: clean text first, then the schema.
	 *
	 * @param mixed           $value   Value.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return true|WP_Error
	 */
	public static function validate( mixed $value, WP_REST_Request $request, string $param ): bool|WP_Error {
		if ( ! self::is_clean( $value ) ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter name. */
				sprintf( __( '%s contains characters that are not allowed.', 'switchboard' ), $param ),
				array( 'status' => 400 )
			);
		}

		return rest_validate_request_arg( $value, $request, $param );
	}

	/**
	 * Sanitizes one argument by its schema; strings are trimmed and runs of white space made one space, so
	 * `" a  b "` and `"a b"` are the same request (and the same cache key).
	 *
	 * @param mixed           $value   Validated value.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return mixed
	 */
	public static function sanitize( mixed $value, WP_REST_Request $request, string $param ): mixed {
		$value = rest_sanitize_request_arg( $value, $request, $param );

		return is_string( $value ) ? trim( (string) preg_replace( '/\s+/u', ' ', $value ) ) : $value;
	}

	/**
	 * The names among `$sent` that are neither declared nor one WordPress itself adds.
	 *
	 * @param array<int|string> $sent     Parameter names.
	 * @param array<mixed>      $declared The endpoint's `args`, keyed by name.
	 * @return list<string>
	 */
	public static function undeclared( array $sent, array $declared ): array {
		$unknown = array();
		foreach ( array_unique( array_map( 'strval', $sent ) ) as $name ) {
			if ( ! array_key_exists( $name, $declared ) && ! in_array( $name, self::RESERVED, true ) ) {
				$unknown[] = $name;
			}
		}

		return $unknown;
	}

	/**
	 * The 400 for undeclared parameters (names are echoed only when they are short and plain).
	 *
	 * @param list<string> $names Unknown names.
	 * @return WP_Error
	 */
	public static function unknown_error( array $names ): WP_Error {
		$shown = array_values( array_filter( $names, static fn( string $name ): bool => 1 === preg_match( '/^[A-Za-z0-9_-]{1,32}$/D', $name ) ) );

		return new WP_Error(
			'switchboard_unknown_parameter',
			array() === $shown
				? __( 'The request has parameters this route does not accept.', 'switchboard' )
				/* translators: %s: comma-separated parameter names. */
				: sprintf( __( 'This route does not accept: %s.', 'switchboard' ), implode( ', ', array_slice( $shown, 0, 5 ) ) ),
			array( 'status' => 400 )
		);
	}

	/**
	 * The declared arguments with their validated and sanitized values (defaults included).
	 *
	 * @param WP_REST_Request $request Request.
	 * @param Route           $route   Route.
	 * @return array<string, mixed>
	 */
	public static function values( WP_REST_Request $request, Route $route ): array {
		$values = array();
		foreach ( array_keys( $route->args ) as $name ) {
			if ( $request->has_param( $name ) ) {
				$values[ $name ] = $request->get_param( $name );
			}
		}

		return $values;
	}

	/**
	 * Whether every string in a value (keys included) is valid UTF-8 without control characters.
	 *
	 * @param mixed $value Value.
	 * @return bool
	 */
	public static function is_clean( mixed $value ): bool {
		if ( is_string( $value ) ) {
			return mb_check_encoding( $value, 'UTF-8' ) && 1 !== preg_match( '/[\x00-\x1f\x7f]/', $value );
		}
		if ( ! is_array( $value ) ) {
			return true;
		}
		foreach ( $value as $key => $item ) {
			if ( ! self::is_clean( (string) $key ) || ! self::is_clean( $item ) ) {
				return false;
			}
		}

		return true;
	}
}
