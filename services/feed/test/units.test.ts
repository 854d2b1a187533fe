/**
 * The pure parts: catalogue order and posting lists, decaying popularity, scoring and reasons, diversity,
 * the holdout's stable split and the rate limiter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Catalogue } from '../src/catalogue';
import { bucketOf, isHeldOut } from '../src/holdout';
import { Popularity } from '../src/popularity';
import type { FeedPost } from '../src/post';
import {
	diversify,
	emptyAffinities,
	scorePost,
	sortScored,
	tasteOf,
	type Scorer,
} from '../src/ranking';
import { RateLimiter } from '../src/rate-limit';

const DAY = 86_400_000;
const NOW = Date.parse( '2026-03-01T00:00:00Z' );

/**
 * A post.
 *
 * @param id     Post id.
 * @param fields What differs from the defaults.
 */
function post( id: number, fields: Partial< FeedPost > = {} ): FeedPost {
	return {
		id,
		type: 'post',
		date: NOW - DAY,
		modified: '2026-02-28T00:00:00+00:00',
		author: 1,
		categories: [ 1 ],
		tags: [],
		commentCount: 0,
		fingerprint: '',
		...fields,
	};
}

describe( 'catalogue', () => {
	it( 'keeps every list newest first through puts, replacements and removals', () => {
		const catalogue = Catalogue.of( [
			post( 1, { date: NOW - 3 * DAY } ),
			post( 2, { date: NOW - 1 * DAY, categories: [ 2 ] } ),
		] );
		catalogue.put( post( 3, { date: NOW - 2 * DAY, tags: [ 7 ] } ) );
		assert.deepEqual(
			catalogue.newest().map( ( entry ) => entry.id ),
			[ 2, 3, 1 ]
		);
		assert.deepEqual(
			catalogue.posting( 'category', 1 ).map( ( entry ) => entry.id ),
			[ 3, 1 ]
		);
		// Moving post 1 to category 2 and to the newest date.
		catalogue.put( post( 1, { date: NOW, categories: [ 2 ] } ) );
		assert.deepEqual(
			catalogue.posting( 'category', 2 ).map( ( entry ) => entry.id ),
			[ 1, 2 ]
		);
		assert.deepEqual(
			catalogue.posting( 'category', 1 ).map( ( entry ) => entry.id ),
			[ 3 ]
		);
		assert.equal( catalogue.remove( 3 ), true );
		assert.equal( catalogue.remove( 3 ), false );
		assert.deepEqual( catalogue.posting( 'tag', 7 ), [] );
		assert.equal( catalogue.size, 2 );
	} );

	it( 'holds pages for the sync but never lists them', () => {
		const catalogue = Catalogue.of( [
			post( 1 ),
			post( 2, { type: 'page', categories: [] } ),
		] );
		catalogue.put( post( 3, { type: 'page', date: NOW } ) );
		assert.equal( catalogue.size, 3 );
		assert.equal( catalogue.get( 3 )?.type, 'page' );
		assert.deepEqual(
			catalogue.newest().map( ( entry ) => entry.id ),
			[ 1 ]
		);
		assert.deepEqual(
			catalogue.posting( 'category', 1 ).map( ( entry ) => entry.id ),
			[ 1 ]
		);
		// Becoming a post makes it listable; removing it leaves nothing behind.
		catalogue.put( post( 3, { date: NOW } ) );
		assert.deepEqual(
			catalogue.newest().map( ( entry ) => entry.id ),
			[ 3, 1 ]
		);
		catalogue.put( post( 3, { type: 'page', date: NOW } ) );
		assert.deepEqual(
			catalogue.newest().map( ( entry ) => entry.id ),
			[ 1 ]
		);
	} );
} );

describe( 'popularity', () => {
	it( 'halves every half-life and survives a round trip through its durable value', () => {
		const popularity = new Popularity( DAY, NOW );
		const stored = popularity.add( 5, 8, NOW );
		assert.equal( stored, 8 );
		assert.ok(
			Math.abs( popularity.value( 5, NOW + 2 * DAY ) - 2 ) < 1e-9
		);
		const restored = new Popularity( DAY, NOW + 10 * DAY );
		restored.load( 5, stored, NOW );
		assert.ok( Math.abs( restored.value( 5, NOW + DAY ) - 4 ) < 1e-9 );
	} );

	it( 'moves its base forward instead of overflowing after a long time', () => {
		const popularity = new Popularity( 1000, NOW );
		popularity.add( 1, 1, NOW );
		const later = NOW + 1000 * 2000;
		popularity.add( 2, 1, later );
		assert.ok( Number.isFinite( popularity.value( 2, later ) ) );
		assert.ok( Math.abs( popularity.value( 2, later ) - 1 ) < 1e-9 );
		assert.equal( popularity.value( 1, later ), 0 );
	} );
} );

