/**
 * External dependencies
 */
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';

/**
 * Internal dependencies
 */
import { SEEN_MS, SEEN_RATIO, trackImpressions } from '../impressions';

/** A stand-in IntersectionObserver the test drives. */
function observer() {
	const seen: {
		callback?: IntersectionObserverCallback;
		options?: IntersectionObserverInit;
		observed: Element[];
		unobserved: Element[];
		disconnected: boolean;
	} = { observed: [], unobserved: [], disconnected: false };
	const factory = (
		callback: IntersectionObserverCallback,
		options: IntersectionObserverInit
	) => {
		seen.callback = callback;
		seen.options = options;
		return {
			observe: ( element: Element ) => seen.observed.push( element ),
			unobserve: ( element: Element ) => seen.unobserved.push( element ),
			disconnect: () => {
				seen.disconnected = true;
			},
		};
	};
	const report = ( target: Element, ratio: number ) =>
		seen.callback!(
			[
				{
					target,
					isIntersecting: ratio > 0,
					intersectionRatio: ratio,
				} as IntersectionObserverEntry,
			],
			{} as IntersectionObserver
		);
	return { seen, factory, report };
}

describe( 'trackImpressions', () => {
	const boxes = [
		document.createElement( 'li' ),
		document.createElement( 'li' ),
	];
	beforeEach( () => {
		jest.useFakeTimers();
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'watches every box at the half-visible threshold', () => {
		const { seen, factory } = observer();
		trackImpressions( boxes, () => {}, factory );

		expect( seen.observed ).toEqual( boxes );
		expect( seen.options ).toEqual( { threshold: SEEN_RATIO } );
	} );

	it( 'reports a box half visible for a second, once', () => {
		const { seen, factory, report } = observer();
		const onSeen = jest.fn();
		trackImpressions( boxes, onSeen, factory );

		report( boxes[ 1 ], 0.6 );
		jest.advanceTimersByTime( SEEN_MS - 1 );
		expect( onSeen ).not.toHaveBeenCalled();
		report( boxes[ 1 ], 0.8 );
		jest.advanceTimersByTime( 1 );

		expect( onSeen ).toHaveBeenCalledTimes( 1 );
		expect( onSeen ).toHaveBeenCalledWith( 1 );
		expect( seen.unobserved ).toEqual( [ boxes[ 1 ] ] );
	} );

	it( 'does not report a box that leaves before the second is over, or is barely visible', () => {
		const { factory, report } = observer();
		const onSeen = jest.fn();
		trackImpressions( boxes, onSeen, factory );

		report( boxes[ 0 ], 0.5 );
		jest.advanceTimersByTime( SEEN_MS / 2 );
		report( boxes[ 0 ], 0.2 );
		jest.advanceTimersByTime( SEEN_MS );
		report( boxes[ 1 ], 0.4 );
		jest.advanceTimersByTime( SEEN_MS * 2 );

		expect( onSeen ).not.toHaveBeenCalled();
	} );

	it( 'stops, cancelling what is pending', () => {
		const { seen, factory, report } = observer();
		const onSeen = jest.fn();
		const stop = trackImpressions( boxes, onSeen, factory );

		report( boxes[ 0 ], 1 );
		stop();
		jest.advanceTimersByTime( SEEN_MS );

		expect( onSeen ).not.toHaveBeenCalled();
		expect( seen.disconnected ).toBe( true );
	} );
} );
