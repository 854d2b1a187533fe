/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { editRenderer, preview } from '../../shared/test-utils/render-edit';
import Edit from '../edit';
import type { FeedAttributes } from '../types';
import { useCategories, type UseCategories } from '../use-categories';

jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( '../../shared/test-utils/block-editor' )
);
jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../../shared/test-utils/server-side-render' )
);

// Categories come from the REST API through core-data; the hook has its own test.
jest.mock( '../use-categories', () => ( { useCategories: jest.fn() } ) );
const mockedUseCategories = jest.mocked( useCategories );

const loaded: UseCategories = {
	isLoading: false,
	categories: [
		{ id: 3, name: 'News' },
		{ id: 7, name: 'Food & Drink' },
		{ id: 9, name: 'Travel' },
	],
};

const defaults: FeedAttributes = {
	heading: '',
	count: 6,
	layout: 'list',
	showImage: true,
	showExcerpt: true,
	showDate: true,
	showAuthor: false,
	showCategory: false,
	includeCategories: [],
	excludeCategories: [],
	fallback: 'recent',
};

const { renderEdit, setAttributes } = editRenderer( Edit, defaults );

describe( 'feed block editor', () => {
	beforeEach( () => {
		setAttributes.mockClear();
		mockedUseCategories.mockReturnValue( loaded );
	} );

	it( 'stores the heading as typed', () => {
		renderEdit();

		fireEvent.change( screen.getByRole( 'textbox', { name: 'Heading' } ), {
			target: { value: 'From the kitchen' },
		} );

		expect( setAttributes ).toHaveBeenCalledWith( {
			heading: 'From the kitchen',
		} );
	} );

	it( 'stores the number of posts as a number within 1 to 12', () => {
		renderEdit();
		const field = screen.getByRole( 'spinbutton', {
			name: 'Number of posts',
		} );

		fireEvent.change( field, { target: { value: '9' } } );
		fireEvent.change( field, { target: { value: '40' } } );

		expect( setAttributes.mock.calls ).toEqual( [
			[ { count: 9 } ],
			[ { count: 12 } ],
		] );
	} );

	it( 'offers the layouts and fallbacks block.json allows', () => {
		renderEdit();

		fireEvent.change( screen.getByRole( 'combobox', { name: 'Layout' } ), {
			target: { value: 'grid' },
		} );
		fireEvent.change( screen.getByRole( 'combobox', { name: 'Show' } ), {
			target: { value: 'popular' },
		} );

		expect( setAttributes ).toHaveBeenCalledWith( { layout: 'grid' } );
		expect( setAttributes ).toHaveBeenCalledWith( { fallback: 'popular' } );
	} );

	it( 'turns display options on and off as booleans', () => {
		renderEdit();

		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Show author' } )
		);
		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Show date' } )
		);

		expect( setAttributes ).toHaveBeenCalledWith( { showAuthor: true } );
		expect( setAttributes ).toHaveBeenCalledWith( { showDate: false } );
	} );

	it( 'disables image and excerpt options in the compact layout, which shows neither', () => {
		renderEdit( { layout: 'compact' } );

		expect(
			screen.getByRole( 'checkbox', { name: 'Show featured image' } )
		).toHaveProperty( 'disabled', true );
		expect(
			screen.getByRole( 'checkbox', { name: 'Show excerpt' } )
		).toHaveProperty( 'disabled', true );
		expect(
			screen.getByRole( 'checkbox', { name: 'Show date' } )
		).toHaveProperty( 'disabled', false );
	} );

	it( 'shows stored categories by name', () => {
		renderEdit( { includeCategories: [ 7 ], excludeCategories: [ 42 ] } );

		expect( screen.queryByText( 'Food & Drink' ) ).not.toBeNull();
		expect( screen.queryByText( 'Category #42 (deleted)' ) ).not.toBeNull();
	} );

	it( 'stores a chosen category as its id', () => {
		renderEdit( { includeCategories: [ 3 ] } );

		const field = screen.getByRole( 'combobox', {
			name: 'Only from categories',
		} );
		fireEvent.change( field, { target: { value: 'travel' } } );
		fireEvent.keyDown( field, { key: 'Enter' } );

		expect( setAttributes ).toHaveBeenCalledWith( {
			includeCategories: [ 3, 9 ],
		} );
	} );

	it( 'refuses a name that is not a category', () => {
		renderEdit();

		const field = screen.getByRole( 'combobox', {
			name: 'Never from categories',
		} );
		fireEvent.change( field, { target: { value: 'Unknown' } } );
		fireEvent.keyDown( field, { key: 'Enter' } );

		expect( setAttributes ).not.toHaveBeenCalled();
	} );

	it( 'waits for the categories before offering them', () => {
		mockedUseCategories.mockReturnValue( {
			isLoading: true,
			categories: [],
		} );

		renderEdit();

		expect(
			screen.queryByRole( 'combobox', { name: 'Only from categories' } )
		).toBeNull();
	} );

	it( 'previews the server rendering of this block with its attributes', () => {
		renderEdit( { layout: 'grid' } );

		expect( preview( 'layout' ) ).toEqual( {
			block: 'switchboard/feed',
			layout: 'grid',
		} );
	} );
} );
