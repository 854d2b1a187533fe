/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { editRenderer, preview } from '../../shared/test-utils/render-edit';
import Edit from '../edit';
import type { SearchAttributes } from '../types';

jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( '../../shared/test-utils/block-editor' )
);
jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../../shared/test-utils/server-side-render' )
);
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const fetchMock = apiFetch as unknown as jest.Mock<
	( options: { path: string; parse: boolean } ) => Promise< unknown >
>;

/**
 * What the gateway's route answers, as apiFetch resolves it with `parse: false`.
 *
 * @param total    Results found.
 * @param fallback Whether WordPress's fallback answered.
 */
function gatewayResponse( total: number, fallback: boolean ) {
	return {
		headers: {
			get: ( name: string ) =>
				name === 'X-Switchboard-Fallback' && fallback ? 'native' : null,
		},
		json: async () => ( { results: [], total, page: 1, pages: 1 } ),
	};
}

/**
 * The text of the notice in the block, once it is there.
 *
 * @return The text.
 */
async function noticeText(): Promise< string > {
	let text = '';
	await waitFor( () => {
		const notice = document.querySelector( '.components-notice__content' );
		expect( notice ).not.toBeNull();
		text = notice?.textContent ?? '';
	} );
	return text;
}

/**
 * Types a sample search into the preview field and lets the status request settle.
 *
 * @param text What to type.
 */
async function previewSearch( text: string ) {
	await act( async () => {
		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Preview results for' } ),
			{ target: { value: text } }
		);
	} );
}

const defaults: SearchAttributes = {
	label: '',
	placeholder: '',
	buttonText: '',
	showLabel: true,
	perPage: 10,
	showExcerpt: true,
	showDate: true,
	showPostType: false,
	showImage: false,
	instant: false,
	facets: [ 'category', 'post_tag', 'type', 'date' ],
};

const { renderEdit, setAttributes } = editRenderer( Edit, defaults );

describe( 'search block editor', () => {
	beforeEach( () => {
		setAttributes.mockClear();
		fetchMock.mockReset();
	} );

	it( 'stores the label as typed', () => {
		renderEdit();

		fireEvent.change( screen.getByRole( 'textbox', { name: 'Label' } ), {
			target: { value: 'Find a recipe' },
		} );

		expect( setAttributes ).toHaveBeenCalledWith( {
			label: 'Find a recipe',
		} );
	} );

	it( 'stores the button text and placeholder', () => {
		renderEdit();

		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Button text' } ),
			{
				target: { value: 'Go' },
			}
		);
		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Placeholder' } ),
			{
				target: { value: 'e.g. soup' },
			}
		);

		expect( setAttributes ).toHaveBeenCalledWith( { buttonText: 'Go' } );
		expect( setAttributes ).toHaveBeenCalledWith( {
			placeholder: 'e.g. soup',
		} );
	} );

	it( 'turns each display option on and off as a boolean', () => {
		renderEdit( { showLabel: true, showPostType: false } );

		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Show label' } )
		);
		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Show content type' } )
		);

		expect( setAttributes ).toHaveBeenCalledWith( { showLabel: false } );
		expect( setAttributes ).toHaveBeenCalledWith( { showPostType: true } );
	} );

	it( 'stores results per page as a number within 1 to 20', () => {
		renderEdit();
		const field = screen.getByRole( 'spinbutton', {
			name: 'Results per page',
		} );

		fireEvent.change( field, { target: { value: '15' } } );
		fireEvent.change( field, { target: { value: '35' } } );

		expect( setAttributes.mock.calls ).toEqual( [
			[ { perPage: 15 } ],
			[ { perPage: 20 } ],
		] );
	} );

	it( 'previews the server rendering of this block with its attributes', () => {
		renderEdit( { perPage: 4 } );

		expect( preview( 'perPage' ) ).toEqual( {
			block: 'switchboard/search',
			perPage: 4,
			urlQueryArgs: {},
		} );
	} );

	it( 'previews the results of a sample search without saving it', async () => {
		fetchMock.mockResolvedValue( gatewayResponse( 2, false ) );
		renderEdit();

		await previewSearch( '  apple   pie ' );

		expect( preview( 'perPage' ) ).toMatchObject( {
			urlQueryArgs: { q: 'apple pie' },
		} );
		expect( setAttributes ).not.toHaveBeenCalled();
	} );

	it( 'asks the gateway for the sample search and says the service answered', async () => {
		fetchMock.mockResolvedValue( gatewayResponse( 3, false ) );
		renderEdit( { perPage: 4 } );

		await previewSearch( 'apple pie' );

		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		const [ options ] = fetchMock.mock.calls[ 0 ];
		expect( options.path ).toBe(
			'/switchboard/v1/search?q=apple+pie&per_page=4'
		);
		expect( options.parse ).toBe( false );
		expect( await noticeText() ).toBe(
			'The search service found 3 results.'
		);
	} );

	it( 'warns when WordPress’s fallback answered instead of the service', async () => {
		fetchMock.mockResolvedValue( gatewayResponse( 1, true ) );
		renderEdit();

		await previewSearch( 'apple' );

		expect( await noticeText() ).toMatch(
			/^The search service is unavailable: visitors get WordPress’s basic search results/
		);
	} );

	it( 'says so when the search cannot be reached at all', async () => {
		fetchMock.mockRejectedValue( new Error( 'offline' ) );
		renderEdit();

		await previewSearch( 'apple' );

		expect( await noticeText() ).toMatch( /^Search could not be reached/ );
	} );

	it( 'asks nothing without a sample search', () => {
		renderEdit();

		expect( fetchMock ).not.toHaveBeenCalled();
		expect( document.querySelector( '.components-notice' ) ).toBeNull();
	} );

	it( 'turns instant search on', () => {
		renderEdit();

		fireEvent.click(
			screen.getByRole( 'checkbox', { name: 'Search as you type' } )
		);

		expect( setAttributes ).toHaveBeenCalledWith( { instant: true } );
	} );

	it( 'stores the shown facets in display order', () => {
		renderEdit( { facets: [ 'date', 'category' ] } );

		const tag = screen.getByRole( 'checkbox', { name: 'Tag' } );
		expect( ( tag as HTMLInputElement ).checked ).toBe( false );
		fireEvent.click( screen.getByRole( 'checkbox', { name: 'Author' } ) );
		fireEvent.click( screen.getByRole( 'checkbox', { name: 'Category' } ) );

		expect( setAttributes.mock.calls ).toEqual( [
			[ { facets: [ 'category', 'author', 'date' ] } ],
			[ { facets: [ 'date' ] } ],
		] );
	} );
} );
