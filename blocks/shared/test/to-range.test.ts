/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { toRange } from '../editor/to-range';

describe( 'toRange', () => {
	it( 'keeps a whole number within the bounds', () => {
		expect( toRange( 7, 1, 20, 10 ) ).toBe( 7 );
	} );

	it( 'clamps to the bounds', () => {
		expect( toRange( 0, 1, 20, 10 ) ).toBe( 1 );
		expect( toRange( 99, 1, 20, 10 ) ).toBe( 20 );
	} );

	it( 'rounds a typed fraction', () => {
		expect( toRange( 4.6, 1, 20, 10 ) ).toBe( 5 );
	} );

	it( 'uses the fallback when the field was cleared or is not a number', () => {
		expect( toRange( undefined, 1, 20, 10 ) ).toBe( 10 );
		expect( toRange( Number.NaN, 1, 20, 10 ) ).toBe( 10 );
	} );
} );
