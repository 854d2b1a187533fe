<?php
/**
 * Tests the JWKS route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Identity;

use Switchboard\Identity\Base64Url;
use Switchboard\Identity\KeyRing;
use Switchboard\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * `GET /switchboard/v1/jwks` is public, lists only public members of the current and grace keys, and may
 * be cached for five minutes.
 */
final class JwksControllerTest extends TestCase {

	/**
	 * Dispatches the route as an anonymous visitor.
	 *
	 * @return WP_REST_Response
	 */
	private function get_jwks(): WP_REST_Response {
		return rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/switchboard/v1/jwks' ) );
	}

	/**
	 * The stored secret keys, raw and base64url.
	 *
	 * @return list<string>
	 */
	private static function stored_secrets(): array {
		$stored  = get_option( KeyRing::OPTION );
		$secrets = array();
		foreach ( is_array( $stored ) ? $stored : array() as $entry ) {
			if ( is_array( $entry ) && isset( $entry['secret'] ) && is_string( $entry['secret'] ) ) {
				$raw       = Base64Url::decode( $entry['secret'] );
				$secrets[] = $entry['secret'];
				$secrets[] = Base64Url::encode( substr( $raw, 0, 32 ) );
				$secrets[] = base64_encode( $raw ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- Plain Base64 of the key, to look for.
				$secrets[] = bin2hex( $raw );
			}
		}

		return $secrets;
	}

	/**
	 * Anonymous visitors get the current key's public JWK and a cache header.
	 */
	public function test_returns_public_fields_with_cache_header(): void {
		$response = $this->get_jwks();

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'public, max-age=300', $response->get_headers()['Cache-Control'] ?? null );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		$this->assertSame( array( 'keys' ), array_keys( $data ) );
		$this->assertIsArray( $data['keys'] );
		$this->assertCount( 1, $data['keys'] );
		$this->assertIsArray( $data['keys'][0] );
		$this->assertSame( array( 'kty', 'crv', 'x', 'kid', 'use', 'alg' ), array_keys( $data['keys'][0] ) );
		$this->assertSame( ( new KeyRing() )->current()->public_jwk(), $data['keys'][0] );
	}

	/**
	 * After a rotation the previous key is listed too; the private key appears nowhere in the response.
	 */
	public function test_lists_grace_keys_and_never_a_private_key(): void {
		$ring = new KeyRing();
		$old  = $ring->current();
		$new  = $ring->rotate();

		$response = $this->get_jwks();
		$data     = $response->get_data();
		$this->assertIsArray( $data );
		$this->assertIsArray( $data['keys'] );
		$this->assertSame( array( $new->kid(), $old->kid() ), array_column( $data['keys'], 'kid' ) );

		$body    = (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ) . (string) wp_json_encode( $response->get_headers() );
		$secrets = self::stored_secrets();
		$this->assertCount( 8, $secrets );
		foreach ( $secrets as $secret ) {
			$this->assertStringNotContainsString( $secret, $body );
		}
		$this->assertStringNotContainsString( '"d"', $body );
	}

	/**
	 * The route is registered with a public permission callback and no arguments.
	 */
	public function test_route_is_a_public_read_without_args(): void {
		$routes = rest_get_server()->get_routes( 'switchboard/v1' );
		$this->assertArrayHasKey( '/switchboard/v1/jwks', $routes );
		$this->assertIsArray( $routes['/switchboard/v1/jwks'] );
		$handler = $routes['/switchboard/v1/jwks'][0];
		$this->assertIsArray( $handler );

		$this->assertSame( '__return_true', $handler['permission_callback'] );
		$this->assertSame( array(), $handler['args'] );
		$this->assertSame( array( 'GET' => true ), $handler['methods'] );

		$this->log_in_as( 'subscriber' );
		$this->assertSame( 200, $this->get_jwks()->get_status() );
	}
}
