/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { categoryIds, categoryNames, missingTagLabel } from '../categories';

const categories = [
	{ id: 3, name: 'News' },
	{ id: 7, name: 'Food & Drink' },
	{ id: 9, name: 'Travel' },
];

describe( 'categoryNames', () => {
	it( 'names stored ids in their stored order', () => {
		expect( categoryNames( [ 9, 3 ], categories ) ).toEqual( [
			'Travel',
			'News',
		] );
	} );

	it( 'labels an id the site no longer has so it can be removed', () => {
		expect( categoryNames( [ 42 ], categories ) ).toEqual( [
			'Category #42 (deleted)',
		] );
	} );
} );

describe( 'categoryIds', () => {
	it( 'maps token names to ids, ignoring case and spaces around them', () => {
		expect(
			categoryIds(
				[ ' news ', { value: 'FOOD & DRINK' } ],
				categories,
				[]
			)
		).toEqual( [ 3, 7 ] );
	} );

	it( 'drops names that are not categories, and repeats', () => {
		expect(
			categoryIds( [ 'Travel', 'Nope', 'travel' ], categories, [] )
		).toEqual( [ 9 ] );
	} );

	it( 'keeps a deleted category while its token stays', () => {
		const tokens = categoryNames( [ 42, 3 ], categories );

		expect( categoryIds( tokens, categories, [ 42, 3 ] ) ).toEqual( [
			42, 3,
		] );
		expect(
			categoryIds( [ tokens[ 1 ] ?? '' ], categories, [ 42, 3 ] )
		).toEqual( [ 3 ] );
	} );
} );

describe( 'tag labels', () => {
	it( 'names a deleted tag as a tag, and reads the label back', () => {
		const tags = [ { id: 21, name: 'soup' } ];

		expect( categoryNames( [ 21, 99 ], tags, missingTagLabel ) ).toEqual( [
			'soup',
			'Tag #99 (deleted)',
		] );
		expect(
			categoryIds(
				[ 'Tag #99 (deleted)', 'SOUP' ],
				tags,
				[ 99 ],
				missingTagLabel
			)
		).toEqual( [ 99, 21 ] );
	} );
} );
