<?php
/**
 * A fresh nonce for pages served from a cache.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Switchboard\Module;
use WP_REST_Response;

/**
 * `GET switchboard/v1/session`: the current visitor's `wp_rest` nonce.
 *
 * A page a full-page cache served yesterday holds yesterday's nonce, which visitor writes refuse. The view
 * script asks this route for a current one before writing. The answer is never stored anywhere, and the
 * nonce alone grants nothing: writes also check the origin and their own rate limit.
 */
final class SessionController implements Module {

	/**
	 * Registers the route when the REST API starts.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			ProxyController::NAMESPACE,
			'/session',
			array(
				'methods'             => 'GET',
				'callback'            => array( $this, 'respond' ),
				'permission_callback' => '__return_true',
				'args'                => array(),
			)
		);
	}

	/**
	 * The nonce, with headers that keep every cache from storing it.
	 *
	 * @return WP_REST_Response
	 */
	public function respond(): WP_REST_Response {
		$response = new WP_REST_Response( array( 'nonce' => wp_create_nonce( 'wp_rest' ) ), 200 );
		$response->header( 'Cache-Control', 'private, no-store' );

		return $response;
	}
}
