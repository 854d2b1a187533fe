/**
 * Geometry of the traffic chart.
 */
import { describe, expect, it } from '@jest/globals';

import { busiestMinute, layoutBars } from '../chart-scale';
import type { MetricsPoint } from '../types';

const point = ( requests: number, failures = 0 ): MetricsPoint => ( {
	time: 0,
	requests,
	failures,
	p95_ms: null,
} );

describe( 'layoutBars', () => {
	it( 'scales bars to the busiest minute and splits off failures', () => {
		const bars = layoutBars(
			[ point( 0 ), point( 10, 5 ), point( 20 ) ],
			30,
			40
		);
		expect( bars.map( ( bar ) => bar.x ) ).toEqual( [ 0, 10, 20 ] );
		expect( bars.map( ( bar ) => bar.total ) ).toEqual( [ 0, 20, 40 ] );
		expect( bars.map( ( bar ) => bar.failed ) ).toEqual( [ 0, 10, 0 ] );
		expect( bars[ 0 ].width ).toBe( 9 );
	} );

	it( 'keeps a sliver for a quiet minute with traffic', () => {
		const [ quiet ] = layoutBars( [ point( 1 ), point( 1000 ) ], 20, 40 );
		expect( quiet.total ).toBe( 1 );
	} );

	it( 'mirrors time for right-to-left languages', () => {
		const bars = layoutBars( [ point( 1 ), point( 2 ) ], 20, 10, true );
		expect( bars.map( ( bar ) => bar.x ) ).toEqual( [ 10, 0 ] );
	} );

	it( 'draws nothing for an empty series', () => {
		expect( layoutBars( [], 100, 10 ) ).toEqual( [] );
		expect( busiestMinute( [] ) ).toBe( 0 );
	} );
} );
