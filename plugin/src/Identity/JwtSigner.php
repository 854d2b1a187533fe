<?php
/**
 * Compact JWS (EdDSA) service tokens.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use Closure;
use InvalidArgumentException;

/**
 * Signs short-lived JWTs: header {"alg":"EdDSA","typ":"JWT","kid"}, the caller's iss, aud and sub, and the
 * time claims and id this class sets itself (iat, nbf, exp, jti).
 *
 * Pure: it takes the key, the claims and a clock, and calls no WordPress function, so tests and the
 * services' interop test run it without WordPress. ServiceTokens is the WordPress-aware factory.
 */
final class JwtSigner {

	/**
	 * Default token lifetime, in seconds.
	 */
	public const DEFAULT_TTL = 30;

	/**
	 * Longest lifetime a token may have, in seconds; longer requests are clamped to it.
	 */
	public const MAX_TTL = 60;

	/**
	 * Returns the current Unix time.
	 *
	 * @var Closure(): int
	 */
	private readonly Closure $clock;

	/**
	 * Sets the clock.
	 *
	 * @param (Closure(): int)|null $clock Current Unix time; the system clock when null.
	 */
	public function __construct( ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn (): int => time();
	}

	/**
	 * Keeps a lifetime within 1..MAX_TTL seconds.
	 *
	 * @param int $ttl Requested lifetime in seconds.
	 * @return int
	 */
	public static function clamp_ttl( int $ttl ): int {
		return max( 1, min( self::MAX_TTL, $ttl ) );
	}

	/**
	 * Signs a token.
	 *
	 * @param SigningKey                                    $key    Key to sign with; its kid goes in the header.
	 * @param array{iss: string, aud: string, sub?: string} $claims Issuer, audience and, when there is one, subject.
	 * @param int                                           $ttl    Lifetime in seconds, clamped to 1..MAX_TTL.
	 * @return string The compact JWS.
	 * @throws InvalidArgumentException When a claim is empty.
	 */
	public function sign( SigningKey $key, array $claims, int $ttl = self::DEFAULT_TTL ): string {
		foreach ( $claims as $name => $value ) {
			if ( '' === $value ) {
				throw new InvalidArgumentException( "The {$name} claim is empty." );
			}
		}

		$now     = ( $this->clock )();
		$header  = array(
			'alg' => 'EdDSA',
			'typ' => 'JWT',
			'kid' => $key->kid(),
		);
		$payload = array(
			'iss' => $claims['iss'],
			'aud' => $claims['aud'],
		);
		if ( isset( $claims['sub'] ) ) {
			$payload['sub'] = $claims['sub'];
		}
		$payload['iat'] = $now;
		$payload['nbf'] = $now;
		$payload['exp'] = $now + self::clamp_ttl( $ttl );
		$payload['jti'] = Base64Url::encode( random_bytes( 16 ) );

		$signing_input = self::segment( $header ) . '.' . self::segment( $payload );

		return $signing_input . '.' . Base64Url::encode( $key->sign( $signing_input ) );
	}

	/**
	 * One base64url JSON segment.
	 *
	 * @param array<string, mixed> $data Header or claims.
	 * @return string
	 */
	private static function segment( array $data ): string {
		// Plain json_encode(): wp_json_encode() would tie this class to WordPress, and the input is ASCII or UTF-8.
		return Base64Url::encode( json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
	}
}
