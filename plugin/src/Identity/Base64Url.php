<?php
/**
 * Base64url without padding (RFC 4648 §5), as JOSE uses it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use InvalidArgumentException;

/**
 * Encodes and decodes the URL-safe, unpadded Base64 of JWS segments and JWK members.
 *
 * Pure PHP with no WordPress calls, so the signer can run outside WordPress (the services' interop test does).
 */
final class Base64Url {

	/**
	 * Encodes bytes.
	 *
	 * @param string $bytes Raw bytes.
	 * @return string
	 */
	public static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- JOSE encoding.
	}

	/**
	 * Decodes a base64url string, strictly.
	 *
	 * @param string $text Base64url text without padding.
	 * @return string
	 * @throws InvalidArgumentException When the text is not base64url.
	 */
	public static function decode( string $text ): string {
		if ( 1 !== preg_match( '/^[A-Za-z0-9_-]*$/', $text ) || 1 === strlen( $text ) % 4 ) {
			throw new InvalidArgumentException( 'Not base64url text.' );
		}

		$bytes = base64_decode( strtr( $text, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- JOSE encoding.
		if ( false === $bytes ) {
			throw new InvalidArgumentException( 'Not base64url text.' );
		}

		return $bytes;
	}
}
