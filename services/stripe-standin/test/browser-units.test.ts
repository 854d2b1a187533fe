/**
 * The browser side's pure parts, without a browser: card rules with Stripe's codes and messages, the
 * Appearance API's variables, Stripe's form encoding, and the pages' escaping.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { intentIdOf } from '../src/browser/client/api-client';
import { formEncode } from '../src/browser/client/form-encode';
import {
	appearanceProperties,
	directionOf,
	fontFaceCss,
	themeName,
} from '../src/browser/frame/appearance';
import {
	cvcError,
	detectBrand,
	expiryError,
	formatExpiry,
	formatNumber,
	numberError,
	passesLuhn,
} from '../src/browser/frame/card';
import { challengePage, escapeHtml } from '../src/browser/pages';

const JUNE_2030 = new Date( Date.UTC( 2030, 5, 15 ) );

describe( 'card rules', () => {
	it( 'detects brands and formats numbers in the groups printed on cards', () => {
		assert.equal( detectBrand( '4242' ), 'visa' );
		assert.equal( detectBrand( '5555' ), 'mastercard' );
		assert.equal( detectBrand( '2223' ), 'mastercard' );
		assert.equal( detectBrand( '3782' ), 'amex' );
		assert.equal( detectBrand( '6011' ), 'discover' );
		assert.equal( detectBrand( '9999' ), 'unknown' );
		assert.equal(
			formatNumber( '4242424242424242' ),
			'4242 4242 4242 4242'
		);
		assert.equal( formatNumber( '378282246310005' ), '3782 822463 10005' );
		assert.equal( formatNumber( '42424' ), '4242 4' );
	} );

	it( 'checks numbers with Stripe codes and messages', () => {
		assert.equal( passesLuhn( '4242424242424242' ), true );
		assert.equal( passesLuhn( '4242424242424241' ), false );
		assert.equal( numberError( '4242424242424242' ), null );
		assert.deepEqual( numberError( '42424242' ), {
			field: 'number',
			code: 'incomplete_number',
			message: 'Your card number is incomplete.',
		} );
		assert.deepEqual( numberError( '4242424242424241' ), {
			field: 'number',
			code: 'invalid_number',
			message: 'Your card number is invalid.',
		} );
		assert.equal( numberError( '378282246310005' ), null );
	} );

	it( 'formats the expiry as MM / YY and checks it against the given date', () => {
		assert.equal( formatExpiry( '1234' ), '12 / 34' );
		assert.equal( formatExpiry( '4' ), '04' );
		assert.equal( formatExpiry( '12 / 3' ), '12 / 3' );
		assert.equal( expiryError( '12 / 34', JUNE_2030 ), null );
		assert.equal(
			expiryError( '12 / 3', JUNE_2030 )?.message,
			"Your card's expiration date is incomplete."
		);
		assert.deepEqual( expiryError( '12 / 29', JUNE_2030 ), {
			field: 'expiry',
			code: 'invalid_expiry_year_past',
			message: "Your card's expiration year is in the past.",
		} );
		assert.equal(
			expiryError( '05 / 30', JUNE_2030 )?.code,
			'invalid_expiry_month_past'
		);
		assert.equal(
			expiryError( '13 / 31', JUNE_2030 )?.code,
			'invalid_expiry_month'
		);
	} );

	it( 'wants four CVC digits for American Express and three otherwise', () => {
		assert.equal( cvcError( '123', 'visa' ), null );
		assert.equal( cvcError( '123', 'amex' )?.code, 'incomplete_cvc' );
		assert.equal(
			cvcError( '12', 'visa' )?.message,
			"Your card's security code is incomplete."
		);
	} );
} );

describe( 'appearance', () => {
	it( "puts the merchant's variables over the theme's and refuses values that break out of CSS", () => {
		const properties = appearanceProperties( {
			theme: 'night',
			variables: {
				colorPrimary: '#ff5500',
				borderRadius: '12px',
				colorText: 'red; } body { display: none',
			},
		} );
		assert.equal( properties[ '--colorPrimary' ], '#ff5500' );
		assert.equal( properties[ '--borderRadius' ], '12px' );
		assert.equal( properties[ '--colorBackground' ], '#30313d' );
		assert.equal( properties[ '--colorText' ], '#ffffff' );
		assert.equal( themeName( { theme: 'flat' } ), 'flat' );
		assert.equal( themeName( {} ), 'stripe' );
	} );

	it( 'lays right-to-left languages out right to left', () => {
		assert.equal( directionOf( 'ar' ), 'rtl' );
		assert.equal( directionOf( 'he-IL' ), 'rtl' );
		assert.equal( directionOf( 'fr' ), 'ltr' );
		assert.equal( directionOf( 'auto' ), 'ltr' );
	} );
} );

describe( 'requests and pages', () => {
	it( "encodes parameters with Stripe's bracketed nesting", () => {
		assert.equal(
			formEncode( {
				type: 'card',
				card: { number: '4242', exp_month: 12 },
				billing_details: { address: { country: 'US' } },
				expand: [ 'latest_charge' ],
				skipped: undefined,
			} ),
			'type=card&card%5Bnumber%5D=4242&card%5Bexp_month%5D=12&billing_details%5Baddress%5D%5Bcountry%5D=US&expand%5B0%5D=latest_charge'
		);
	} );

	it( 'reads the intent id from a client secret', () => {
		assert.equal( intentIdOf( 'pi_123abc_secret_XYZ' ), 'pi_123abc' );
		assert.equal( intentIdOf( 'seti_1_secret_2' ), null );
	} );

	it( 'escapes what it prints into the 3-D Secure page', () => {
		assert.equal(
			escapeHtml( `"<a href='x'>&` ),
			'&quot;&lt;a href=&#39;x&#39;&gt;&amp;'
		);
		const page = challengePage( {
			intentId: 'pi_1',
			clientSecret: 'pi_1_secret_"><script>',
			challengeJs: '/x.js',
		} );
		assert.ok( ! page.includes( '"><script>' ) );
		assert.match( page, /<button[^>]*>Complete authentication<\/button>/ );
		assert.match( page, /<button[^>]*>Fail authentication<\/button>/ );
	} );
} );

describe( 'custom fonts in the frame', () => {
	it( 'declares each font source with @font-face', () => {
		assert.equal(
			fontFaceCss( [
				{
					family: 'Literata',
					src: 'url(https://news.example/fonts/literata.woff2) format("woff2")',
					weight: '400',
					style: 'italic',
				},
			] ),
			'@font-face { font-family: "Literata"; src: url(https://news.example/fonts/literata.woff2) format("woff2"); font-display: swap; font-style: italic; font-weight: 400; }'
		);
	} );

	it( 'writes nothing a font source could smuggle into the stylesheet', () => {
		assert.equal(
			fontFaceCss( [
				{ family: 'X', src: 'url(javascript:alert(1))' },
				{
					family: 'X',
					src: 'url(https://a.example/x.woff2); } body { display: none',
				},
				{
					family: 'X"; } body {',
					src: 'url(https://a.example/x.woff2)',
				},
			] ),
			''
		);
	} );
} );
