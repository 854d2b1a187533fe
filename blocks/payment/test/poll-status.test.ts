/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { pollStatus } from '../poll-status';
import type { PaymentStatus, PaymentStatusAnswer } from '../types';

/**
 * A status answer.
 *
 * @param status The status.
 * @return The answer.
 */
function answer( status: PaymentStatus ): PaymentStatusAnswer {
	return {
		payment: {
			id: 'pay_1',
			status,
			amount: 500,
			currency: 'usd',
			last_error: null,
		},
		redirect_url: null,
	};
}

describe( 'pollStatus', () => {
	it( 'reads again with growing pauses until the payment succeeds', async () => {
		const statuses: PaymentStatus[] = [
			'processing',
			'processing',
			'succeeded',
		];
		const read = jest.fn( async () =>
			answer( statuses.shift() ?? 'processing' )
		);
		const sleep = jest.fn( async ( ms: number ) => void ms );

		const last = await pollStatus( read, {
			delays: [ 10, 20, 30, 40 ],
			sleep,
		} );

		expect( last.payment.status ).toBe( 'succeeded' );
		expect( read ).toHaveBeenCalledTimes( 3 );
		expect( sleep.mock.calls.map( ( [ ms ] ) => ms ) ).toEqual( [
			10, 20,
		] );
	} );

	it( 'stops at once on a final status', async () => {
		const read = jest.fn( async () => answer( 'requires_payment_method' ) );
		const sleep = jest.fn( async ( ms: number ) => void ms );

		await pollStatus( read, { delays: [ 10 ], sleep } );

		expect( read ).toHaveBeenCalledTimes( 1 );
		expect( sleep ).not.toHaveBeenCalled();
	} );

	it( 'gives up after the last pause with the pending status', async () => {
		const read = jest.fn( async () => answer( 'processing' ) );

		const last = await pollStatus( read, {
			delays: [ 1, 1 ],
			sleep: async () => {},
		} );

		expect( last.payment.status ).toBe( 'processing' );
		expect( read ).toHaveBeenCalledTimes( 3 );
	} );
} );
