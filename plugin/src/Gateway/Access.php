<?php
/**
 * Who may call a gateway route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use WP_Error;
use WP_REST_Request;

/**
 * Permission callbacks per access level, and the rule that keeps public reads working from stale pages.
 *
 * - Public reads: `__return_true`. A page that a full-page cache served days ago carries an expired nonce;
 *   WordPress would answer a logged-in visitor's request with `rest_cookie_invalid_nonce` (403) before the
 *   route runs. For public routes only, such a request is answered as an anonymous one instead.
 * - Visitor writes: a valid `wp_rest` nonce is required even from anonymous visitors (WordPress checks
 *   nonces only for cookie-authenticated users), and a request whose `Origin` is another site is refused.
 *   Pages get a fresh nonce from `GET switchboard/v1/session`.
 * - Editor and admin routes: a capability. Cookie-authenticated requests without a valid nonce reach them
 *   as anonymous (WordPress's rule), so they are refused too.
 */
final class Access {

	/**
	 * Error code of a visitor write without a valid nonce.
	 */
	public const INVALID_NONCE = 'switchboard_invalid_nonce';

	/**
	 * The permission callback for a route.
	 *
	 * @param Route $route Route.
	 * @return callable(WP_REST_Request): (bool|WP_Error)|string
	 */
	public static function permission_callback( Route $route ): callable|string {
		return match ( $route->access ) {
			Route::ACCESS_PUBLIC  => '__return_true',
			Route::ACCESS_VISITOR => array( self::class, 'check_visitor_write' ),
			Route::ACCESS_EDITOR  => array( self::class, 'check_editor' ),
			default               => array( self::class, 'check_admin' ),
		};
	}

	/**
	 * A visitor write: same-site origin and a valid nonce for the current user (0 for anonymous visitors).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public static function check_visitor_write( WP_REST_Request $request ): bool|WP_Error {
		$origin = $request->get_header( 'origin' );
		if ( null !== $origin && ! self::is_same_site( $origin ) ) {
			return new WP_Error( 'switchboard_cross_site', __( 'Requests from other sites are not accepted.', 'switchboard' ), array( 'status' => 403 ) );
		}

		$nonce = $request->get_header( 'x_wp_nonce' ) ?? $request->get_param( '_wpnonce' );
		if ( ! is_string( $nonce ) || false === wp_verify_nonce( $nonce, 'wp_rest' ) ) {
			return new WP_Error( self::INVALID_NONCE, __( 'Your session has expired. Please reload the page and try again.', 'switchboard' ), array( 'status' => 403 ) );
		}

		return true;
	}

	/**
	 * Users who can edit posts.
	 *
	 * @return true|WP_Error
	 */
	public static function check_editor(): bool|WP_Error {
		return current_user_can( 'edit_posts' ) ? true : self::forbidden();
	}

	/**
	 * Administrators.
	 *
	 * @return true|WP_Error
	 */
	public static function check_admin(): bool|WP_Error {
		return current_user_can( 'manage_options' ) ? true : self::forbidden();
	}

	/**
	 * `rest_authentication_errors` filter: answers a stale-nonce request to a public route as anonymous.
	 *
	 * @param mixed       $result       Earlier authentication result.
	 * @param list<Route> $public       The public routes.
	 * @param string|null $rest_route   Requested route, e.g. `/switchboard/v1/search`.
	 * @return mixed
	 */
	public static function tolerate_stale_nonce( mixed $result, array $public, ?string $rest_route ): mixed {
		if ( ! $result instanceof WP_Error || 'rest_cookie_invalid_nonce' !== $result->get_error_code() || null === $rest_route ) {
			return $result;
		}

		$path = '/' . trim( $rest_route, '/' );
		foreach ( $public as $route ) {
			if ( ProxyController::NAMESPACE_PATH . $route->path === $path ) {
				wp_set_current_user( 0 );
				remove_filter( 'rest_send_nocache_headers', '__return_true', 20 );
				return true;
			}
		}

		return $result;
	}

	/**
	 * Whether an Origin header names this site (its home or site URL host and port).
	 *
	 * @param string $origin Origin header.
	 * @return bool
	 */
	private static function is_same_site( string $origin ): bool {
		$key = static function ( string $url ): string {
			$parts = wp_parse_url( $url );
			if ( ! is_array( $parts ) || ! isset( $parts['host'] ) ) {
				return '';
			}
			$scheme = strtolower( $parts['scheme'] ?? 'http' );
			return $scheme . '://' . strtolower( $parts['host'] ) . ':' . ( $parts['port'] ?? ( 'https' === $scheme ? 443 : 80 ) );
		};

		$origin_key = $key( $origin );

		return '' !== $origin_key && in_array( $origin_key, array( $key( home_url() ), $key( site_url() ) ), true );
	}

	/**
	 * 401 for anonymous callers, 403 for signed-in users without the capability.
	 *
	 * @return WP_Error
	 */
	private static function forbidden(): WP_Error {
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to do that.', 'switchboard' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
