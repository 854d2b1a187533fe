<?php
/**
 * Service tokens for this WordPress site.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use InvalidArgumentException;

/**
 * The WordPress-aware side of JwtSigner: signs with the key ring's current key, with this site's home URL
 * as issuer and the logged-in user (if any) as subject.
 */
final class ServiceTokens {

	/**
	 * Sets the collaborators.
	 *
	 * @param KeyRing   $keys   Site's signing keys.
	 * @param JwtSigner $signer Pure signer.
	 */
	public function __construct(
		private readonly KeyRing $keys,
		private readonly JwtSigner $signer
	) {
	}

	/**
	 * Service tokens signed with this site's keys and the system clock.
	 *
	 * @return self
	 */
	public static function for_this_site(): self {
		return new self( new KeyRing(), new JwtSigner() );
	}

	/**
	 * A token for one service.
	 *
	 * The lifetime is JwtSigner::DEFAULT_TTL unless the `switchboard_service_token_ttl` filter changes it;
	 * either way it is clamped to at most JwtSigner::MAX_TTL seconds.
	 *
	 * @param string $audience Service id, the token's `aud`.
	 * @return string The compact JWS.
	 * @throws InvalidArgumentException When the audience is empty.
	 */
	public function token_for( string $audience ): string {
		if ( '' === $audience ) {
			throw new InvalidArgumentException( 'A service token needs an audience.' );
		}

		$claims = array(
			'iss' => home_url(),
			'aud' => $audience,
		);
		$user   = get_current_user_id();
		if ( $user > 0 ) {
			$claims['sub'] = (string) $user;
		}

		$ttl = apply_filters( 'switchboard_service_token_ttl', JwtSigner::DEFAULT_TTL, $audience );

		return $this->signer->sign( $this->keys->current(), $claims, is_numeric( $ttl ) ? (int) $ttl : JwtSigner::DEFAULT_TTL );
	}
}
