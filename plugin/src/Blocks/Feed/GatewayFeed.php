<?php
/**
 * The popular list, asked of the gateway's feed route in-process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Gateway\ServiceRegistry;
use WP_REST_Request;

/**
 * Dispatches `GET switchboard/v1/feed` inside the page's own request (`rest_do_request()`), as the search
 * block's GatewaySearch does: the server list gets the gateway's public cache, circuit breaker and
 * validation, and no HTTP round trip. Only the IDs are kept: the block builds its items itself.
 */
final class GatewayFeed {

	/**
	 * The route.
	 */
	public const ROUTE = '/switchboard/v1/feed';

	/**
	 * Where the feed service lives.
	 *
	 * @var ServiceRegistry
	 */
	private readonly ServiceRegistry $services;

	/**
	 * Sets the registry.
	 *
	 * @param ServiceRegistry|null $services The services; WordPress's configuration when null.
	 */
	public function __construct( ?ServiceRegistry $services = null ) {
		$this->services = $services ?? new ServiceRegistry();
	}

	/**
	 * The most popular posts within a scope.
	 *
	 * @param Scope     $scope   Categories and tags.
	 * @param int       $count   How many (1 to 24).
	 * @param list<int> $exclude Posts to leave out.
	 * @return list<int>|null Post IDs in rank order; null when the service did not answer (the route failed,
	 *                        or answered with its own fallback, or the feed service has no address), so the
	 *                        caller ranks locally.
	 */
	public function popular( Scope $scope, int $count, array $exclude ): ?array {
		// Without an address there is no service to ask: the gateway would only record a failure on every
		// page view of a site that has not set the feed up.
		if ( true !== $this->services->get( 'feed' )?->is_configured() ) {
			return null;
		}
		$args = $scope->gateway_args() + array(
			'per_page' => max( 1, min( 24, $count ) ),
			'order'    => 'popular',
		);
		if ( array() !== $exclude ) {
			$args['exclude'] = implode( ',', array_slice( $exclude, 0, Scope::MAX_IDS ) );
		}

		$request = new WP_REST_Request( 'GET', self::ROUTE );
		$request->set_query_params( $args );
		$response = rest_do_request( $request );
		$data     = $response->get_data();
		$headers  = $response->get_headers();

		if ( 200 !== $response->get_status() || isset( $headers['X-Switchboard-Fallback'] ) || ! is_array( $data ) || ! is_array( $data['items'] ?? null ) ) {
			return null;
		}

		$ids = array();
		foreach ( $data['items'] as $item ) {
			if ( is_array( $item ) && is_int( $item['id'] ?? null ) && $item['id'] > 0 ) {
				$ids[] = $item['id'];
			}
		}

		return $ids;
	}
}
