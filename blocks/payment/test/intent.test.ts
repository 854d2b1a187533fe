/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { onIntent } from '../intent';

/** An IntersectionObserver the test drives. */
class FakeObserver {
	static last: FakeObserver | undefined;
	readonly observed: Element[] = [];
	disconnected = false;

	constructor(
		readonly callback: IntersectionObserverCallback,
		readonly options?: IntersectionObserverInit
	) {
		FakeObserver.last = this;
	}

	observe( element: Element ) {
		this.observed.push( element );
	}

	disconnect() {
		this.disconnected = true;
	}

	enter( isIntersecting: boolean ) {
		this.callback(
			[ { isIntersecting } as IntersectionObserverEntry ],
			this as unknown as IntersectionObserver
		);
	}
}

const Observer = FakeObserver as unknown as typeof IntersectionObserver;

describe( 'onIntent', () => {
	it( 'fires once on focus inside the block', () => {
		const root = document.createElement( 'div' );
		root.innerHTML = '<input>';
		document.body.append( root );
		const callback = jest.fn();

		onIntent( root, callback, { Observer } );
		expect( callback ).not.toHaveBeenCalled();
		root.querySelector( 'input' )?.focus();
		root.dispatchEvent( new Event( 'pointerenter' ) );

		expect( callback ).toHaveBeenCalledTimes( 1 );
		expect( FakeObserver.last?.disconnected ).toBe( true );
		root.remove();
	} );

	it( 'fires on a pointer over the block', () => {
		const root = document.createElement( 'div' );
		const callback = jest.fn();

		onIntent( root, callback, { Observer } );
		root.dispatchEvent( new Event( 'pointerenter' ) );

		expect( callback ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'fires when the block nears the viewport, with a margin', () => {
		const root = document.createElement( 'div' );
		const callback = jest.fn();

		onIntent( root, callback, { Observer, rootMargin: '300px 0px' } );
		const observer = FakeObserver.last as FakeObserver;
		expect( observer.observed ).toEqual( [ root ] );
		expect( observer.options?.rootMargin ).toBe( '300px 0px' );
		observer.enter( false );
		expect( callback ).not.toHaveBeenCalled();
		observer.enter( true );
		root.dispatchEvent( new Event( 'focusin' ) );

		expect( callback ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'can stop watching without firing', () => {
		const root = document.createElement( 'div' );
		const callback = jest.fn();

		const stop = onIntent( root, callback, { Observer } );
		stop();
		root.dispatchEvent( new Event( 'pointerenter' ) );

		expect( callback ).not.toHaveBeenCalled();
	} );
} );
