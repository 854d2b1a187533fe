<?php
/**
 * Sending generated bad input to a REST route and checking it is refused.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use WP_REST_Request;
use WP_REST_Response;

/**
 * The gateway's and the feed's bad-input tests send their cases the same way (the query for reads; JSON, or
 * a form body when asked or when JSON cannot hold the values, for writes) and expect the same refusal.
 */
trait SendsBadInput {

	/**
	 * Sends parameters: the query for reads; JSON, or a form body when asked or when JSON cannot hold them.
	 *
	 * @param string       $method     Method.
	 * @param string       $path       Full REST path (with the namespace).
	 * @param array<mixed> $params     Parameters.
	 * @param bool         $as_json    Whether a write sends JSON.
	 * @param bool         $with_nonce Whether the request carries the current user's REST nonce.
	 * @return WP_REST_Response
	 */
	private function send_params( string $method, string $path, array $params, bool $as_json, bool $with_nonce = false ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $path );
		if ( $with_nonce ) {
			$request->set_header( 'x_wp_nonce', wp_create_nonce( 'wp_rest' ) );
		}
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			// Not wp_json_encode(): it would repair invalid UTF-8 and so send a different, valid request.
			$json = $as_json ? json_encode( $params ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
			if ( false === $json ) {
				$request->set_body_params( $params );
			} else {
				$request->set_header( 'content-type', 'application/json' );
				$request->set_body( $json );
			}
		}

		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Asserts a 400 with one of the stable codes a refused argument may have.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param string           $label    What was sent, for the failure message.
	 */
	private function assert_refused( WP_REST_Response $response, string $label ): void {
		$data = $response->get_data();
		$this->assertSame( 400, $response->get_status(), $label );
		$this->assertIsArray( $data, $label );
		$this->assertContains( $data['code'] ?? null, array( 'rest_invalid_param', 'rest_missing_callback_param', 'switchboard_unknown_parameter' ), $label );
	}
}
