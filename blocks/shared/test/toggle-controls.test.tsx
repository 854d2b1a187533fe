/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import type { AttributeNameOf } from '../editor/attribute-fields';
import { ToggleControls, type Toggles } from '../editor/toggle-controls';

interface Attributes {
	heading: string;
	showImage: boolean;
	showDate: boolean;
	showAuthor: boolean;
}

const attributes: Attributes = {
	heading: '',
	showImage: true,
	showDate: true,
	showAuthor: false,
};

const toggles: Toggles< Attributes > = [
	[ 'showImage', 'Show image' ],
	[ 'showDate', 'Show date', 'When the post was published.' ],
	[ 'showAuthor', 'Show author' ],
];

const setAttributes = jest.fn< ( update: Partial< Attributes > ) => void >();

/**
 * Renders the toggles over `attributes`.
 *
 * @param disabled The toggles to disable.
 */
function renderToggles(
	disabled?: ReadonlyArray< AttributeNameOf< Attributes, boolean > >
) {
	render(
		<ToggleControls
			attributes={ attributes }
			setAttributes={ setAttributes }
			fields={ toggles }
			disabled={ disabled }
		/>
	);
}

function checkbox( name: string ) {
	return screen.getByRole( 'checkbox', { name } );
}

describe( 'ToggleControls', () => {
	beforeEach( () => {
		setAttributes.mockClear();
	} );

	it( 'shows a toggle per listed attribute, in order, checked as stored', () => {
		renderToggles();

		expect(
			screen
				.getAllByRole< HTMLInputElement >( 'checkbox' )
				.map( ( box ) => box.checked )
		).toEqual( [ true, true, false ] );
		expect( checkbox( 'Show author' ) ).toHaveProperty( 'checked', false );
		expect(
			screen.queryByText( 'When the post was published.' )
		).not.toBeNull();
	} );

	it( 'stores the switched attribute as a boolean, and nothing else', () => {
		renderToggles();

		fireEvent.click( checkbox( 'Show author' ) );
		fireEvent.click( checkbox( 'Show image' ) );

		expect( setAttributes.mock.calls ).toEqual( [
			[ { showAuthor: true } ],
			[ { showImage: false } ],
		] );
	} );

	it( 'disables only the toggles named as disabled', () => {
		renderToggles( [ 'showImage' ] );

		expect( checkbox( 'Show image' ) ).toHaveProperty( 'disabled', true );
		expect( checkbox( 'Show date' ) ).toHaveProperty( 'disabled', false );
		expect( checkbox( 'Show author' ) ).toHaveProperty( 'disabled', false );
	} );
} );
