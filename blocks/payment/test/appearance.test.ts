/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { fontSourcesFor } from '../appearance';

describe( 'fontSourcesFor', () => {
	afterEach( () => {
		document.head.innerHTML = '';
		document.body.innerHTML = '';
	} );

	it( "passes the page's font faces for the block's font to the Payment Element, as absolute URLs", () => {
		document.head.innerHTML = `<style>
			@font-face { font-family: "Literata"; src: url("/wp-content/themes/t/fonts/literata.woff2") format("woff2"); font-weight: 400; font-style: normal; }
			@font-face { font-family: "Literata"; src: url("/wp-content/themes/t/fonts/literata-italic.woff2") format("woff2"); font-style: italic; }
			@font-face { font-family: "Other"; src: url("/other.woff2"); }
		</style>`;
		document.body.innerHTML =
			'<div class="wp-block-switchboard-payment" style="font-family: Literata, Georgia, serif"></div>';
		const root = document.querySelector< HTMLElement >(
			'.wp-block-switchboard-payment'
		)!;

		const sources = fontSourcesFor( root );

		expect( sources ).toEqual( [
			{
				family: 'Literata',
				src: `url(${ location.origin }/wp-content/themes/t/fonts/literata.woff2)`,
				display: 'swap',
				weight: '400',
				style: 'normal',
			},
			{
				family: 'Literata',
				src: `url(${ location.origin }/wp-content/themes/t/fonts/literata-italic.woff2)`,
				display: 'swap',
				weight: undefined,
				style: 'italic',
			},
		] );
	} );

	it( 'passes nothing for a system font', () => {
		document.body.innerHTML =
			'<div style="font-family: system-ui, sans-serif"></div>';
		expect(
			fontSourcesFor( document.querySelector< HTMLElement >( 'div' )! )
		).toEqual( [] );
	} );
} );
