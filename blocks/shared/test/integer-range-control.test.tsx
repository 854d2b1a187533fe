/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { IntegerRangeControl } from '../editor/integer-range-control';

/**
 * Renders the control for 1 to 20 with a fallback of 10, and types each value into its number field.
 *
 * @param typed The values to type, one after another.
 * @return What the control reported for each.
 */
function reportsFor( ...typed: string[] ): unknown[] {
	const onChange = jest.fn< ( value: number ) => void >();
	render(
		<IntegerRangeControl
			label="Posts"
			min={ 1 }
			max={ 20 }
			fallback={ 10 }
			value={ 5 }
			onChange={ onChange }
		/>
	);
	const field = screen.getByRole( 'spinbutton', { name: 'Posts' } );
	for ( const value of typed ) {
		fireEvent.change( field, { target: { value } } );
	}
	return onChange.mock.calls.map( ( [ value ] ) => value );
}

describe( 'IntegerRangeControl', () => {
	it( 'shows the stored value', () => {
		reportsFor();

		expect(
			screen.getByRole( 'spinbutton', { name: 'Posts' } )
		).toHaveProperty( 'value', '5' );
	} );

	it( 'reports a typed number within its bounds as it is', () => {
		expect( reportsFor( '15' ) ).toEqual( [ 15 ] );
	} );

	it( 'reports a number out of bounds as the nearest bound', () => {
		expect( reportsFor( '35', '0' ) ).toEqual( [ 20, 1 ] );
	} );

	it( 'reports a typed fraction as the nearest whole number', () => {
		expect( reportsFor( '4.6', '7.2' ) ).toEqual( [ 5, 7 ] );
	} );
} );
