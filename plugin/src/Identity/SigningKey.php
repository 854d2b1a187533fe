<?php
/**
 * One Ed25519 key of the site's key ring.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use InvalidArgumentException;
use LogicException;

/**
 * An Ed25519 key pair with its lifetime: when it was made and, once a newer key replaced it, when it retired.
 *
 * The secret key stays inside this object: it signs, and only KeyRing reads it back (to store it). It is
 * hidden from var_dump() and print_r(), marked sensitive in stack traces, and the object refuses to be
 * serialized. Pure PHP with sodium, no WordPress calls.
 */
final class SigningKey {

	/**
	 * Builds a key from its parts; see generate() and from_secret_key().
	 *
	 * @param non-empty-string $secret_key Sodium secret key (64 bytes: seed and public key).
	 * @param int              $created_at Unix time the key was made.
	 * @param int|null         $retired_at Unix time a newer key replaced it, or null while it is the current key.
	 */
	private function __construct(
		#[\SensitiveParameter]
		private readonly string $secret_key,
		public readonly int $created_at,
		public readonly ?int $retired_at
	) {
	}

	/**
	 * Makes a new random key pair.
	 *
	 * @param int $created_at Unix time of creation.
	 * @return self
	 */
	public static function generate( int $created_at ): self {
		return self::from_secret_key( sodium_crypto_sign_secretkey( sodium_crypto_sign_keypair() ), $created_at );
	}

	/**
	 * Rebuilds a key from a stored secret key.
	 *
	 * @param string   $secret_key Sodium secret key (64 bytes).
	 * @param int      $created_at Unix time the key was made.
	 * @param int|null $retired_at Unix time it retired, or null while current.
	 * @return self
	 * @throws InvalidArgumentException When the secret key is not 64 bytes or its halves do not belong together.
	 */
	public static function from_secret_key(
		#[\SensitiveParameter]
		string $secret_key,
		int $created_at,
		?int $retired_at = null
	): self {
		if ( '' === $secret_key || SODIUM_CRYPTO_SIGN_SECRETKEYBYTES !== strlen( $secret_key ) ) {
			throw new InvalidArgumentException( 'An Ed25519 secret key is 64 bytes.' );
		}

		// The second half is the public key; it must be the one the seed derives, or signatures would not verify.
		$seed = substr( $secret_key, 0, SODIUM_CRYPTO_SIGN_SEEDBYTES );
		$pair = sodium_crypto_sign_seed_keypair( $seed );
		if ( ! hash_equals( sodium_crypto_sign_publickey( $pair ), substr( $secret_key, SODIUM_CRYPTO_SIGN_SEEDBYTES ) ) ) {
			throw new InvalidArgumentException( 'The secret key does not match its public half.' );
		}

		return new self( $secret_key, $created_at, $retired_at );
	}

	/**
	 * The same key, marked as replaced by a newer one.
	 *
	 * @param int $retired_at Unix time of the rotation.
	 * @return self
	 */
	public function retire( int $retired_at ): self {
		return new self( $this->secret_key, $this->created_at, $retired_at );
	}

	/**
	 * The 32-byte Ed25519 public key.
	 *
	 * @return string
	 */
	public function public_key(): string {
		return sodium_crypto_sign_publickey_from_secretkey( $this->secret_key );
	}

	/**
	 * Key id: the RFC 7638 JWK thumbprint (base64url SHA-256 of the canonical public JWK).
	 *
	 * @return string
	 */
	public function kid(): string {
		return self::thumbprint( $this->public_key() );
	}

	/**
	 * The RFC 7638 thumbprint of an Ed25519 public key: only the required members, in lexicographic
	 * order, with no whitespace (RFC 8037 §2 names them for OKP keys: crv, kty, x).
	 *
	 * @param string $public_key 32-byte public key.
	 * @return string
	 */
	public static function thumbprint( string $public_key ): string {
		$canonical = '{"crv":"Ed25519","kty":"OKP","x":"' . Base64Url::encode( $public_key ) . '"}';

		return Base64Url::encode( hash( 'sha256', $canonical, true ) );
	}

	/**
	 * The public JWK that services verify with; it holds no private member.
	 *
	 * @return array{kty: string, crv: string, x: string, kid: string, use: string, alg: string}
	 */
	public function public_jwk(): array {
		$public_key = $this->public_key();

		return array(
			'kty' => 'OKP',
			'crv' => 'Ed25519',
			'x'   => Base64Url::encode( $public_key ),
			'kid' => self::thumbprint( $public_key ),
			'use' => 'sig',
			'alg' => 'EdDSA',
		);
	}

	/**
	 * Signs a message (detached Ed25519 signature, 64 bytes).
	 *
	 * @param string $message Bytes to sign.
	 * @return string
	 */
	public function sign( string $message ): string {
		return sodium_crypto_sign_detached( $message, $this->secret_key );
	}

	/**
	 * The secret key, for KeyRing to store. Nothing else should call this.
	 *
	 * @internal
	 * @return string
	 */
	public function secret_key_for_storage(): string {
		return $this->secret_key;
	}

	/**
	 * What var_dump() and print_r() show: the public parts only.
	 *
	 * @return array{kid: string, created_at: int, retired_at: int|null}
	 */
	public function __debugInfo(): array {
		return array(
			'kid'        => $this->kid(),
			'created_at' => $this->created_at,
			'retired_at' => $this->retired_at,
		);
	}

	// PHP requires __serialize() to declare an array return; this one only throws.
	// phpcs:disable Squiz.Commenting.FunctionComment.InvalidNoReturn

	/**
	 * Refuses serialization, which would copy the secret key into caches or logs.
	 *
	 * @return array<string, mixed>
	 * @throws LogicException Always.
	 */
	public function __serialize(): array {
		throw new LogicException( 'Signing keys are not serializable.' );
	}

	// phpcs:enable Squiz.Commenting.FunctionComment.InvalidNoReturn
}
