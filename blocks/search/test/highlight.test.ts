/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { segments } from '../highlight';

describe( 'segments', () => {
	it( 'splits a text into plain runs, each followed by its marked run', () => {
		expect(
			segments( 'Café crème brûlée', [
				[ 0, 4 ],
				[ 11, 17 ],
			] )
		).toEqual( [
			{ t: '', m: [ 'Café' ] },
			{ t: ' crème ', m: [ 'brûlée' ] },
		] );
	} );

	it( 'keeps the rest of the text after the last highlight', () => {
		expect( segments( 'red shoes sale', [ [ 4, 9 ] ] ) ).toEqual( [
			{ t: 'red ', m: [ 'shoes' ] },
			{ t: ' sale', m: [] },
		] );
	} );

	it( 'returns the whole text as one plain segment without highlights', () => {
		expect( segments( 'plain' ) ).toEqual( [ { t: 'plain', m: [] } ] );
		expect( segments( '' ) ).toEqual( [ { t: '', m: [] } ] );
	} );

	it( 'keeps markup from the service as text, never as HTML', () => {
		const parts = segments( '<img src=x onerror=alert(1)> tips', [
			[ 0, 5 ],
		] );

		expect( parts[ 0 ].m[ 0 ] ).toBe( '<img ' );
		expect(
			parts.map( ( part ) => part.t + part.m.join( '' ) ).join( '' )
		).toBe( '<img src=x onerror=alert(1)> tips' );
	} );

	it( 'counts UTF-16 code units and never splits a surrogate pair', () => {
		// '😀' is two code units: the ranges below point at the middle of it.
		expect( segments( 'a😀b', [ [ 1, 3 ] ] ) ).toEqual( [
			{ t: 'a', m: [ '😀' ] },
			{ t: 'b', m: [] },
		] );
		expect( segments( 'a😀b', [ [ 2, 4 ] ] ) ).toEqual( [
			{ t: 'a', m: [ '😀b' ] },
		] );
	} );

	it( 'sorts ranges, clamps them to the text, and drops overlapping or empty ones', () => {
		expect(
			segments( 'one two three', [
				[ 8, 99 ],
				[ 0, 3 ],
				[ 2, 5 ],
				[ 6, 6 ],
				[ -4, 1 ],
			] )
		).toEqual( [
			{ t: '', m: [ 'one' ] },
			{ t: '', m: [ ' t' ] },
			{ t: 'wo ', m: [ 'three' ] },
		] );
	} );
} );
