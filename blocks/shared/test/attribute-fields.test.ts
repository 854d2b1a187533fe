/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { attributeUpdate, bindFields } from '../editor/attribute-fields';

describe( 'attributeUpdate', () => {
	it( 'sets only the named attribute', () => {
		expect( attributeUpdate( 'showDate', false ) ).toEqual( {
			showDate: false,
		} );
		expect( attributeUpdate( 'ids', [ 3, 9 ] ) ).toEqual( {
			ids: [ 3, 9 ],
		} );
	} );
} );

describe( 'bindFields', () => {
	const attributes = { showDate: true, showAuthor: false };

	it( 'gives each listed field its attribute value, label and help, in order', () => {
		const fields = bindFields( {
			attributes,
			setAttributes: jest.fn(),
			fields: [
				[ 'showAuthor', 'Show author', 'Under the title.' ],
				[ 'showDate', 'Show date' ],
			],
		} );

		expect( fields ).toEqual( [
			{
				name: 'showAuthor',
				label: 'Show author',
				help: 'Under the title.',
				value: false,
				onChange: expect.any( Function ),
			},
			{
				name: 'showDate',
				label: 'Show date',
				help: undefined,
				value: true,
				onChange: expect.any( Function ),
			},
		] );
	} );

	it( 'stores a change under the field’s own attribute', () => {
		const setAttributes =
			jest.fn< ( update: Partial< typeof attributes > ) => void >();
		const [ author, date ] = bindFields( {
			attributes,
			setAttributes,
			fields: [
				[ 'showAuthor', 'Show author' ],
				[ 'showDate', 'Show date' ],
			],
		} );

		author.onChange( true );
		date.onChange( false );

		expect( setAttributes.mock.calls ).toEqual( [
			[ { showAuthor: true } ],
			[ { showDate: false } ],
		] );
	} );
} );
