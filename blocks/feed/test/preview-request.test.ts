/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	previewRequest,
	slotOf,
	type SlotAttributes,
} from '../preview-request';

const attributes: SlotAttributes = {
	count: 5,
	includeCategories: [ 1 ],
	excludeCategories: [ 2 ],
	includeTags: [ 3 ],
	excludeTags: [ 4 ],
	pinned: [ 9, 8 ],
};

const profile = { category: { '1': 3 }, tag: {}, author: {} };

describe( 'previewRequest', () => {
	it( 'turns the block’s settings into the contract’s slot', () => {
		expect( slotOf( attributes ) ).toEqual( {
			count: 5,
			category: [ 1 ],
			exclude_category: [ 2 ],
			tag: [ 3 ],
			exclude_tag: [ 4 ],
			pinned: [ 9, 8 ],
		} );
	} );

	it( 'asks for the one slot as the sample reader, never listing the post being edited', () => {
		expect( previewRequest( attributes, profile, 42 ) ).toEqual( {
			context: 42,
			exclude: [],
			slots: [ slotOf( attributes ) ],
			profile,
		} );
		expect( previewRequest( attributes, profile, 0 ) ).not.toHaveProperty(
			'context'
		);
	} );
} );
