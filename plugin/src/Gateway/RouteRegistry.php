<?php
/**
 * The routes the gateway exposes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Switchboard\Gateway\Routes\FeedRoutes;
use Switchboard\Gateway\Routes\PaymentRoutes;
use Switchboard\Gateway\Routes\SearchRoutes;

/**
 * Collects every service's route declarations: the built-in ones and those added with the
 * `switchboard_routes` filter. A route whose service is not registered, or whose id or method and path
 * repeat an earlier route, is dropped (the first wins).
 */
final class RouteRegistry {

	/**
	 * Filter that adds or removes routes.
	 */
	public const FILTER = 'switchboard_routes';

	/**
	 * Stores the service registry.
	 *
	 * @param ServiceRegistry $services Where a route's service must be declared.
	 */
	public function __construct( private readonly ServiceRegistry $services ) {
	}

	/**
	 * Every route, keyed by id.
	 *
	 * @return array<string, Route>
	 */
	public function all(): array {
		/**
		 * Filters the gateway's routes.
		 *
		 * @param list<Route> $routes Route declarations; add `new \Switchboard\Gateway\Route( ... )` entries.
		 */
		$routes = apply_filters( 'switchboard_routes', array_merge( SearchRoutes::routes(), FeedRoutes::routes(), PaymentRoutes::routes() ) );

		$services = $this->services->all();
		$kept     = array();
		$seen     = array();
		foreach ( is_array( $routes ) ? $routes : array() as $route ) {
			if ( ! $route instanceof Route || ! isset( $services[ $route->service ] ) ) {
				continue;
			}
			$endpoint = $route->method . ' ' . $route->path;
			if ( isset( $kept[ $route->id ] ) || isset( $seen[ $endpoint ] ) ) {
				continue;
			}
			$kept[ $route->id ] = $route;
			$seen[ $endpoint ]  = true;
		}

		return $kept;
	}

	/**
	 * The public routes (answered without any credential).
	 *
	 * @return list<Route>
	 */
	public function public_routes(): array {
		return array_values( array_filter( $this->all(), static fn( Route $route ): bool => Route::ACCESS_PUBLIC === $route->access ) );
	}
}
