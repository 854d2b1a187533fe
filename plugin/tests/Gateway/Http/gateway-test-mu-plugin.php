<?php
/**
 * Plugin Name: Switchboard gateway HTTP test routes
 * Description: Installed by GatewayHttpTest into its own site: points services at the test's fault-injecting
 *              upstream and declares the routes the test drives. Settings come from a JSON file next to it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\Route;

/**
 * The test's settings: `upstream` (base URL), `limit` (requests per hour on `fault/limited`) and
 * `cooldown` (seconds the circuit stays open).
 *
 * @return array{upstream: string, limit: int, cooldown: int}
 */
function switchboard_http_test_settings(): array {
	$settings = json_decode( (string) file_get_contents( __DIR__ . '/switchboard-http-test.json' ), true );
	$settings = is_array( $settings ) ? $settings : array();

	return array(
		'upstream' => is_string( $settings['upstream'] ?? null ) ? $settings['upstream'] : '',
		'limit'    => is_int( $settings['limit'] ?? null ) ? $settings['limit'] : 10,
		'cooldown' => is_int( $settings['cooldown'] ?? null ) ? $settings['cooldown'] : 2,
	);
}

add_filter(
	'switchboard_services',
	static function ( $declarations ) {
		$declarations   = is_array( $declarations ) ? $declarations : array();
		$declarations[] = array(
			'id'    => 'fault',
			'label' => 'Fault',
		);
		$declarations[] = array(
			'id'    => 'flaky',
			'label' => 'Flaky',
		);
		return $declarations;
	}
);

add_filter(
	'pre_option_switchboard_service_urls',
	static function () {
		$upstream = switchboard_http_test_settings()['upstream'];
		// Not `search` or `feed`: they receive content events, which would reach the upstream too.
		return array(
			'fault' => $upstream,
			'flaky' => $upstream,
		);
	}
);

add_filter(
	'switchboard_routes',
	static function ( $routes ) {
		$routes   = is_array( $routes ) ? $routes : array();
		$args     = array(
			'text' => array(
				'type'      => 'string',
				'maxLength' => 100,
				'default'   => 'hello',
			),
		);
		$response = array(
			'type'       => 'object',
			'properties' => array(
				'ok'   => array( 'type' => 'boolean' ),
				'echo' => array( 'type' => 'string' ),
			),
		);
		$routes[] = new Route( 'fault/cached', 'fault', '/fault/cached', 'GET', '/v1/cached', Route::ACCESS_PUBLIC, $args, $response, CachePolicy::public( 300 ) );
		$routes[] = new Route( 'fault/brief', 'fault', '/fault/brief', 'GET', '/v1/brief', Route::ACCESS_PUBLIC, $args, $response, CachePolicy::public( 3, 0, 600 ) );
		$routes[] = new Route( 'fault/plain', 'fault', '/fault/plain', 'GET', '/v1/plain', Route::ACCESS_PUBLIC, $args, $response );
		$routes[] = new Route( 'fault/limited', 'fault', '/fault/limited', 'GET', '/v1/limited', Route::ACCESS_PUBLIC, $args, $response, null, Policy::per( switchboard_http_test_settings()['limit'], 3600 ) );
		$routes[] = new Route( 'fault/limited-cached', 'fault', '/fault/limited-cached', 'GET', '/v1/limited-cached', Route::ACCESS_PUBLIC, $args, $response, CachePolicy::public( 300 ), Policy::per( switchboard_http_test_settings()['limit'], 3600 ) );
		$routes[] = new Route( 'flaky/plain', 'flaky', '/flaky/plain', 'GET', '/v1/plain', Route::ACCESS_PUBLIC, $args, $response );
		return $routes;
	}
);

// Load tests come from one address; only the `fault/limited` routes keep a limit to measure.
add_filter(
	'switchboard_rate_limit',
	static function ( $policy, $route_id ) {
		return is_string( $route_id ) && str_starts_with( $route_id, 'fault/limited' ) ? $policy : Policy::per( 1000000, 1 );
	},
	10,
	2
);

add_filter(
	'switchboard_circuit_breaker',
	static function () {
		return array(
			'threshold' => 3,
			'window'    => 60,
			'cooldown'  => switchboard_http_test_settings()['cooldown'],
		);
	}
);
