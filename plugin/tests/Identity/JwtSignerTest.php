<?php
/**
 * Tests the pure EdDSA JWT signer and its keys.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Identity;

use InvalidArgumentException;
use LogicException;
use Switchboard\Identity\Base64Url;
use Switchboard\Identity\JwtSigner;
use Switchboard\Identity\SigningKey;
use Switchboard\Tests\TestCase;

/**
 * Tokens are compact JWS with the documented header and claims, a lifetime of at most a minute, and an
 * Ed25519 signature that sodium verifies with the published key.
 */
final class JwtSignerTest extends TestCase {

	/**
	 * RFC 8037 Appendix A.1: the private key's seed `d`.
	 */
	private const RFC8037_D = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A';

	/**
	 * RFC 8037 Appendix A.1: the public key `x`.
	 */
	private const RFC8037_X = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';

	/**
	 * RFC 8037 Appendix A.3: the JWK thumbprint of that key.
	 */
	private const RFC8037_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

	/**
	 * Fixed time of the signer's clock.
	 */
	private const NOW = 1700000000;

	/**
	 * The kid is the RFC 7638 thumbprint, computed from x (RFC 8037's test vector).
	 */
	public function test_kid_is_the_rfc7638_thumbprint_of_x(): void {
		$key = $this->rfc8037_key();

		$this->assertSame( self::RFC8037_X, $key->public_jwk()['x'] );
		$this->assertSame( self::RFC8037_THUMBPRINT, $key->kid() );
		$this->assertSame( self::RFC8037_THUMBPRINT, SigningKey::thumbprint( Base64Url::decode( self::RFC8037_X ) ) );
		$this->assertSame(
			array(
				'kty' => 'OKP',
				'crv' => 'Ed25519',
				'x'   => self::RFC8037_X,
				'kid' => self::RFC8037_THUMBPRINT,
				'use' => 'sig',
				'alg' => 'EdDSA',
			),
			$key->public_jwk()
		);
	}

	/**
	 * A token has three base64url segments, the EdDSA header with the key's kid, and the claims.
	 */
	public function test_token_structure_and_claims(): void {
		$key   = SigningKey::generate( self::NOW );
		$token = $this->signer()->sign(
			$key,
			array(
				'iss' => 'https://example.org',
				'aud' => 'search',
				'sub' => '7',
			)
		);

		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/', $token );
		list( $header, $claims ) = self::decode( $token );

		$this->assertSame(
			array(
				'alg' => 'EdDSA',
				'typ' => 'JWT',
				'kid' => $key->kid(),
			),
			$header
		);
		$this->assertSame( array( 'iss', 'aud', 'sub', 'iat', 'nbf', 'exp', 'jti' ), array_keys( $claims ) );
		$this->assertSame( 'https://example.org', $claims['iss'] );
		$this->assertSame( 'search', $claims['aud'] );
		$this->assertSame( '7', $claims['sub'] );
		$this->assertSame( self::NOW, $claims['iat'] );
		$this->assertSame( self::NOW, $claims['nbf'] );
		$this->assertSame( self::NOW + JwtSigner::DEFAULT_TTL, $claims['exp'] );
		$this->assertIsString( $claims['jti'] );
		$this->assertGreaterThanOrEqual( 22, strlen( $claims['jti'] ) );
	}

	/**
	 * Without a subject there is no sub claim, and every token gets its own jti.
	 */
	public function test_no_sub_without_subject_and_unique_jti(): void {
		$key    = SigningKey::generate( self::NOW );
		$claims = array(
			'iss' => 'https://example.org',
			'aud' => 'feed',
		);

		$first  = self::decode( $this->signer()->sign( $key, $claims ) )[1];
		$second = self::decode( $this->signer()->sign( $key, $claims ) )[1];

		$this->assertArrayNotHasKey( 'sub', $first );
		$this->assertNotSame( $first['jti'], $second['jti'] );
	}

	/**
	 * Lifetimes are clamped to 1..60 seconds.
	 */
	public function test_lifetime_is_clamped(): void {
		$key    = SigningKey::generate( self::NOW );
		$claims = array(
			'iss' => 'https://example.org',
			'aud' => 'feed',
		);

		foreach ( array(
			3600 => JwtSigner::MAX_TTL,
			61   => 60,
			60   => 60,
			45   => 45,
			0    => 1,
			-30  => 1,
		) as $requested => $expected ) {
			$payload = self::decode( $this->signer()->sign( $key, $claims, $requested ) )[1];
			$this->assertSame( self::NOW + $expected, $payload['exp'], "TTL {$requested}" );
		}
	}

