/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { editRenderer } from '../../shared/test-utils/render-edit';
import Edit from '../edit';
import type { PaymentAttributes } from '../types';
import { useBlockId } from '../use-block-id';
import { useCurrencies } from '../use-currencies';
import { usePostSavingLock } from '../use-post-saving-lock';
import { useValidation } from '../use-validation';

jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( '../../shared/test-utils/block-editor' )
);
jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../../shared/test-utils/server-side-render' )
);
// The gateway's answers and the editor's stores are the hooks' business; each hook is mocked here.
jest.mock( '../use-block-id', () => ( { useBlockId: jest.fn() } ) );
jest.mock( '../use-currencies', () => ( { useCurrencies: jest.fn() } ) );
jest.mock( '../use-validation', () => ( { useValidation: jest.fn() } ) );
jest.mock( '../use-post-saving-lock', () => ( {
	usePostSavingLock: jest.fn(),
} ) );

const mockedValidation = jest.mocked( useValidation );
const mockedLock = jest.mocked( usePostSavingLock );

const defaults: PaymentAttributes = {
	blockId: 'abcdefghijklmnop',
	title: '',
	description: '',
	currency: 'usd',
	amounts: [ 500 ],
	allowCustomAmount: false,
	minAmount: 500,
	maxAmount: 50000,
	collectEmail: true,
	buttonText: '',
	successMessage: '',
	redirectUrl: '',
};

const { renderEdit, setAttributes } = editRenderer( Edit, defaults );

describe( 'payment block editor', () => {
	beforeEach( () => {
		setAttributes.mockClear();
		mockedLock.mockClear();
		document.documentElement.lang = 'en-US';
		jest.mocked( useCurrencies ).mockReturnValue( {
			failed: false,
			currencies: [
				{ code: 'usd', decimals: 2, minimum: 50 },
				{ code: 'jpy', decimals: 0, minimum: 50 },
				{ code: 'kwd', decimals: 3, minimum: 160 },
			],
		} );
		mockedValidation.mockReturnValue( {
			problems: [],
			checking: false,
			failed: false,
		} );
	} );

	it( 'lists the gateway’s problems and locks saving while there are any', () => {
		mockedValidation.mockReturnValue( {
			problems: [
				'The smallest amount is larger than the largest.',
				'Add a price, or let visitors choose their own amount.',
			],
			checking: false,
			failed: false,
		} );

		renderEdit();

		const notices = screen.getAllByText(
			'Fix these payment settings before publishing:'
		);
		expect( notices.length ).toBeGreaterThan( 0 );
		const list = within(
			notices[ 0 ].parentElement as HTMLElement
		).getAllByRole( 'listitem' );
		expect( list.map( ( item ) => item.textContent ) ).toEqual( [
			'The smallest amount is larger than the largest.',
			'Add a price, or let visitors choose their own amount.',
		] );
		expect( mockedLock ).toHaveBeenLastCalledWith(
			true,
			'switchboard-payment-client-id'
		);
	} );

	it( 'shows no problems and unlocks saving when the settings are valid', () => {
		renderEdit();

		expect(
			screen.queryByText(
				'Fix these payment settings before publishing:'
			)
		).toBeNull();
		expect( mockedLock ).toHaveBeenLastCalledWith(
			false,
			'switchboard-payment-client-id'
		);
	} );

	it( 'says when the settings could not be checked, without locking', () => {
		mockedValidation.mockReturnValue( {
			problems: [],
			checking: false,
			failed: true,
		} );

		renderEdit();

		expect(
			screen.getAllByText( /The payment settings could not be checked/ )
		).not.toHaveLength( 0 );
		expect( mockedLock ).toHaveBeenLastCalledWith(
			false,
			expect.any( String )
		);
	} );

	it( 'keeps the block’s id stable through its hook', () => {
		renderEdit();

		expect( useBlockId ).toHaveBeenCalledWith(
			'client-id',
			'abcdefghijklmnop',
			setAttributes
		);
	} );

	it( 'stores a typed price in minor units, and refuses text that is not an amount', () => {
		renderEdit();
		const price = screen.getByRole( 'textbox', { name: 'Price' } );
		expect( ( price as HTMLInputElement ).value ).toBe( '5.00' );

		fireEvent.change( price, { target: { value: '12,50' } } );
		fireEvent.change( price, { target: { value: 'twelve' } } );

		expect( setAttributes.mock.calls ).toEqual( [
			[ { amounts: [ 1250 ] } ],
		] );
		expect( screen.getByText( /Not an amount yet/ ) ).toBeTruthy();
	} );

	it( 'reads amounts in the currency’s decimals', () => {
		renderEdit( { currency: 'jpy', amounts: [ 500, 1000 ] } );

		const second = screen.getByRole( 'textbox', { name: 'Amount 2' } );
		expect( ( second as HTMLInputElement ).value ).toBe( '1000' );
		fireEvent.change( second, { target: { value: '1,500' } } );

		expect( setAttributes ).toHaveBeenCalledWith( {
			amounts: [ 500, 1500 ],
		} );
		expect( screen.getByText( '¥1,500' ) ).toBeTruthy();
	} );

	it( 'offers the supported currencies by name', () => {
		renderEdit();
		const select = screen.getByRole( 'combobox', { name: 'Currency' } );

		expect(
			within( select )
				.getAllByRole( 'option' )
				.map( ( option ) => option.textContent )
		).toEqual( [
			'US Dollar (USD)',
			'Japanese Yen (JPY)',
			'Kuwaiti Dinar (KWD)',
		] );
		fireEvent.change( select, { target: { value: 'kwd' } } );
		expect( setAttributes ).toHaveBeenCalledWith( { currency: 'kwd' } );
	} );

	it( 'adds and removes preset amounts', () => {
		renderEdit( { amounts: [ 500, 1000 ] } );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add another amount' } )
		);
		fireEvent.click(
			screen.getAllByRole( 'button', { name: 'Remove' } )[ 0 ]
		);

		expect( setAttributes.mock.calls ).toEqual( [
			[ { amounts: [ 500, 1000, 2000 ] } ],
			[ { amounts: [ 1000 ] } ],
		] );
	} );

	it( 'asks for the custom amount’s bounds only when visitors may choose', () => {
		renderEdit();
		expect(
			screen.queryByRole( 'textbox', { name: 'Smallest amount' } )
		).toBeNull();

		fireEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Let visitors choose their own amount',
			} )
		);
		expect( setAttributes ).toHaveBeenCalledWith( {
			allowCustomAmount: true,
		} );

		renderEdit( { allowCustomAmount: true } );
		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Largest amount' } ),
			{
				target: { value: '1000' },
			}
		);
		expect( setAttributes ).toHaveBeenCalledWith( { maxAmount: 100000 } );
	} );
} );
