/**
 * External dependencies
 */
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';
import { act, renderHook } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { PaymentAttributes } from '../types';
import {
	VALIDATE_DELAY_MS,
	VALIDATE_PATH,
	useValidation,
} from '../use-validation';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const fetchMock = apiFetch as unknown as jest.Mock<
	( options: {
		path: string;
		method: string;
		data: unknown;
	} ) => Promise< unknown >
>;

const attributes: PaymentAttributes = {
	blockId: 'abcdefghijklmnop',
	title: 'Not sent',
	description: '',
	collectEmail: true,
	buttonText: '',
	successMessage: '',
	redirectUrl: '',
	currency: 'usd',
	amounts: [ 500 ],
	allowCustomAmount: true,
	minAmount: 900,
	maxAmount: 100,
};

describe( 'useValidation', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		fetchMock.mockReset();
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'asks the gateway once typing pauses, with the price fields only', async () => {
		fetchMock.mockResolvedValue( { problems: [ 'min > max' ] } );
		const { result } = renderHook( () => useValidation( attributes ) );
		expect( result.current.checking ).toBe( true );
		expect( fetchMock ).not.toHaveBeenCalled();

		await act( async () => {
			jest.advanceTimersByTime( VALIDATE_DELAY_MS );
		} );

		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( fetchMock.mock.calls[ 0 ][ 0 ] ).toMatchObject( {
			path: VALIDATE_PATH,
			method: 'POST',
			data: {
				attributes: {
					currency: 'usd',
					amounts: [ 500 ],
					allowCustomAmount: true,
					minAmount: 900,
					maxAmount: 100,
				},
			},
		} );
		expect( result.current ).toEqual( {
			problems: [ 'min > max' ],
			checking: false,
			failed: false,
			key: expect.any( String ),
		} );
	} );

	it( 'reports a check that failed as such, not as valid', async () => {
		fetchMock.mockRejectedValue( { code: 'rest_forbidden' } );
		const { result } = renderHook( () => useValidation( attributes ) );

		await act( async () => {
			jest.advanceTimersByTime( VALIDATE_DELAY_MS );
		} );

		expect( result.current.failed ).toBe( true );
		expect( result.current.problems ).toEqual( [] );
	} );

	it( 'does not ask again when only other attributes change', async () => {
		fetchMock.mockResolvedValue( { problems: [] } );
		const { rerender } = renderHook( ( props ) => useValidation( props ), {
			initialProps: attributes,
		} );
		await act( async () => {
			jest.advanceTimersByTime( VALIDATE_DELAY_MS );
		} );

		rerender( { ...attributes, title: 'Changed' } );
		await act( async () => {
			jest.advanceTimersByTime( VALIDATE_DELAY_MS );
		} );

		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );
} );
