/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { editRenderer, preview } from '../../shared/test-utils/render-edit';
import Edit from '../edit';
import type { FeedAttributes } from '../types';
import { useCategories, useTerms, type UseCategories } from '../use-categories';
import { useSampleProfiles } from '../use-sample-profiles';
import { usePostTitles } from '../use-post-titles';
import { item } from './fixtures';

jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( '../../shared/test-utils/block-editor' )
);
jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../../shared/test-utils/server-side-render' )
);

// Terms come from the REST API through core-data; the hook has its own test.
jest.mock( '../use-categories', () => ( {
	useCategories: jest.fn(),
	useTerms: jest.fn(),
} ) );
const mockedUseCategories = jest.mocked( useCategories );
const mockedUseTerms = jest.mocked( useTerms );
jest.mock( '../use-sample-profiles', () => ( {
	useSampleProfiles: jest.fn(),
} ) );
const mockedUseSampleProfiles = jest.mocked( useSampleProfiles );
jest.mock( '../use-post-titles', () => ( { usePostTitles: jest.fn() } ) );
const mockedUsePostTitles = jest.mocked( usePostTitles );
// The preview and the post search go through apiFetch; each test says what it answers.
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const mockedApiFetch = jest.mocked( apiFetch );

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
	showReason: true,
	includeCategories: [],
	excludeCategories: [],
	includeTags: [],
	excludeTags: [],
	pinned: [],
	fallback: 'recent',
	personalize: true,
};

const tags: UseCategories = {
	isLoading: false,
	categories: [ { id: 21, name: 'soup' } ],
};

const readerOfNews = {
	id: 'category-3',
	label: 'A reader of News',
	profile: { category: { '3': 3 }, tag: {}, author: {} },
};

/** Lets pending promises settle inside React's act(). */
async function settle() {
	await act( async () => {
		for ( let i = 0; i < 5; i++ ) {
			await Promise.resolve();
		}
	} );
}

const { renderEdit, setAttributes } = editRenderer( Edit, defaults );

describe( 'feed block editor', () => {
	beforeEach( () => {
		setAttributes.mockClear();
		mockedApiFetch.mockReset();
		mockedUseCategories.mockReturnValue( loaded );
		mockedUseTerms.mockReturnValue( tags );
		mockedUseSampleProfiles.mockReturnValue( {
			profiles: [ readerOfNews ],
			error: '',
		} );
		mockedUsePostTitles.mockReturnValue(
			new Map( [
				[ 11, 'Eleven' ],
				[ 12, 'Twelve' ],
			] )
		);
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

	it( 'stores chosen tags as ids, and shows a deleted one by its id', () => {
		renderEdit( { excludeTags: [ 99 ] } );

		expect( screen.queryByText( 'Tag #99 (deleted)' ) ).not.toBeNull();
		const field = screen.getByRole( 'combobox', {
			name: 'Only with tags',
		} );
		fireEvent.change( field, { target: { value: 'Soup' } } );
		fireEvent.keyDown( field, { key: 'Enter' } );

		expect( setAttributes ).toHaveBeenCalledWith( { includeTags: [ 21 ] } );
	} );

	it( 'turns personalization and reasons on and off', () => {
		renderEdit();

		fireEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Personalize for each reader',
			} )
		);
		fireEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Show why each post is listed',
			} )
		);

		expect( setAttributes ).toHaveBeenCalledWith( { personalize: false } );
		expect( setAttributes ).toHaveBeenCalledWith( { showReason: false } );
	} );

	it( 'lists pinned posts in order, to move and unpin', () => {
		renderEdit( { pinned: [ 11, 12 ] } );

		const list = screen.getByRole( 'list', { name: 'Pinned posts' } );
		expect( list.textContent ).toContain( 'Eleven' );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Move Twelve up' } )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Unpin Eleven' } )
		);

		expect( setAttributes.mock.calls ).toEqual( [
			[ { pinned: [ 12, 11 ] } ],
			[ { pinned: [ 12 ] } ],
		] );
		expect(
			screen.getByRole( 'button', { name: 'Move Eleven up' } )
		).toHaveProperty( 'ariaDisabled', 'true' );
	} );

	it( 'pins a post found by searching', async () => {
		// jsdom lays nothing out; the suggestions list scrolls the selected one into view.
		Element.prototype.scrollIntoView = jest.fn();
		jest.useFakeTimers();
		mockedApiFetch.mockResolvedValue( [
			{ id: 30, title: 'Soup &amp; bread' },
		] );
		renderEdit( { pinned: [ 11 ] } );

		const field = screen.getByRole( 'combobox', { name: 'Pin a post' } );
		fireEvent.focus( field );
		fireEvent.change( field, { target: { value: 'soup' } } );
		act( () => {
			jest.advanceTimersByTime( 300 );
		} );
		await settle();
		jest.useRealTimers();
		fireEvent.click(
			screen.getByRole( 'option', { name: 'Soup & bread' } )
		);

		expect( mockedApiFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			'/wp/v2/search?search=soup&type=post&subtype=post&per_page=10&_fields=id%2Ctitle'
		);
		expect( setAttributes ).toHaveBeenCalledWith( { pinned: [ 11, 30 ] } );
	} );

	it( 'previews as a sample reader through the preview route, with reasons', async () => {
		mockedApiFetch.mockResolvedValue( {
			request_id: 'f_1',
			mode: 'personalized',
			slots: [
				{
					items: [
						item( 5, {
							title: 'Harbour',
							reason: 'Because you read News',
						} ),
					],
				},
			],
		} );
		renderEdit( { includeTags: [ 21 ], pinned: [ 11 ], count: 4 } );

		expect(
			screen
				.getAllByRole( 'option' )
				.map( ( option ) => option.textContent )
		).toEqual(
			expect.arrayContaining( [ 'A new visitor', 'A reader of News' ] )
		);
		fireEvent.change(
			screen.getByRole( 'combobox', { name: 'Preview as' } ),
			{
				target: { value: 'category-3' },
			}
		);
		await settle();

		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/switchboard/v1/feed/preview',
			method: 'POST',
			data: {
				exclude: [],
				slots: [
					{
						count: 4,
						category: [],
						exclude_category: [],
						tag: [ 21 ],
						exclude_tag: [],
						pinned: [ 11 ],
					},
				],
				profile: readerOfNews.profile,
			},
		} );
		expect( screen.queryByText( 'Harbour' ) ).not.toBeNull();
		expect( screen.queryByText( 'Because you read News' ) ).not.toBeNull();
		expect( screen.queryByTestId( 'preview' ) ).toBeNull();
	} );

	it( 'says so when the personalized preview fails, instead of a blank box', async () => {
		mockedApiFetch.mockRejectedValue( {
			message: 'The feed service is unavailable.',
		} );
		renderEdit();

		fireEvent.change(
			screen.getByRole( 'combobox', { name: 'Preview as' } ),
			{
				target: { value: 'category-3' },
			}
		);
		await settle();

		expect(
			screen.queryByText(
				'The personalized preview is not available: The feed service is unavailable.',
				{ selector: '.components-notice__content' }
			)
		).not.toBeNull();
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
