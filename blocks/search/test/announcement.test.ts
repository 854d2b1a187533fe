/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { nextAnnouncement } from '../announcement';

describe( 'nextAnnouncement', () => {
	it( 'puts a new message in the live region as it is', () => {
		expect( nextAnnouncement( '', 'Type something.' ) ).toBe(
			'Type something.'
		);
	} );

	it( 'changes the region’s text when the same message is announced again', () => {
		const first = nextAnnouncement( '', 'Type something.' );
		const second = nextAnnouncement( first, 'Type something.' );
		const third = nextAnnouncement( second, 'Type something.' );

		expect( second ).not.toBe( first );
		expect( second.trim() ).toBe( 'Type something.' );
		expect( third ).toBe( first );
	} );
} );
