/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { MAX_QUERY_LENGTH, normalizeQuery } from '../query';

describe( 'normalizeQuery', () => {
	it( 'trims and collapses whitespace as the server does', () => {
		expect( normalizeQuery( '  red \t\n  shoes  ' ) ).toBe( 'red shoes' );
	} );

	it( 'returns an empty term for blank input', () => {
		expect( normalizeQuery( ' \u00a0\t\n ' ) ).toBe( '' );
	} );

	it( 'caps the term at the server’s length, counting characters rather than UTF-16 units', () => {
		const emoji = '😀'.repeat( MAX_QUERY_LENGTH + 5 );

		const normalized = normalizeQuery( emoji );

		expect( Array.from( normalized ) ).toHaveLength( MAX_QUERY_LENGTH );
		expect( normalized.startsWith( '😀😀' ) ).toBe( true );
	} );

	it( 'does not end on a space left by the cut', () => {
		const input = `${ 'a'.repeat( MAX_QUERY_LENGTH - 1 ) } b`;

		expect( normalizeQuery( input ) ).toBe(
			'a'.repeat( MAX_QUERY_LENGTH - 1 )
		);
	} );
} );
