<?php
/**
 * The search block's first paint, asked of the gateway route in-process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

use WP_REST_Request;

/**
 * Dispatches `GET switchboard/v1/search` inside the page's own request (`rest_do_request()`), so the first
 * paint gets exactly what the browser would: the same validation, cache, rate limit, circuit breaker and
 * native fallback, and no HTTP round trip.
 */
final class GatewaySearch {

	/**
	 * The route.
	 */
	public const ROUTE = '/switchboard/v1/search';

	/**
	 * Asks the route.
	 *
	 * @param array<string, string|int> $args Gateway arguments (see UrlState::gateway_args()).
	 * @return array{data: array<mixed>|null, fallback: bool} `data` is null when the route failed.
	 */
	public function search( array $args ): array {
		$request = new WP_REST_Request( 'GET', self::ROUTE );
		$request->set_query_params( $args );
		$response = rest_do_request( $request );
		$data     = $response->get_data();
		$headers  = $response->get_headers();

		return array(
			'data'     => 200 === $response->get_status() && is_array( $data ) ? $data : null,
			'fallback' => 'native' === ( $headers['X-Switchboard-Fallback'] ?? null ),
		);
	}
}
