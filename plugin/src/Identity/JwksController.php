<?php
/**
 * The public JWKS route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use WP_REST_Response;
use WP_REST_Server;

/**
 * Publishes the site's public signing keys at `GET /switchboard/v1/jwks`, for services to verify tokens.
 *
 * Only public members leave: kty, crv, x, kid, use and alg of the current key and of replaced keys still in
 * their grace period. Caches may keep the set for five minutes; services refetch early when they meet an
 * unknown kid, so a rotation does not wait for that.
 */
final class JwksController {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * Route, under the namespace.
	 */
	public const ROUTE = '/jwks';

	/**
	 * Sets the key ring.
	 *
	 * @param KeyRing $keys Site's signing keys.
	 */
	public function __construct( private readonly KeyRing $keys ) {
	}

	/**
	 * Registers the route (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_keys' ),
				// A public read: public keys are meant for anyone who verifies the site's tokens.
				'permission_callback' => '__return_true',
				'args'                => array(),
			)
		);
	}

	/**
	 * The key set.
	 *
	 * @return WP_REST_Response
	 */
	public function get_keys(): WP_REST_Response {
		$keys = array_map(
			static fn ( SigningKey $key ): array => $key->public_jwk(),
			$this->keys->published()
		);

		$response = new WP_REST_Response( array( 'keys' => $keys ), 200 );
		$response->header( 'Cache-Control', 'public, max-age=300' );

		return $response;
	}
}
