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
import type { SearchAttributes } from '../types';

jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( '../../shared/test-utils/block-editor' )
);
jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../../shared/test-utils/server-side-render' )
);

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
};

const { renderEdit, setAttributes } = editRenderer( Edit, defaults );

describe( 'search block editor', () => {
	beforeEach( () => {
		setAttributes.mockClear();
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

	it( 'previews the results of a sample search without saving it', () => {
		renderEdit();

		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Preview results for' } ),
			{ target: { value: '  apple   pie ' } }
		);

		expect( preview( 'perPage' ) ).toMatchObject( {
			urlQueryArgs: { q: 'apple pie' },
		} );
		expect( setAttributes ).not.toHaveBeenCalled();
	} );
} );
