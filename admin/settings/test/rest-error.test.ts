/**
 * What the screen shows of a failed REST call.
 */
import { describe, expect, it } from '@jest/globals';

import { errorMessage, fieldErrors, isAbort } from '../rest-error';

describe( 'rest errors', () => {
	it( 'reads the message, or falls back to a generic one', () => {
		expect( errorMessage( { code: 'x', message: 'Nope.' } ) ).toBe(
			'Nope.'
		);
		expect( errorMessage( undefined ) ).toMatch( /request failed/ );
		expect( errorMessage( { message: '' } ) ).toMatch( /request failed/ );
	} );

	it( 'reads per-field messages of a 400, ignoring anything else', () => {
		expect(
			fieldErrors( {
				code: 'switchboard_invalid_settings',
				data: { status: 400, fields: { feed: 'Bad.', search: 3 } },
			} )
		).toEqual( { feed: 'Bad.' } );
		expect( fieldErrors( { data: null } ) ).toEqual( {} );
		expect( fieldErrors( 'oops' ) ).toEqual( {} );
	} );

	it( 'recognises an aborted request', () => {
		expect( isAbort( new DOMException( 'stop', 'AbortError' ) ) ).toBe(
			true
		);
		expect( isAbort( { code: 'fetch_error' } ) ).toBe( false );
	} );
} );
