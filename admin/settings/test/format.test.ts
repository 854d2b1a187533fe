/**
 * Numbers and times as the settings screen shows them.
 */
import { describe, expect, it } from '@jest/globals';

import { formatLatency, formatPercent, NO_VALUE } from '../format';

describe( 'formatLatency', () => {
	it( 'shows a dash without a sample', () => {
		expect( formatLatency( null ) ).toBe( NO_VALUE );
		expect( formatLatency( Number.NaN ) ).toBe( NO_VALUE );
	} );

	it( 'shows milliseconds below a second, with a decimal below ten', () => {
		expect( formatLatency( 2.46, 'en-US' ) ).toBe( '2.5 ms' );
		expect( formatLatency( 62.5, 'en-US' ) ).toBe( '63 ms' );
		expect( formatLatency( 999, 'en-US' ) ).toBe( '999 ms' );
	} );

	it( 'shows seconds from a second on', () => {
		expect( formatLatency( 1000, 'en-US' ) ).toBe( '1 s' );
		expect( formatLatency( 2540, 'en-US' ) ).toBe( '2.5 s' );
	} );

	it( 'uses the locale’s digits', () => {
		expect( formatLatency( 2540, 'de-DE' ) ).toBe( '2,5 s' );
	} );
} );

describe( 'formatPercent', () => {
	it( 'shows a dash when there is nothing to divide by', () => {
		expect( formatPercent( null ) ).toBe( NO_VALUE );
	} );

	it( 'shows at most one decimal', () => {
		expect( formatPercent( 0, 'en-US' ) ).toBe( '0%' );
		expect( formatPercent( 0.5714, 'en-US' ) ).toBe( '57.1%' );
		expect( formatPercent( 1, 'en-US' ) ).toBe( '100%' );
	} );
} );
