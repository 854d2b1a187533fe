/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import Edit from '../edit';
import type { SearchAttributes } from '../types';

// The inspector is a slot filled only inside a full editor; here its controls render in place.
jest.mock( '@wordpress/block-editor', () => ( {
	InspectorControls: ( { children }: { children: ReactNode } ) => children,
	useBlockProps: ( props = {} ) => props,
} ) );

// The preview fetches the server's rendering; here it shows what it was asked to render.
jest.mock( '@wordpress/server-side-render', () => ( {
	__esModule: true,
	default: ( props: {
		block: string;
		attributes: Record< string, unknown >;
		urlQueryArgs: Record< string, string >;
	} ) => (
		<output data-testid="preview">
			{ JSON.stringify( {
				block: props.block,
				perPage: props.attributes.perPage,
				urlQueryArgs: props.urlQueryArgs,
			} ) }
		</output>
	),
} ) );

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

const setAttributes =
	jest.fn< BlockEditProps< SearchAttributes >[ 'setAttributes' ] >();

function renderEdit( attributes: Partial< SearchAttributes > = {} ) {
	return render(
		<Edit
			attributes={ { ...defaults, ...attributes } }
			setAttributes={ setAttributes }
			clientId="client-id"
			className=""
			isSelected
			context={ {} }
		/>
	);
}

function preview(): Record< string, unknown > {
	return JSON.parse( screen.getByTestId( 'preview' ).textContent ?? '{}' );
}

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

		expect( preview() ).toEqual( {
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

		expect( preview() ).toMatchObject( {
			urlQueryArgs: { q: 'apple pie' },
		} );
		expect( setAttributes ).not.toHaveBeenCalled();
	} );
} );
