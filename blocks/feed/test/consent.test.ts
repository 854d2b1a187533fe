/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	STORAGE_KEY,
	consentChange,
	grant,
	readRecord,
	revoke,
	startConsent,
	type HasConsent,
} from '../consent';
import { VISITOR_ID } from '../visitor-id';

const prompt = { mode: 'prompt', category: 'preferences' };
const api = { mode: 'wp-consent-api', category: 'preferences' };
const stored = ( visitor = 'AAAAAAAAAAAAAAAAAAAAAA' ) =>
	JSON.stringify( { v: 1, visitor, since: 5 } );

describe( 'consent', () => {
	beforeEach( () => localStorage.clear() );

	it( 'asks with the prompt when nothing is stored, and stores nothing by asking', () => {
		expect( startConsent( prompt, localStorage, undefined, 1 ) ).toEqual( {
			status: 'ask',
		} );
		expect( localStorage.length ).toBe( 0 );
	} );

	it( 'stores the contract’s record on consent, and keeps its id afterwards', () => {
		const visitor = grant( localStorage, 1234 );

		expect( visitor ).toMatch( VISITOR_ID );
		expect( JSON.parse( localStorage.getItem( STORAGE_KEY )! ) ).toEqual( {
			v: 1,
			visitor,
			since: 1234,
		} );
		expect( startConsent( prompt, localStorage, undefined, 9 ) ).toEqual( {
			status: 'yes',
			visitor,
		} );
		expect( grant( localStorage, 9999 ) ).toBe( visitor );
	} );

	it( 'ignores a stored value that is not a valid record', () => {
		for ( const value of [
			'nonsense',
			JSON.stringify( {
				v: 2,
				visitor: 'AAAAAAAAAAAAAAAAAAAAAA',
				since: 1,
			} ),
			JSON.stringify( { v: 1, visitor: 'short', since: 1 } ),
			JSON.stringify( { v: 1, visitor: 'AAAAAAAAAAAAAAAAAAAAAA' } ),
		] ) {
			localStorage.setItem( STORAGE_KEY, value );
			expect( readRecord( localStorage ) ).toBeNull();
		}
		expect( readRecord( null ) ).toBeNull();
	} );

	it( 'forgets the record when the visitor stops', () => {
		localStorage.setItem( STORAGE_KEY, stored() );

		revoke( localStorage );

		expect( localStorage.getItem( STORAGE_KEY ) ).toBeNull();
		expect(
			startConsent( prompt, localStorage, undefined, 1 ).status
		).toBe( 'ask' );
	} );

	it( 'follows the WP Consent API: no consent, no id, and a stale id is dropped', () => {
		const hasConsent = jest.fn< HasConsent >( () => false );
		localStorage.setItem( STORAGE_KEY, stored() );

		expect( startConsent( api, localStorage, hasConsent, 1 ) ).toEqual( {
			status: 'no',
		} );
		expect( hasConsent ).toHaveBeenCalledWith( 'preferences' );
		expect( localStorage.length ).toBe( 0 );
		expect( startConsent( api, localStorage, undefined, 1 ).status ).toBe(
			'no'
		);
	} );

	it( 'creates the id when the consent plugin says yes', () => {
		const result = startConsent( api, localStorage, () => true, 7 );

		expect( result.status ).toBe( 'yes' );
		expect( result.visitor ).toMatch( VISITOR_ID );
		expect( readRecord( localStorage )?.visitor ).toBe( result.visitor );
	} );

	it( 'treats `granted` (the site collects consent) as consent without a prompt', () => {
		localStorage.setItem( STORAGE_KEY, stored( 'BBBBBBBBBBBBBBBBBBBBBB' ) );

		expect(
			startConsent(
				{ mode: 'granted', category: 'preferences' },
				localStorage,
				undefined,
				1
			)
		).toEqual( { status: 'yes', visitor: 'BBBBBBBBBBBBBBBBBBBBBB' } );
	} );

	it( 'reads the decision for its category from a consent change event', () => {
		const change = ( detail: unknown ) =>
			consentChange(
				new CustomEvent( 'wp_listen_for_consent_change', { detail } ),
				'preferences'
			);

		expect( change( { preferences: 'allow' } ) ).toBe( 'allow' );
		expect( change( { preferences: 'deny' } ) ).toBe( 'deny' );
		expect( change( { statistics: 'deny' } ) ).toBeUndefined();
		expect( change( undefined ) ).toBeUndefined();
	} );
} );
