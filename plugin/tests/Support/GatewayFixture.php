<?php
/**
 * Builders shared by the tests (and worker scripts) that call the `fault` service on a FaultServer.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\NullRequestSigner;
use Switchboard\Gateway\Route;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Gateway\TraceContext;

/**
 * Declares and registers the `fault` service, and builds its Service and a ServiceClient for it.
 */
final class GatewayFixture {

	/**
	 * The fault service's id.
	 */
	public const SERVICE_ID = 'fault';

	/**
	 * Declares the `fault` service through the `switchboard_services` filter (without setting its URL).
	 */
	public static function declare_fault_service(): void {
		add_filter(
			'switchboard_services',
			static function ( $declarations ) {
				$declarations   = is_array( $declarations ) ? $declarations : array();
				$declarations[] = array(
					'id'    => self::SERVICE_ID,
					'label' => 'Fault',
				);
				return $declarations;
			}
		);
	}

	/**
	 * Declares the `fault` service and stores its URL in the services option.
	 *
	 * @param string $url Base URL.
	 */
	public static function register_fault_service( string $url ): void {
		self::declare_fault_service();
		update_option( ServiceRegistry::OPTION, array( self::SERVICE_ID => $url ) );
	}

	/**
	 * Declares the `fault` service and points it and the given built-in services at one URL.
	 *
	 * @param string       $url Base URL.
	 * @param list<string> $ids Other services to point there, e.g. `search`.
	 */
	public static function point_services_at( string $url, array $ids ): void {
		self::declare_fault_service();
		update_option( ServiceRegistry::OPTION, array_fill_keys( array_merge( $ids, array( self::SERVICE_ID ) ), $url ) );
	}

	/**
	 * The `fault` service at the given URL.
	 *
	 * @param string $url                Base URL.
	 * @param float  $timeout            Total timeout.
	 * @param int    $max_response_bytes Largest response body accepted.
	 * @return Service
	 */
	public static function service( string $url, float $timeout = 2.0, int $max_response_bytes = 65536 ): Service {
		return new Service( self::SERVICE_ID, 'Fault', $url, ServiceRegistry::SOURCE_SETTING, 0.5, $timeout, $max_response_bytes );
	}

	/**
	 * A service client with no signer and no incoming trace.
	 *
	 * @param CircuitBreaker|null $breaker The breaker (a fresh default one if null).
	 * @return ServiceClient
	 */
	public static function client( ?CircuitBreaker $breaker = null ): ServiceClient {
		return new ServiceClient( $breaker ?? new CircuitBreaker(), new ServiceRegistry(), new NullRequestSigner(), new TraceContext( null, null ) );
	}

	/**
	 * Adds routes to the gateway through the `switchboard_routes` filter (before the REST server starts).
	 *
	 * @param Route ...$routes Routes.
	 */
	public static function add_routes( Route ...$routes ): void {
		add_filter(
			'switchboard_routes',
			static function ( $declared ) use ( $routes ) {
				return array_merge( is_array( $declared ) ? $declared : array(), $routes );
			}
		);
	}

	/**
	 * A route on the `fault` service at `/fault/<name>` that forwards `text` and `count` and answers `{ok, echo}`.
	 *
	 * @param string           $name       Path segment and route name.
	 * @param string           $access     Access level.
	 * @param string           $method     HTTP method.
	 * @param CachePolicy|null $cache      Cache policy.
	 * @param Policy|null      $rate_limit Rate limit.
	 * @return Route
	 */
	public static function route( string $name, string $access = Route::ACCESS_PUBLIC, string $method = 'GET', ?CachePolicy $cache = null, ?Policy $rate_limit = null ): Route {
		return new Route(
			self::SERVICE_ID . '/' . $name,
			self::SERVICE_ID,
			'/fault/' . $name,
			$method,
			'/v1/' . $name,
			$access,
			array(
				'text'  => array(
					'type'      => 'string',
					'maxLength' => 100,
					'default'   => 'hello',
				),
				'count' => array(
					'type'    => 'integer',
					'minimum' => 0,
					'maximum' => 10,
					'default' => 1,
				),
			),
			array(
				'type'       => 'object',
				'required'   => array( 'ok' ),
				'properties' => array(
					'ok'   => array( 'type' => 'boolean' ),
					'echo' => array(
						'type'      => 'string',
						'maxLength' => 100,
					),
				),
			),
			$cache,
			$rate_limit
		);
	}
}
