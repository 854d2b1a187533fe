/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { mergeLists, personalRequest, slotBlocks } from '../slots';
import { block, item } from './fixtures';

const ids = ( list: Array< { id: number } > ) => list.map( ( i ) => i.id );

describe( 'personalRequest', () => {
	it( 'asks for one slot per personalizing block, in document order, as long as its server list', () => {
		const blocks = [ block( [ 1, 2, 3 ] ), block( [ 4, 5 ] ) ];

		expect( personalRequest( blocks, 'V'.repeat( 22 ), 42 ) ).toEqual( {
			visitor: 'V'.repeat( 22 ),
			context: 42,
			exclude: [],
			slots: [
				{ ...blocks[ 0 ].slot, count: 3 },
				{ ...blocks[ 1 ].slot, count: 2 },
			],
		} );
	} );

	it( 'leaves out the context off single posts, and excludes the posts of blocks that keep their list', () => {
		const request = personalRequest(
			[ block( [ 1, 2 ], false ), block( [ 3 ] ), block( [] ) ],
			'V'.repeat( 22 ),
			0
		);

		expect( request ).not.toHaveProperty( 'context' );
		expect( request.exclude ).toEqual( [ 1, 2 ] );
		expect( request.slots ).toHaveLength( 1 );
	} );

	it( 'takes at most six blocks; the others keep their server list', () => {
		const blocks = Array.from( { length: 8 }, ( _, i ) =>
			block( [ i + 1 ] )
		);

		expect( slotBlocks( blocks ) ).toEqual( [ 0, 1, 2, 3, 4, 5 ] );
		expect(
			personalRequest( blocks, 'V'.repeat( 22 ), 0 ).exclude
		).toEqual( [ 7, 8 ] );
	} );
} );

describe( 'mergeLists', () => {
	it( 'shows the answer, filling a short answer from the server list to the same length', () => {
		const blocks = [ block( [ 1, 2, 3 ] ) ];

		const [ list ] = mergeLists( blocks, [
			[ item( 9, { reason: 'R' } ) ],
		] );

		expect( ids( list ) ).toEqual( [ 9, 1, 2 ] );
		expect( list[ 0 ].reason ).toBe( 'R' );
	} );

	it( 'never repeats a post across blocks, filling from other blocks’ server posts, never beyond the server list’s length', () => {
		const blocks = [
			block( [ 1, 2 ] ),
			block( [ 3, 4 ], false ),
			block( [ 5, 6 ] ),
		];

		const lists = mergeLists( blocks, [
			[ item( 5 ), item( 7 ), item( 8 ) ],
			[ item( 7 ), item( 3 ) ],
		] );

		// Block three: 7 and 3 are shown above, 5 too; its own 6, then block one's unused 1.
		expect( lists.map( ids ) ).toEqual( [
			[ 5, 7 ],
			[ 3, 4 ],
			[ 6, 1 ],
		] );
	} );

	it( 'keeps the server lists for missing slots', () => {
		expect( mergeLists( [ block( [ 1, 2 ] ) ], [] ).map( ids ) ).toEqual( [
			[ 1, 2 ],
		] );
	} );
} );
