/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { MAX_PINNED, move, pin, unpin } from '../pinned';

describe( 'pinned posts', () => {
	it( 'pins at the end, once, up to the most a feed shows', () => {
		expect( pin( [ 1 ], 2 ) ).toEqual( [ 1, 2 ] );
		expect( pin( [ 1, 2 ], 1 ) ).toEqual( [ 1, 2 ] );
		const full = Array.from( { length: MAX_PINNED }, ( _, i ) => i + 1 );
		expect( pin( full, 99 ) ).toEqual( full );
	} );

	it( 'unpins', () => {
		expect( unpin( [ 1, 2, 3 ], 2 ) ).toEqual( [ 1, 3 ] );
	} );

	it( 'moves up and down, not past either end', () => {
		expect( move( [ 1, 2, 3 ], 1, -1 ) ).toEqual( [ 2, 1, 3 ] );
		expect( move( [ 1, 2, 3 ], 1, 1 ) ).toEqual( [ 1, 3, 2 ] );
		expect( move( [ 1, 2, 3 ], 0, -1 ) ).toEqual( [ 1, 2, 3 ] );
		expect( move( [ 1, 2, 3 ], 2, 1 ) ).toEqual( [ 1, 2, 3 ] );
	} );
} );
