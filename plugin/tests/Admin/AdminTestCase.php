<?php
/**
 * Helpers shared by the admin route tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Events\Signature;
use Switchboard\Identity\Base64Url;
use Switchboard\Identity\KeyRing;
use Switchboard\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Dispatches admin routes through the REST server the booted plugin registered them on, and checks that no
 * response carries a signing key or a webhook secret.
 */
abstract class AdminTestCase extends TestCase {

	/**
	 * Every admin route, as method and path (with sample ids).
	 */
	protected const ROUTES = array(
		array( 'GET', '/switchboard/v1/admin/health' ),
		array( 'GET', '/switchboard/v1/admin/settings' ),
		array( 'POST', '/switchboard/v1/admin/settings' ),
		array( 'POST', '/switchboard/v1/admin/services/search/test' ),
		array( 'GET', '/switchboard/v1/admin/outbox' ),
		array( 'POST', '/switchboard/v1/admin/outbox/1/replay' ),
		array( 'GET', '/switchboard/v1/admin/search/sync' ),
		array( 'POST', '/switchboard/v1/admin/search/sync' ),
		array( 'POST', '/switchboard/v1/admin/search/sync/step' ),
		array( 'POST', '/switchboard/v1/admin/search/sync/resume' ),
		array( 'POST', '/switchboard/v1/admin/search/sync/cancel' ),
		array( 'GET', '/switchboard/v1/admin/feed/sync' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync/step' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync/resume' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync/cancel' ),
		array( 'GET', '/switchboard/v1/admin/feed/stats' ),
	);

	/**
	 * Dispatches a request.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $path   Route path.
	 * @param array<string, mixed> $params Query or JSON body parameters.
	 * @return WP_REST_Response
	 */
	protected function dispatch( string $method, string $path, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $path );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} elseif ( array() !== $params ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}

		return rest_do_request( $request );
	}

	/**
	 * A response's data as an array.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	protected function data( WP_REST_Response $response ): array {
		return rest_get_server()->response_to_data( $response, false );
	}

	/**
	 * A value inside decoded data, by a dot-separated path of keys ('' for the data itself).
	 *
	 * @param mixed  $data Data.
	 * @param string $path E.g. `services.0.url`.
	 * @return mixed Null when a key is missing.
	 */
	protected static function value_at( mixed $data, string $path ): mixed {
		foreach ( '' === $path ? array() : explode( '.', $path ) as $key ) {
			if ( ! is_array( $data ) || ! array_key_exists( $key, $data ) ) {
				return null;
			}
			$data = $data[ $key ];
		}

		return $data;
	}

	/**
	 * An array inside decoded data; fails the test when it is not one.
	 *
	 * @param mixed  $data Data.
	 * @param string $path Path, as for value_at().
	 * @return array<mixed>
	 */
	protected static function arr_at( mixed $data, string $path ): array {
		$value = self::value_at( $data, $path );
		self::assertIsArray( $value, $path );

		return $value;
	}

	/**
	 * A string inside decoded data; fails the test when it is not one.
	 *
	 * @param mixed  $data Data.
	 * @param string $path Path, as for value_at().
	 * @return string
	 */
	protected static function str_at( mixed $data, string $path ): string {
		$value = self::value_at( $data, $path );
		self::assertIsString( $value, $path );

		return $value;
	}

	/**
	 * Fails when a response holds a signing key or a webhook secret, in any of their encodings.
	 *
	 * @param WP_REST_Response $response Response.
	 */
	protected function assert_no_secret( WP_REST_Response $response ): void {
		$answer = (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ) . (string) wp_json_encode( $response->get_headers() );
		foreach ( $this->secrets() as $secret ) {
			$this->assertStringNotContainsString( $secret, $answer );
		}
	}

	/**
	 * The site's secrets as stored: the signing keys (raw encodings) and each service's webhook secret.
	 *
	 * @return list<string>
	 */
	protected function secrets(): array {
		$secrets   = array();
		$signature = new Signature();
		foreach ( array( 'search', 'feed', 'payments' ) as $service_id ) {
			$secrets[] = $signature->secret( $service_id );
		}

		( new KeyRing() )->current();
		$stored = get_option( KeyRing::OPTION );
		foreach ( is_array( $stored ) ? $stored : array() as $entry ) {
			if ( is_array( $entry ) && isset( $entry['secret'] ) && is_string( $entry['secret'] ) ) {
				$raw       = Base64Url::decode( $entry['secret'] );
				$secrets[] = $entry['secret'];
				$secrets[] = Base64Url::encode( substr( $raw, 0, 32 ) );
				$secrets[] = bin2hex( $raw );
			}
		}
		$this->assertGreaterThanOrEqual( 4, count( $secrets ) );

		return array_values( array_filter( $secrets, static fn( string $secret ): bool => strlen( $secret ) >= 16 ) );
	}
}