describe( 'scoring', () => {
	const scorer = ( fields: Partial< Scorer > = {} ): Scorer => ( {
		weights: { affinity: 0.6, popularity: 0.25, recency: 0.15 },
		now: NOW,
		recencyHalfLifeMs: 7 * DAY,
		popularity: () => 0,
		taste: null,
		...fields,
	} );

	it( 'names the strongest term or author the reader read as the reason', () => {
		const affinities = emptyAffinities();
		affinities.category.set( 4, 3 );
		affinities.tag.set( 9, 1 );
		affinities.author.set( 2, 5 );
		const taste = tasteOf( affinities );
		const inCategory = scorePost(
			post( 1, { categories: [ 4 ], tags: [ 9 ] } ),
			scorer( { taste } )
		);
		assert.deepEqual( inCategory.reason, { kind: 'category', id: 4 } );
		const byAuthor = scorePost(
			post( 2, { categories: [ 8 ], author: 2 } ),
			scorer( { taste } )
		);
		assert.deepEqual( byAuthor.reason, { kind: 'author', id: 2 } );
		const unrelated = scorePost(
			post( 3, { categories: [ 8 ] } ),
			scorer( { taste } )
		);
		assert.deepEqual( unrelated.reason, { kind: 'recent' } );
		assert.ok( inCategory.score > unrelated.score );
	} );

	it( 'ranks popular over recent when popularity dominates, and says so', () => {
		const popular = scorePost(
			post( 1, { date: NOW - 30 * DAY } ),
			scorer( { popularity: () => 1 } )
		);
		assert.deepEqual( popular.reason, { kind: 'popular' } );
		const fresh = scorePost( post( 2, { date: NOW } ), scorer() );
		assert.deepEqual( fresh.reason, { kind: 'recent' } );
		assert.ok( Math.abs( fresh.score - 0.15 ) < 1e-9 );
	} );
} );

describe( 'diversity', () => {
	it( 'lets one category take at most half a slot while others are available', () => {
		const scored = sortScored( [
			...[ 1, 2, 3, 4, 5, 6 ].map( ( id ) => ( {
				post: post( id, { categories: [ 1 ] } ),
				score: 1 - id / 100,
				reason: { kind: 'recent' as const },
			} ) ),
			...[ 7, 8, 9 ].map( ( id ) => ( {
				post: post( id, { categories: [ 2 ] } ),
				score: 0.5 - id / 100,
				reason: { kind: 'recent' as const },
			} ) ),
		] );
		const picked = diversify( scored, 6 ).map( ( entry ) => entry.post.id );
		assert.deepEqual( picked, [ 1, 2, 3, 7, 8, 9 ] );
	} );

	it( 'fills a slot from one category when nothing else is there', () => {
		const scored = [ 1, 2, 3, 4 ].map( ( id ) => ( {
			post: post( id ),
			score: 1 - id / 10,
			reason: { kind: 'recent' as const },
		} ) );
		assert.deepEqual(
			diversify( scored, 4 ).map( ( entry ) => entry.post.id ),
			[ 1, 2, 3, 4 ]
		);
	} );
} );

describe( 'holdout', () => {
	it( 'puts a stable share of keys in the holdout', () => {
		let held = 0;
		for ( let index = 0; index < 10_000; index++ ) {
			if ( isHeldOut( `a:visitor-${ index }`, 0.1 ) ) {
				held++;
			}
		}
		assert.ok( held > 900 && held < 1100, `${ held } of 10,000 held out` );
		assert.equal( bucketOf( 'u:42' ), bucketOf( 'u:42' ) );
		assert.equal( isHeldOut( 'u:42', 0 ), false );
		assert.equal( isHeldOut( 'u:42', 1 ), true );
	} );
} );

describe( 'rate limiter', () => {
	it( 'refuses past the budget with the wait, and refills over time', () => {
		const limiter = new RateLimiter( 60 );
		assert.deepEqual( limiter.take( 'a', 50, NOW ), { ok: true } );
		assert.deepEqual( limiter.take( 'a', 20, NOW ), {
			ok: false,
			retryAfterSec: 10,
		} );
		assert.deepEqual( limiter.take( 'b', 20, NOW ), { ok: true } );
		assert.deepEqual( limiter.take( 'a', 20, NOW + 10_000 ), { ok: true } );
	} );
} );
