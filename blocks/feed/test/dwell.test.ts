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
import { afterDwell } from '../dwell';

let visibility: DocumentVisibilityState = 'visible';

/**
 * Changes the page's visibility as the browser does.
 *
 * @param state The new state.
 */
function setVisibility( state: DocumentVisibilityState ) {
	visibility = state;
	document.dispatchEvent( new Event( 'visibilitychange' ) );
}

describe( 'afterDwell', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		visibility = 'visible';
		jest.spyOn( document, 'visibilityState', 'get' ).mockImplementation(
			() => visibility
		);
	} );
	afterEach( () => {
		jest.useRealTimers();
		jest.restoreAllMocks();
	} );

	it( 'calls back after the visible time, once', () => {
		const done = jest.fn();
		afterDwell( 3000, document, done );

		jest.advanceTimersByTime( 2999 );
		expect( done ).not.toHaveBeenCalled();
		jest.advanceTimersByTime( 1 );
		setVisibility( 'hidden' );
		setVisibility( 'visible' );
		jest.advanceTimersByTime( 10000 );

		expect( done ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'does not count hidden time', () => {
		const done = jest.fn();
		afterDwell( 3000, document, done );

		jest.advanceTimersByTime( 2000 );
		setVisibility( 'hidden' );
		jest.advanceTimersByTime( 60000 );
		expect( done ).not.toHaveBeenCalled();
		setVisibility( 'visible' );
		jest.advanceTimersByTime( 999 );
		expect( done ).not.toHaveBeenCalled();
		jest.advanceTimersByTime( 1 );

		expect( done ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'starts counting only once a background tab is shown, and can be cancelled', () => {
		visibility = 'hidden';
		const done = jest.fn();
		const cancel = afterDwell( 1000, document, done );

		jest.advanceTimersByTime( 5000 );
		setVisibility( 'visible' );
		jest.advanceTimersByTime( 500 );
		cancel();
		jest.advanceTimersByTime( 5000 );

		expect( done ).not.toHaveBeenCalled();
	} );
} );
