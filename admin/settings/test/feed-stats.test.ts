/**
 * The feed statistics' words and numbers.
 */
import { describe, expect, it } from '@jest/globals';

import {
	FEED_MODES,
	feedModeLabel,
	formatCount,
	formatLift,
} from '../feed-stats';

describe( 'feed stats', () => {
	it( 'signs the lift and says when it cannot be measured', () => {
		expect( formatLift( 0.5, 'en-US' ) ).toBe( '+50%' );
		expect( formatLift( -0.125, 'en-US' ) ).toBe( '-12.5%' );
		expect( formatLift( 0, 'en-US' ) ).toBe( '0%' );
		expect( formatLift( null, 'en-US' ) ).toBe( 'Not measurable yet' );
		expect( formatLift( Number.NaN, 'en-US' ) ).toBe(
			'Not measurable yet'
		);
	} );

	it( 'groups counts and names every mode', () => {
		expect( formatCount( 1234567, 'en-US' ) ).toBe( '1,234,567' );
		expect( formatCount( null, 'en-US' ) ).toBe( '—' );
		expect( FEED_MODES.map( ( mode ) => feedModeLabel( mode ) ) ).toEqual( [
			'Personalized',
			'Holdout (not personalized)',
			'Cold start (too little history)',
		] );
	} );
} );
