/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	ATTEMPT_KEY_PATTERN,
	attemptKey,
	forgetAttempt,
	newAttemptKey,
	recallPayment,
	rememberPayment,
	renewAttemptKey,
	sessionStore,
	type KeyValueStore,
} from '../attempt-key';

/**
 * A store in memory, to look inside.
 *
 * @return The store and its map.
 */
function memoryStore(): { store: KeyValueStore; map: Map< string, string > } {
	const map = new Map< string, string >();
	return {
		map,
		store: {
			getItem: ( key ) => map.get( key ) ?? null,
			setItem: ( key, value ) => void map.set( key, value ),
			removeItem: ( key ) => void map.delete( key ),
		},
	};
}

describe( 'attempt keys', () => {
	it( 'are random and in the shape the gateway accepts', () => {
		const a = newAttemptKey();
		const b = newAttemptKey();
		expect( a ).toMatch( ATTEMPT_KEY_PATTERN );
		expect( a ).toHaveLength( 32 );
		expect( a ).not.toBe( b );
	} );

	it( 'are reused for the same post, block and amount (double clicks, reloads)', () => {
		const { store } = memoryStore();
		const first = attemptKey( store, 7, 'block-a', 500 );
		expect( attemptKey( store, 7, 'block-a', 500 ) ).toBe( first );
		expect( attemptKey( store, 7, 'block-a', 1000 ) ).not.toBe( first );
		expect( attemptKey( store, 7, 'block-b', 500 ) ).not.toBe( first );
		expect( attemptKey( store, 8, 'block-a', 500 ) ).not.toBe( first );
	} );

	it( 'are replaced when renewed, and start over once forgotten', () => {
		const { store, map } = memoryStore();
		const first = attemptKey( store, 7, 'b', 500 );
		const renewed = renewAttemptKey( store, 7, 'b', 500 );
		expect( renewed ).not.toBe( first );
		expect( attemptKey( store, 7, 'b', 500 ) ).toBe( renewed );
		forgetAttempt( store, {
			attempt: renewed,
			postId: 7,
			blockId: 'b',
			amount: 500,
		} );
		expect( map.size ).toBe( 0 );
		expect( attemptKey( store, 7, 'b', 500 ) ).not.toBe( renewed );
	} );

	it( 'replace a stored value that is not a key', () => {
		const { store, map } = memoryStore();
		map.set( 'switchboard-payment:attempt:7:b:500', 'short' );
		expect( attemptKey( store, 7, 'b', 500, () => 'x'.repeat( 20 ) ) ).toBe(
			'x'.repeat( 20 )
		);
	} );

	it( 'are kept in sessionStorage', () => {
		const key = attemptKey( sessionStore(), 1, 'c', 100 );
		expect(
			window.sessionStorage.getItem(
				'switchboard-payment:attempt:1:c:100'
			)
		).toBe( key );
	} );

	it( 'are kept in memory when sessionStorage refuses them', () => {
		const setItem = jest
			.spyOn( Storage.prototype, 'setItem' )
			.mockImplementation( () => {
				throw new DOMException( 'QuotaExceededError' );
			} );
		const store = sessionStore();
		const key = attemptKey( store, 1, 'd', 100 );
		expect( attemptKey( store, 1, 'd', 100 ) ).toBe( key );
		setItem.mockRestore();
	} );
} );

describe( 'remembered payments', () => {
	it( 'give back the attempt of a payment this tab started', () => {
		const { store } = memoryStore();
		const record = {
			attempt: newAttemptKey(),
			postId: 7,
			blockId: 'b',
			amount: 500,
		};
		rememberPayment( store, 'pay_1', record );
		expect( recallPayment( store, 'pay_1' ) ).toEqual( record );
		expect( recallPayment( store, 'pay_2' ) ).toBeNull();
	} );

	it( 'ignore damaged records', () => {
		const { store, map } = memoryStore();
		map.set( 'switchboard-payment:payment:pay_1', '{not json' );
		map.set( 'switchboard-payment:payment:pay_2', '{"attempt":"x"}' );
		expect( recallPayment( store, 'pay_1' ) ).toBeNull();
		expect( recallPayment( store, 'pay_2' ) ).toBeNull();
	} );
} );