	/**
	 * The signature verifies over header.payload with the public key, and fails once the payload changes.
	 */
	public function test_signature_verifies_with_sodium(): void {
		$key   = SigningKey::generate( self::NOW );
		$token = $this->signer()->sign(
			$key,
			array(
				'iss' => 'https://example.org',
				'aud' => 'payments',
			)
		);

		list( $header, $payload, $signature ) = explode( '.', $token );
		$public_key                           = Base64Url::decode( $key->public_jwk()['x'] );

		$this->assertTrue( self::verifies( Base64Url::decode( $signature ), $header . '.' . $payload, $public_key ) );

		$tampered = Base64Url::encode( (string) str_replace( 'payments', 'paymentz', Base64Url::decode( $payload ) ) );
		$this->assertFalse( self::verifies( Base64Url::decode( $signature ), $header . '.' . $tampered, $public_key ) );
	}

	/**
	 * Empty claims are refused rather than signed.
	 */
	public function test_refuses_an_empty_audience(): void {
		$this->expectException( InvalidArgumentException::class );

		$this->signer()->sign(
			SigningKey::generate( self::NOW ),
			array(
				'iss' => 'https://example.org',
				'aud' => '',
			)
		);
	}

	/**
	 * The secret key shows neither in dumps nor in serialized form.
	 */
	public function test_secret_key_does_not_leak_through_dumps(): void {
		$key    = $this->rfc8037_key();
		$dumped = print_r( $key, true ) . $this->capture_output( static fn () => var_dump( $key ) );

		$this->assertStringContainsString( self::RFC8037_THUMBPRINT, $dumped );
		$this->assertStringNotContainsString( self::RFC8037_D, $dumped );
		$this->assertStringNotContainsString( substr( Base64Url::decode( self::RFC8037_D ), 0, 16 ), $dumped );

		$this->expectException( LogicException::class );
		serialize( $key ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- Checks that it refuses.
	}

	/**
	 * A stored secret key must be 64 bytes whose halves belong together.
	 */
	public function test_rejects_a_secret_key_with_the_wrong_public_half(): void {
		$secret = sodium_crypto_sign_secretkey( sodium_crypto_sign_keypair() );
		$other  = sodium_crypto_sign_publickey( sodium_crypto_sign_keypair() );

		$this->expectException( InvalidArgumentException::class );
		SigningKey::from_secret_key( substr( $secret, 0, 32 ) . $other, self::NOW );
	}

	/**
	 * A signer on the fixed clock.
	 *
	 * @return JwtSigner
	 */
	private function signer(): JwtSigner {
		return new JwtSigner( static fn (): int => self::NOW );
	}

	/**
	 * RFC 8037's example key.
	 *
	 * @return SigningKey
	 */
	private function rfc8037_key(): SigningKey {
		$seed = Base64Url::decode( self::RFC8037_D );
		self::assertNotSame( '', $seed );
		$pair = sodium_crypto_sign_seed_keypair( $seed );

		return SigningKey::from_secret_key( sodium_crypto_sign_secretkey( $pair ), self::NOW );
	}

	/**
	 * Whether sodium verifies a detached Ed25519 signature.
	 *
	 * @param string $signature  Raw signature.
	 * @param string $message    Signed bytes.
	 * @param string $public_key Raw public key.
	 * @return bool
	 */
	public static function verifies( string $signature, string $message, string $public_key ): bool {
		self::assertNotSame( '', $signature );
		self::assertNotSame( '', $public_key );

		return sodium_crypto_sign_verify_detached( $signature, $message, $public_key );
	}

	/**
	 * Header and claims of a token, and its raw signature.
	 *
	 * @param string $token Compact JWS.
	 * @return array{0: array<string, mixed>, 1: array<string, mixed>, 2: string}
	 */
	public static function decode( string $token ): array {
		$parts = explode( '.', $token );
		self::assertCount( 3, $parts );
		$header = json_decode( Base64Url::decode( $parts[0] ), true, 4, JSON_THROW_ON_ERROR );
		$claims = json_decode( Base64Url::decode( $parts[1] ), true, 4, JSON_THROW_ON_ERROR );
		self::assertIsArray( $header );
		self::assertIsArray( $claims );

		/**
		 * JSON objects decode to string-keyed arrays.
		 *
		 * @var array<string, mixed> $header
		 * @var array<string, mixed> $claims
		 */
		return array( $header, $claims, Base64Url::decode( $parts[2] ) );
	}
}
