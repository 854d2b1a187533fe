/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	amountText,
	formatAmount,
	parseAmount,
	toLanguageTag,
} from '../amount';

describe( 'formatAmount', () => {
	it( 'writes two-, zero- and three-decimal currencies with Stripe’s decimals', () => {
		expect( formatAmount( 500, 'usd', 2, 'en_US' ) ).toBe( '$5.00' );
		expect( formatAmount( 500, 'jpy', 0, 'en_US' ) ).toBe( '¥500' );
		expect( formatAmount( 5000, 'kwd', 3, 'en_US' ) ).toMatch(
			/^KWD\s5\.000$/
		);
	} );

	it( 'follows the locale’s separators and symbol position', () => {
		expect( formatAmount( 123456, 'eur', 2, 'de_DE' ) ).toMatch(
			/^1\.234,56\s€$/
		);
	} );

	it( 'falls back to the number and the code for an unknown currency', () => {
		expect( formatAmount( 500, 'not a code', 2, 'en' ) ).toBe(
			'5.00 NOT A CODE'
		);
	} );
} );

describe( 'amountText', () => {
	it( 'is the decimal text an input shows, without grouping', () => {
		expect( amountText( 123456, 2, 'en_US' ) ).toBe( '1234.56' );
		expect( amountText( 123456, 2, 'de_DE' ) ).toBe( '1234,56' );
		expect( amountText( 500, 0, 'en_US' ) ).toBe( '500' );
		expect( amountText( 5000, 3, 'en_US' ) ).toBe( '5.000' );
	} );
} );

describe( 'parseAmount', () => {
	it.each( [
		[ '5', 2, 'en_US', 500 ],
		[ '5.5', 2, 'en_US', 550 ],
		[ '12,50', 2, 'en_US', 1250 ],
		[ '1,000', 2, 'en_US', 100000 ],
		[ '1,234.56', 2, 'en_US', 123456 ],
		[ '$ 25.00', 2, 'en_US', 2500 ],
		[ '12,5', 2, 'de_DE', 1250 ],
		[ '1.000', 2, 'de_DE', 100000 ],
		[ '1.234,56 €', 2, 'de_DE', 123456 ],
		[ '1 234,56', 2, 'fr_FR', 123456 ],
		[ '500', 0, 'ja', 500 ],
		[ '¥1,000', 0, 'en_US', 1000 ],
		[ '5.25', 3, 'en_US', 5250 ],
		[ '5.125', 3, 'en_US', 5125 ],
		[ '0.5', 2, 'en_US', 50 ],
	] )(
		'reads “%s” (%i decimals, %s) as %i',
		( text, decimals, locale, minor ) => {
			expect( parseAmount( text, decimals, locale ) ).toBe( minor );
		}
	);

	it.each( [
		[ '', 2 ],
		[ 'abc', 2 ],
		[ '-5', 2 ],
		[ '0', 2 ],
		[ '5.123', 2 ],
		[ '1.5', 0 ],
		[ '1000000000', 2 ],
	] )( 'refuses “%s” with %i decimals', ( text, decimals ) => {
		expect( parseAmount( text, decimals, 'en_US' ) ).toBeNull();
	} );

	it( 'reads back what it formats', () => {
		for ( const [ minor, decimals, locale ] of [
			[ 123456, 2, 'de_DE' ],
			[ 99, 2, 'en_US' ],
			[ 5000, 3, 'ar' ],
			[ 77, 0, 'fr_FR' ],
		] as const ) {
			expect(
				parseAmount(
					amountText( minor, decimals, locale ),
					decimals,
					locale
				)
			).toBe( minor );
		}
	} );
} );

describe( 'toLanguageTag', () => {
	it( 'turns WordPress locales into BCP 47 tags', () => {
		expect( toLanguageTag( 'en_US' ) ).toBe( 'en-US' );
		expect( toLanguageTag( 'de_DE_formal' ) ).toBe( 'de-DE' );
		expect( toLanguageTag( '' ) ).toBeUndefined();
		expect( toLanguageTag( 'not a locale!' ) ).toBeUndefined();
	} );
} );
