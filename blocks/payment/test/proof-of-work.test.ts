/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';

/**
 * Internal dependencies
 */
import { hasLeadingZeros, solveChallenge, type Digest } from '../proof-of-work';

// jsdom has neither crypto.subtle nor TextEncoder; Node's are the same Web APIs.
Object.assign( globalThis, { TextEncoder } );
const digest: Digest = ( data ) => webcrypto.subtle.digest( 'SHA-256', data );

describe( 'solveChallenge', () => {
	// Vectors checked with `sha256sum`: SHA-256("switchboard-test-salt1739") = 00074e6f…, the first with 3 zeros.
	it( 'finds the first solution of a known vector', async () => {
		await expect(
			solveChallenge(
				{
					algorithm: 'SHA-256',
					salt: 'switchboard-test-salt',
					difficulty: 3,
				},
				digest
			)
		).resolves.toBe( '1739' );
		await expect(
			solveChallenge(
				{ algorithm: 'SHA-256', salt: 'abc', difficulty: 2 },
				digest
			)
		).resolves.toBe( '252' );
	} );

	it( 'answers difficulty 0 at once', async () => {
		await expect(
			solveChallenge(
				{ algorithm: 'SHA-256', salt: 's', difficulty: 0 },
				digest
			)
		).resolves.toBe( '0' );
	} );

	it( 'refuses other algorithms and unreasonable difficulties', async () => {
		await expect(
			solveChallenge(
				{ algorithm: 'MD5', salt: 's', difficulty: 1 },
				digest
			)
		).rejects.toThrow( 'Unsupported challenge' );
		await expect(
			solveChallenge(
				{ algorithm: 'SHA-256', salt: 's', difficulty: 20 },
				digest
			)
		).rejects.toThrow( 'Unsupported challenge' );
	} );

	it( 'stops when aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(
			solveChallenge(
				{ algorithm: 'SHA-256', salt: 's', difficulty: 4 },
				digest,
				controller.signal
			)
		).rejects.toThrow( 'Aborted' );
	} );
} );

describe( 'hasLeadingZeros', () => {
	it( 'counts hex digits, odd counts included', () => {
		const bytes = Uint8Array.from( [ 0x00, 0x0f, 0xff ] );
		expect( hasLeadingZeros( bytes, 2 ) ).toBe( true );
		expect( hasLeadingZeros( bytes, 3 ) ).toBe( true );
		expect( hasLeadingZeros( bytes, 4 ) ).toBe( false );
		expect( hasLeadingZeros( Uint8Array.from( [ 0x10 ] ), 1 ) ).toBe(
			false
		);
	} );
} );
