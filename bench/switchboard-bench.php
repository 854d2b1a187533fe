<?php
/**
 * Plugin Name: Switchboard benchmark
 * Description: Linked into the bench site's mu-plugins by `npm run bench` only: a constant REST route (the
 *              ceiling any route that boots WordPress is measured against), no rate limit on the
 *              gateway's search and feed routes (so the limiter does not turn the load into 429s), and a header
 *              saying which object cache answered.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Gateway\RateLimit\Policy;

add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'switchboard-bench/v1',
			'/constant',
			array(
				'methods'             => 'GET',
				'callback'            => static fn(): WP_REST_Response => new WP_REST_Response(
					array(
						'ok'      => true,
						'route'   => 'constant',
						'version' => 1,
					)
				),
				'permission_callback' => '__return_true',
			)
		);
	}
);

/*
 * Every REST answer says which object cache served it, so the bench can check each server's set-up.
 */
add_filter(
	'rest_post_dispatch',
	static function ( $response ) {
		if ( $response instanceof WP_HTTP_Response ) {
			$response->header( 'X-Switchboard-Bench-Object-Cache', wp_using_ext_object_cache() ? 'redis' : 'none' );
		}
		return $response;
	}
);

/*
 * Every bench request comes from 127.0.0.1: the routes the benches load (search, and the feed's public and
 * personal routes, with the events route bench/feed's visitors could use) get a limit wrk cannot reach.
 */
add_filter(
	'switchboard_rate_limit',
	static function ( $policy, $route_id ) {
		$loaded = array( 'search/query', 'feed/items', 'feed/personal', 'feed/events' );
		return in_array( $route_id, $loaded, true ) && class_exists( Policy::class ) ? Policy::per( 10000000, 1 ) : $policy;
	},
	10,
	2
);
