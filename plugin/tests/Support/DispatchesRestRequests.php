<?php
/**
 * Requests through the REST server, as a test sends them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use WP_REST_Request;
use WP_REST_Response;

/**
 * One way to send a route a request in-process, so the gateway's and the feed's tests build GET queries and
 * JSON bodies alike.
 */
trait DispatchesRestRequests {

	/**
	 * Dispatches a request through the REST server.
	 *
	 * @param string                $method  HTTP method.
	 * @param string                $path    Path below the namespace.
	 * @param array<string, mixed>  $params  Query (GET) or JSON body (others) parameters.
	 * @param array<string, string> $headers Request headers.
	 * @return WP_REST_Response
	 */
	protected function call( string $method, string $path, array $params = array(), array $headers = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/switchboard/v1' . $path );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'content-type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}

		return rest_get_server()->dispatch( $request );
	}
}
