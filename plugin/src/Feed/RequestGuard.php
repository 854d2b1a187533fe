<?php
/**
 * Checks on the feed's visitor routes that their argument schemas cannot express.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use Switchboard\Gateway\ProxyController;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Request;

/**
 * - Events: a body over 16 KB is refused (400) before WordPress parses it.
 * - Personal feed and events: refused (403 `switchboard_feed_no_consent`) when the server knows the visitor
 *   has not consented (WP Consent API mode, `wp_has_consent()` false). In prompt mode only the browser
 *   knows, and it sends nothing without consent. Forgetting is never refused: withdrawing needs no consent.
 */
final class RequestGuard {

	/**
	 * Largest events body, in bytes.
	 */
	public const MAX_EVENTS_BODY = 16384;

	/**
	 * Routes that need consent.
	 */
	private const CONSENTED = array( '/feed/personal', '/feed/events' );

	/**
	 * `rest_pre_dispatch`: refuses an oversized events body.
	 *
	 * @param mixed           $result  Earlier result.
	 * @param mixed           $server  REST server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed
	 */
	public static function limit_body( mixed $result, mixed $server, WP_REST_Request $request ): mixed {
		if ( null !== $result || ProxyController::NAMESPACE_PATH . '/feed/events' !== untrailingslashit( $request->get_route() ) ) {
			return $result;
		}
		if ( strlen( (string) $request->get_body() ) > self::MAX_EVENTS_BODY ) {
			// A 400 like every other malformed request to the namespace, with the same stable code.
			return new WP_Error(
				'rest_invalid_param',
				__( 'Too many events at once: the request body is over 16 KB.', 'switchboard' ),
				array( 'status' => 400 )
			);
		}

		return $result;
	}

	/**
	 * `rest_request_before_callbacks` (after the namespace's own checks): refuses a visitor who has not
	 * consented, when the server can know it.
	 *
	 * @param mixed           $response Response so far (an error from validation, or null).
	 * @param mixed           $handler  The matched endpoint.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public static function check_consent( mixed $response, mixed $handler, WP_REST_Request $request ): mixed {
		if ( $response instanceof WP_Error || $response instanceof WP_HTTP_Response ) {
			return $response;
		}
		$route = untrailingslashit( $request->get_route() );
		$paths = array_map( static fn( string $path ): string => ProxyController::NAMESPACE_PATH . $path, self::CONSENTED );
		if ( ! in_array( $route, $paths, true ) || false !== Consent::allows_server_check() ) {
			return $response;
		}

		return new WP_Error(
			'switchboard_feed_no_consent',
			__( 'Personalization needs your consent.', 'switchboard' ),
			array( 'status' => 403 )
		);
	}
}
