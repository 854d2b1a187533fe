<?php
/**
 * The argument rules every `switchboard/v1` route shares.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Switchboard\Module;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Request;

/**
 * Before any `switchboard/v1` callback, refuses a request that sends a parameter the endpoint does not
 * declare, or any text (names or values, at any depth) that is not valid UTF-8 or holds control characters.
 * WordPress ignores undeclared parameters; this namespace refuses them, so a typo or a probe gets a clear 400
 * instead of a silently different answer. The endpoint's permission check still comes first: a caller who
 * may not use the route gets its 401 or 403.
 *
 * An endpoint that reads its raw body itself (a signed webhook) declares `'switchboard_raw_body' => true`
 * next to its callback: its body is then left alone, but its query string still is not.
 */
final class NamespaceGuard implements Module {

	/**
	 * Registers the check.
	 */
	public function register_hooks(): void {
		add_filter( 'rest_request_before_callbacks', array( $this, 'check' ), 10, 3 );
	}

	/**
	 * `rest_request_before_callbacks`: replaces the response with a 400 for a bad request to this namespace.
	 *
	 * @param mixed           $response Response so far (an error from validation, or null).
	 * @param mixed           $handler  The matched endpoint.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public function check( mixed $response, mixed $handler, WP_REST_Request $request ): mixed {
		if ( $response instanceof WP_Error || $response instanceof WP_HTTP_Response || ! is_array( $handler ) ) {
			return $response;
		}
		if ( ! str_starts_with( $request->get_route(), ProxyController::NAMESPACE_PATH . '/' ) ) {
			return $response;
		}

		$violation = self::violation( $handler, $request );

		return null === $violation ? $response : ( self::refused( $handler, $request ) ?? $violation );
	}

	/**
	 * The 400 for a request that sends undeclared parameters or unclean text, or null when it sends neither.
	 *
	 * @param array<mixed>    $handler Endpoint (its `args`, and `switchboard_raw_body`).
	 * @param WP_REST_Request $request Request.
	 * @return WP_Error|null
	 */
	public static function violation( array $handler, WP_REST_Request $request ): ?WP_Error {
		$declared = is_array( $handler['args'] ?? null ) ? $handler['args'] : array();
		$sent     = $request->get_query_params();
		if ( true !== ( $handler['switchboard_raw_body'] ?? false ) ) {
			// get_json_params() is null when the body is not JSON, whatever the stubs say.
			$sent += $request->get_body_params() + (array) $request->get_json_params();
		}

		// A path parameter sent again in the query or body would override the path (WordPress reads those first).
		$unknown = RequestArguments::undeclared( array_keys( $sent ), array_diff_key( $declared, $request->get_url_params() ) );
		if ( array() !== $unknown ) {
			return RequestArguments::unknown_error( $unknown );
		}
		if ( ! RequestArguments::is_clean( $sent ) ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'The request contains characters that are not allowed.', 'switchboard' ),
				array( 'status' => 400 )
			);
		}

		return null;
	}

	/**
	 * The endpoint's own refusal of the caller, if any: who may not call a route learns that first, not
	 * what is wrong with the request.
	 *
	 * @param array<mixed>    $handler Endpoint.
	 * @param WP_REST_Request $request Request.
	 * @return WP_Error|null
	 */
	private static function refused( array $handler, WP_REST_Request $request ): ?WP_Error {
		$permission = $handler['permission_callback'] ?? null;
		if ( ! is_callable( $permission ) ) {
			return null;
		}
		$allowed = call_user_func( $permission, $request );
		if ( $allowed instanceof WP_Error ) {
			return $allowed;
		}

		return false === $allowed
			? new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to do that.', 'switchboard' ), array( 'status' => rest_authorization_required_code() ) )
			: null;
	}
}
