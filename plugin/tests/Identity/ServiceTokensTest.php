<?php
/**
 * Tests the WordPress-aware token factory and request signer.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Identity;

use Switchboard\Gateway\Service;
use Switchboard\Identity\Base64Url;
use Switchboard\Identity\BearerRequestSigner;
use Switchboard\Identity\JwtSigner;
use Switchboard\Identity\KeyRing;
use Switchboard\Identity\ServiceTokens;
use Switchboard\Tests\TestCase;

/**
 * Tokens name this site as issuer, the service as audience and the logged-in user, if any, as subject.
 */
final class ServiceTokensTest extends TestCase {

	/**
	 * Anonymous requests carry no sub.
	 */
	public function test_anonymous_token_has_no_sub(): void {
		$claims = JwtSignerTest::decode( ServiceTokens::for_this_site()->token_for( 'search' ) )[1];

		$this->assertSame( home_url(), $claims['iss'] );
		$this->assertSame( 'search', $claims['aud'] );
		$this->assertArrayNotHasKey( 'sub', $claims );
	}

	/**
	 * Logged-in requests carry the user id as a string.
	 */
	public function test_logged_in_token_has_the_user_as_sub(): void {
		$user = $this->log_in_as( 'subscriber' );

		$claims = JwtSignerTest::decode( ServiceTokens::for_this_site()->token_for( 'feed' ) )[1];

		$this->assertSame( (string) $user, $claims['sub'] );
	}

	/**
	 * The lifetime filter cannot push a token past a minute.
	 */
	public function test_ttl_filter_is_clamped(): void {
		add_filter( 'switchboard_service_token_ttl', static fn (): int => 3600 );
		$tokens = new ServiceTokens( new KeyRing(), new JwtSigner( static fn (): int => 1000 ) );

		$claims = JwtSignerTest::decode( $tokens->token_for( 'feed' ) )[1];

		$this->assertSame( 1060, $claims['exp'] );
	}

	/**
	 * The request signer adds a bearer token for the service, signed by the current published key.
	 */
	public function test_request_signer_adds_a_bearer_token_for_the_service(): void {
		$signer  = new BearerRequestSigner( ServiceTokens::for_this_site() );
		$headers = $signer->headers_for( new Service( 'payments', 'Payments', 'http://127.0.0.1:9' ) );

		$this->assertSame( array( 'Authorization' ), array_keys( $headers ) );
		$this->assertStringStartsWith( 'Bearer ', $headers['Authorization'] );
		$token                           = substr( $headers['Authorization'], 7 );
		list( $header, $claims )         = JwtSignerTest::decode( $token );
		list( $head, $body, $signature ) = explode( '.', $token );
		$key                             = ( new KeyRing() )->current();

		$this->assertSame( 'payments', $claims['aud'] );
		$this->assertSame( $key->kid(), $header['kid'] );
		$this->assertTrue( JwtSignerTest::verifies( Base64Url::decode( $signature ), $head . '.' . $body, $key->public_key() ) );
	}
}
