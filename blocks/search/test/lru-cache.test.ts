/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { LruCache } from '../lru-cache';

describe( 'LruCache', () => {
	it( 'returns what was stored under a key', () => {
		const cache = new LruCache< number >( 2 );
		cache.set( 'a', 1 );

		expect( cache.get( 'a' ) ).toBe( 1 );
		expect( cache.get( 'b' ) ).toBeUndefined();
	} );

	it( 'drops the least recently used entry when full', () => {
		const cache = new LruCache< number >( 2 );
		cache.set( 'a', 1 );
		cache.set( 'b', 2 );
		cache.get( 'a' );
		cache.set( 'c', 3 );

		expect( cache.get( 'b' ) ).toBeUndefined();
		expect( cache.get( 'a' ) ).toBe( 1 );
		expect( cache.get( 'c' ) ).toBe( 3 );
	} );

	it( 'replaces a value and counts it as recently used', () => {
		const cache = new LruCache< number >( 2 );
		cache.set( 'a', 1 );
		cache.set( 'b', 2 );
		cache.set( 'a', 10 );
		cache.set( 'c', 3 );

		expect( cache.get( 'a' ) ).toBe( 10 );
		expect( cache.get( 'b' ) ).toBeUndefined();
	} );
} );
