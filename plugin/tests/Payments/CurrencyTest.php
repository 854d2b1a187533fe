<?php
/**
 * Tests the currency table.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Payments;

use Switchboard\Payments\Currency;
use Switchboard\Tests\TestCase;

/**
 * Minor units per currency (two, zero and three decimals), Stripe's minimums, parsing what people type, and
 * formatting with the locale's symbol and decimals.
 */
final class CurrencyTest extends TestCase {

	/**
	 * Typed amounts become minor units with the currency's decimals, and nothing else parses.
	 */
	public function test_to_minor_follows_the_currency_decimals(): void {
		$this->assertSame( 1250, Currency::to_minor( '12.5', 'usd' ) );
		$this->assertSame( 1250, Currency::to_minor( '12,50', 'EUR' ) );
		$this->assertSame( 500, Currency::to_minor( '500', 'jpy' ) );
		$this->assertNull( Currency::to_minor( '500.5', 'jpy' ), 'Yen has no decimals.' );
		$this->assertSame( 12345, Currency::to_minor( '12.345', 'kwd' ) );
		$this->assertNull( Currency::to_minor( '1.234', 'usd' ) );
		foreach ( array( '', '-5', '1e3', '5 usd', '1_000', '1.2.3', '9999999999' ) as $bad ) {
			$this->assertNull( Currency::to_minor( $bad, 'usd' ), $bad );
		}
		$this->assertNull( Currency::to_minor( '5', 'xyz' ) );
	}

	/**
	 * Stripe's minimum and maximum, and three-decimal amounts ending in 0.
	 */
	public function test_chargeable_amounts(): void {
		$this->assertTrue( Currency::is_chargeable( 50, 'usd' ) );
		$this->assertFalse( Currency::is_chargeable( 49, 'usd' ) );
		$this->assertFalse( Currency::is_chargeable( 29, 'gbp' ) );
		$this->assertTrue( Currency::is_chargeable( 30, 'gbp' ) );
		$this->assertTrue( Currency::is_chargeable( 50, 'jpy' ) );
		$this->assertTrue( Currency::is_chargeable( 1000, 'kwd' ) );
		$this->assertFalse( Currency::is_chargeable( 1005, 'kwd' ), 'Stripe refuses three-decimal amounts not ending in 0.' );
		$this->assertFalse( Currency::is_chargeable( Currency::MAXIMUM + 1, 'usd' ) );
		$this->assertFalse( Currency::is_chargeable( 500, 'xyz' ) );
	}

	/**
	 * The locale decides the symbol's place and the separators; the currency decides the decimals.
	 */
	public function test_format_uses_the_locale_and_the_currency_decimals(): void {
		$this->assertSame( '$12.34', Currency::format( 1234, 'usd', 'en_US' ) );
		$this->assertSame( "12,34\u{a0}€", Currency::format( 1234, 'eur', 'de_DE' ) );
		$this->assertStringContainsString( '500', Currency::format( 500, 'jpy', 'en_US' ) );
		$this->assertStringNotContainsString( '.', Currency::format( 500, 'jpy', 'en_US' ) );
		$this->assertStringContainsString( '5.000', Currency::format( 5000, 'kwd', 'en_US' ) );
		$this->assertSame( 2, Currency::supported()['usd']['decimals'] );
		$this->assertSame( 0, Currency::supported()['jpy']['decimals'] );
		$this->assertSame( 3, Currency::supported()['kwd']['decimals'] );
	}
}
