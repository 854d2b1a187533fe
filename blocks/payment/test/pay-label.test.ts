/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { chosenAmount, fill, payLabel } from '../pay-label';
import type { PaymentContext } from '../types';

/**
 * A context with the fields the label reads.
 *
 * @param values Fields to change.
 * @return The context.
 */
function context( values: Partial< PaymentContext > ): PaymentContext {
	return {
		currency: 'usd',
		decimals: 2,
		locale: 'en-US',
		amount: 500,
		custom: false,
		customText: '',
		buttonText: 'Pay',
		customButton: false,
		...values,
	} as PaymentContext;
}

describe( 'payLabel', () => {
	it( 'says the chosen preset', () => {
		expect( payLabel( context( {} ), 'Pay %s' ) ).toBe( 'Pay $5.00' );
		expect(
			payLabel( context( { currency: 'jpy', decimals: 0 } ), 'Pay %s' )
		).toBe( 'Pay ¥500' );
	} );

	it( 'says a custom amount once it can be read, and just “Pay” before', () => {
		expect(
			payLabel(
				context( { custom: true, customText: '12.34' } ),
				'Pay %s'
			)
		).toBe( 'Pay $12.34' );
		expect(
			payLabel( context( { custom: true, customText: '12.' } ), 'Pay %s' )
		).toBe( 'Pay $12.00' );
		expect(
			payLabel( context( { custom: true, customText: 'x' } ), 'Pay %s' )
		).toBe( 'Pay' );
	} );

	it( 'keeps the editor’s own button text', () => {
		expect(
			payLabel(
				context( { customButton: true, buttonText: 'Donate' } ),
				'Pay %s'
			)
		).toBe( 'Donate' );
	} );

	it( 'fills numbered placeholders too', () => {
		expect( fill( '%1$s zahlen', '5,00 €' ) ).toBe( '5,00 € zahlen' );
		expect( chosenAmount( context( { amount: 0 } ) ) ).toBeNull();
	} );
} );
