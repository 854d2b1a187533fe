<?php
/**
 * Answers in the WordPress HTTP API's shape, for tests that stand in for a service through `pre_http_request`.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * What wp_remote_request() would return for a service's JSON answer.
 */
final class HttpApiResponse {

	/**
	 * A JSON HTTP response in the WordPress HTTP API's shape.
	 *
	 * @param int          $status Status.
	 * @param array<mixed> $body   Body.
	 * @return array<string, mixed>
	 */
	public static function json( int $status, array $body ): array {
		return array(
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => (string) wp_json_encode( $body ),
			'response' => array(
				'code'    => $status,
				'message' => '',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	}
}
