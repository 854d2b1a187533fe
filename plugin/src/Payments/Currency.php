<?php
/**
 * The currencies a payment block may charge in, with their minor units and Stripe's minimums.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use NumberFormatter;

/**
 * Amounts travel as integers in the currency's minor unit, as Stripe takes them: cents for USD (2 decimals),
 * yen for JPY (a zero-decimal currency), fils for KWD (a three-decimal currency).
 *
 * The minimums are Stripe's published minimum charge amounts (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts);
 * for the three-decimal currencies, which that table does not list, the equivalent of USD 0.50 rounded up to a
 * multiple of 10 (Stripe only accepts three-decimal amounts whose last digit is 0). This table is the one source
 * for WordPress: the block editor reads it from `GET switchboard/v1/payments/currencies`.
 */
final class Currency {

	/**
	 * Code => [decimals, minimum in minor units].
	 */
	private const TABLE = array(
		'usd' => array( 2, 50 ),
		'eur' => array( 2, 50 ),
		'gbp' => array( 2, 30 ),
		'cad' => array( 2, 50 ),
		'aud' => array( 2, 50 ),
		'nzd' => array( 2, 50 ),
		'chf' => array( 2, 50 ),
		'sek' => array( 2, 300 ),
		'nok' => array( 2, 300 ),
		'dkk' => array( 2, 250 ),
		'pln' => array( 2, 200 ),
		'czk' => array( 2, 1500 ),
		'huf' => array( 2, 17500 ),
		'ron' => array( 2, 200 ),
		'bgn' => array( 2, 100 ),
		'inr' => array( 2, 50 ),
		'sgd' => array( 2, 50 ),
		'hkd' => array( 2, 400 ),
		'myr' => array( 2, 200 ),
		'thb' => array( 2, 1000 ),
		'mxn' => array( 2, 1000 ),
		'brl' => array( 2, 50 ),
		'aed' => array( 2, 200 ),
		'jpy' => array( 0, 50 ),
		'bhd' => array( 3, 190 ),
		'jod' => array( 3, 360 ),
		'kwd' => array( 3, 160 ),
		'omr' => array( 3, 200 ),
		'tnd' => array( 3, 1560 ),
	);

	/**
	 * Largest amount Stripe accepts in one charge, in minor units (eight digits).
	 */
	public const MAXIMUM = 99999999;

	/**
	 * Every supported currency.
	 *
	 * @return array<string, array{code: string, decimals: int, minimum: int}>
	 */
	public static function supported(): array {
		$all = array();
		foreach ( self::TABLE as $code => $entry ) {
			$all[ $code ] = array(
				'code'     => $code,
				'decimals' => $entry[0],
				'minimum'  => $entry[1],
			);
		}

		return $all;
	}

	/**
	 * One currency, or null when it is not supported.
	 *
	 * @param string $code ISO 4217 code, any case.
	 * @return array{code: string, decimals: int, minimum: int}|null
	 */
	public static function get( string $code ): ?array {
		$code = strtolower( $code );
		if ( ! isset( self::TABLE[ $code ] ) ) {
			return null;
		}

		return array(
			'code'     => $code,
			'decimals' => self::TABLE[ $code ][0],
			'minimum'  => self::TABLE[ $code ][1],
		);
	}

	/**
	 * Whether an amount in minor units is one Stripe would charge in this currency.
	 *
	 * @param int    $minor Amount in minor units.
	 * @param string $code  Currency code.
	 * @return bool
	 */
	public static function is_chargeable( int $minor, string $code ): bool {
		$currency = self::get( $code );
		if ( null === $currency || $minor < $currency['minimum'] || $minor > self::MAXIMUM ) {
			return false;
		}

		return 3 !== $currency['decimals'] || 0 === $minor % 10;
	}

	/**
	 * Parses a decimal amount as a person types it ("12", "12.5", "12,50") into minor units.
	 *
	 * @param string $decimal Amount text.
	 * @param string $code    Currency code.
	 * @return int|null Null when it is not a plain positive amount with at most the currency's decimals.
	 */
	public static function to_minor( string $decimal, string $code ): ?int {
		$currency = self::get( $code );
		$decimal  = trim( $decimal );
		if ( null === $currency || 1 !== preg_match( '/^(\d{1,9})(?:[.,](\d*))?$/D', $decimal, $parts ) ) {
			return null;
		}
		$fraction = $parts[2] ?? '';
		if ( strlen( $fraction ) > $currency['decimals'] ) {
			return null;
		}

		$minor = (int) $parts[1] * ( 10 ** $currency['decimals'] ) + (int) str_pad( $fraction, $currency['decimals'], '0' );
		return $minor > self::MAXIMUM ? null : $minor;
	}

	/**
	 * An amount as text with the currency's symbol and decimals, in a locale ("$5.00", "5,00 €", "¥500").
	 *
	 * @param int    $minor  Amount in minor units.
	 * @param string $code   Currency code.
	 * @param string $locale Locale, e.g. `en_US` (WordPress's form) or `de-DE`.
	 * @return string
	 */
	public static function format( int $minor, string $code, string $locale ): string {
		$currency = self::get( $code ) ?? array(
			'code'     => strtolower( $code ),
			'decimals' => 2,
		);
		$major    = $minor / ( 10 ** $currency['decimals'] );
		if ( class_exists( NumberFormatter::class ) ) {
			$formatter = new NumberFormatter( str_replace( '-', '_', $locale ), NumberFormatter::CURRENCY );
			$formatter->setAttribute( NumberFormatter::MIN_FRACTION_DIGITS, $currency['decimals'] );
			$formatter->setAttribute( NumberFormatter::MAX_FRACTION_DIGITS, $currency['decimals'] );
			$text = $formatter->formatCurrency( $major, strtoupper( $currency['code'] ) );
			if ( false !== $text ) {
				return $text;
			}
		}

		// Without intl: the amount and the code, which every reader understands.
		return number_format( $major, $currency['decimals'] ) . ' ' . strtoupper( $currency['code'] );
	}
}
