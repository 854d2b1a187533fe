<?php
/**
 * `GET switchboard/v1/feed/profiles`.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use Switchboard\Gateway\Access;
use Switchboard\Gateway\ProxyController;
use WP_REST_Response;

/**
 * Answers the preview's "Preview as" picker from WordPress itself (not proxied: it needs no service).
 */
final class SampleProfilesController {

	/**
	 * Registers the route.
	 */
	public static function register_routes(): void {
		register_rest_route(
			ProxyController::NAMESPACE,
			'/feed/profiles',
			array(
				'methods'             => 'GET',
				'callback'            => array( self::class, 'answer' ),
				'permission_callback' => array( Access::class, 'check_editor' ),
				'args'                => array(),
			)
		);
	}

	/**
	 * The sample profiles.
	 *
	 * @return WP_REST_Response
	 */
	public static function answer(): WP_REST_Response {
		$response = new WP_REST_Response( SampleProfiles::all(), 200 );
		$response->header( 'Cache-Control', 'private, no-store' );

		return $response;
	}
}
