/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { TextControls, type TextFields } from '../editor/text-controls';

interface Attributes {
	label: string;
	placeholder: string;
	showLabel: boolean;
}

const empty: Attributes = { label: '', placeholder: '', showLabel: true };
const typed: Attributes = { ...empty, label: 'Find' };

const fields: TextFields< Attributes > = [
	[ 'label', 'Label', 'Leave empty for the default.' ],
	[ 'placeholder', 'Placeholder' ],
];

describe( 'TextControls', () => {
	it( 'shows a text field per listed attribute, in order, with its value and help', () => {
		render(
			<TextControls
				attributes={ typed }
				setAttributes={ jest.fn() }
				fields={ fields }
			/>
		);

		expect(
			screen
				.getAllByRole< HTMLInputElement >( 'textbox' )
				.map( ( field ) => field.value )
		).toEqual( [ 'Find', '' ] );
		expect(
			screen.getByRole( 'textbox', { name: 'Label' } )
		).toHaveProperty( 'value', 'Find' );
		expect(
			screen.queryByText( 'Leave empty for the default.' )
		).not.toBeNull();
	} );

	it( 'stores the text as typed under the field’s attribute', () => {
		const setAttributes =
			jest.fn< ( update: Partial< Attributes > ) => void >();
		render(
			<TextControls
				attributes={ empty }
				setAttributes={ setAttributes }
				fields={ fields }
			/>
		);

		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Placeholder' } ),
			{ target: { value: '  e.g. soup ' } }
		);

		expect( setAttributes.mock.calls ).toEqual( [
			[ { placeholder: '  e.g. soup ' } ],
		] );
	} );
} );
