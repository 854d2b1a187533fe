/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { VISITOR_ID, newVisitorId } from '../visitor-id';

describe( 'newVisitorId', () => {
	it( 'encodes 16 random bytes as 22 base64url characters', () => {
		const id = newVisitorId( ( bytes ) => bytes.fill( 0xfb ) );

		// 0xfb… in base64 is "+/…": base64url turns them into "-" and "_", without padding.
		expect( id ).toBe( '-_v7-_v7-_v7-_v7-_v7-w' );
		expect( id ).toMatch( VISITOR_ID );
	} );

	it( 'uses the browser’s random source by default, a new id each time', () => {
		const first = newVisitorId();
		const second = newVisitorId();

		expect( first ).toMatch( VISITOR_ID );
		expect( second ).toMatch( VISITOR_ID );
		expect( first ).not.toBe( second );
	} );
} );
