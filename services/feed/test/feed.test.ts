/**
 * The feeds over HTTP: cold start order, affinity after views with diversity, what is never listed, slots
 * without duplicates, pinned posts, scopes, the holdout, the preview, and the public list that ignores `sub`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	allIds,
	index,
	personal,
	postData,
	signal,
	startHarness,
	visitorId,
	type Harness,
} from './helpers';

/** Five categories of eight posts: id = category × 100 + n, newer for smaller n. */
const CATEGORIES = [ 1, 2, 3, 4, 5 ];
const catalogue = CATEGORIES.flatMap( ( category ) =>
	Array.from( { length: 8 }, ( _, n ) =>
		postData( category * 100 + n + 1, {
			age: n + 1 + category / 10,
			categories: [ category ],
			tags: [ category * 10 + ( n % 2 ) ],
			author: category,
			comments: ( category * 7 + n * 3 ) % 5,
		} )
	)
);
const categoryOf = ( id: number ) => Math.floor( id / 100 );

describe( 'personal feed', () => {
	let harness: Harness;
	const reader = visitorId( 'reader-of-three' );

	before( async () => {
		harness = await startHarness();
		await index( harness, catalogue );
		await signal( harness, {
			visitor: reader,
			events: [ 301, 302, 303 ].map( ( post ) => ( {
				type: 'view',
				post,
			} ) ),
		} );
	} );
	after( () => harness.close() );

	it( 'lets the category read three times dominate the top, without taking all of it', async () => {
		const answer = await personal( harness, {
			visitor: reader,
			slots: [ { count: 6 } ],
		} );
		assert.equal( answer.mode, 'personalized' );
		assert.match( answer.request_id, /^f_[A-Za-z0-9_-]{22}$/ );
		const ids = allIds( answer );
		assert.equal( ids.length, 6 );
		const share =
			ids.filter( ( id ) => categoryOf( id ) === 3 ).length / ids.length;
		assert.ok( share >= 0.5, `category 3 has ${ share } of the top 6` );
		assert.ok( share < 1, 'other categories still appear' );
		for ( const item of answer.slots[ 0 ]?.items ?? [] ) {
			if ( categoryOf( item.id ) === 3 ) {
				assert.deepEqual( item.reason, { kind: 'category', id: 3 } );
			} else {
				assert.ok(
					[ 'popular', 'recent' ].includes( item.reason.kind )
				);
			}
		}
	} );

	it( 'never lists read posts, the context or excluded posts, nor a post twice across slots', async () => {
		const answer = await personal( harness, {
			visitor: reader,
			context: 304,
			exclude: [ 305 ],
			slots: [ { count: 12 }, { count: 12 }, { count: 12 } ],
		} );
		const ids = allIds( answer );
		assert.equal( ids.length, 35, '40 posts less 5 never listed' );
		assert.equal( new Set( ids ).size, ids.length );
		for ( const never of [ 301, 302, 303, 304, 305 ] ) {
			assert.ok( ! ids.includes( never ), `${ never } listed` );
		}
	} );

	it( 'puts pinned posts first (when listed and allowed) and keeps a slot in its scope', async () => {
		const answer = await personal( harness, {
			visitor: reader,
			slots: [
				{ count: 3, pinned: [ 101, 999999, 302, 204 ] },
				{ count: 4, category: [ 2 ], exclude_tag: [ 20 ] },
			],
		} );
		const [ first, second ] = answer.slots;
		assert.deepEqual( first?.items.slice( 0, 2 ), [
			{ id: 101, reason: { kind: 'pinned' } },
			{ id: 204, reason: { kind: 'pinned' } },
		] );
		assert.equal( first?.items.length, 3 );
		// Category 2 without tag 20 holds 202, 204, 206 and 208, and 204 is in the first slot.
		const scoped = second?.items.map( ( item ) => item.id ) ?? [];
		assert.deepEqual( [ ...scoped ].sort(), [ 202, 206, 208 ] );
		for ( const id of scoped ) {
			assert.equal( categoryOf( id ), 2 );
		}
	} );

	it( 'gives the cold start to a request without a profile, and creates none', async () => {
		const stranger = visitorId( 'never-seen-before' );
		const answer = await personal( harness, {
			visitor: stranger,
			slots: [ { count: 6 } ],
		} );
		assert.equal( answer.mode, 'cold' );
		for ( const item of answer.slots[ 0 ]?.items ?? [] ) {
			assert.ok( [ 'popular', 'recent' ].includes( item.reason.kind ) );
		}
		const anonymous = await personal( harness, {
			slots: [ { count: 2 } ],
		} );
		assert.equal( anonymous.mode, 'cold' );
		const exported = await harness.call(
			'GET',
			`/v1/profiles/a:${ stranger }`
		);
		assert.equal( exported.status, 404 );
	} );

	it( 'previews a sample reader without storing anything', async () => {
		const statsBefore = ( await harness.call( 'GET', '/v1/stats' ) ).body;
		const { status, body } = await harness.call< {
			mode: string;
			slots: { items: { id: number; reason: { kind: string } }[] }[];
		} >( 'POST', '/v1/feed/preview', {
			profile: { category: { 4: 3 } },
			slots: [ { count: 6 } ],
		} );
		assert.equal( status, 200 );
		assert.equal( body.mode, 'personalized' );
		const ids = body.slots[ 0 ]?.items.map( ( item ) => item.id ) ?? [];
		assert.ok(
			ids.filter( ( id ) => categoryOf( id ) === 4 ).length >= 3,
			ids.join( ',' )
		);
		assert.deepEqual(
			( await harness.call( 'GET', '/v1/stats' ) ).body,
			statsBefore
		);
	} );

	it( 'answers the public list the same whoever the token names', async () => {
		const user = '77';
		await signal(
			harness,
			{
				events: [ 401, 402, 403 ].map( ( post ) => ( {
					type: 'view',
					post,
				} ) ),
			},
			user
		);
		const path = '/v1/feed?per_page=8&exclude_category=5&exclude=101,102';
		const anonymous = await harness.call< { items: { id: number }[] } >(
			'GET',
			path
		);
		const asUser = await harness.call< { items: { id: number }[] } >(
			'GET',
			path,
			undefined,
			{ sub: user }
		);
		assert.equal( anonymous.status, 200 );
		assert.deepEqual( asUser.body.items, anonymous.body.items );
		const ids = anonymous.body.items.map( ( item ) => item.id );
		assert.equal( ids.length, 8 );
		// Read posts are personal: the public list does not know them.
		assert.ok( ids.every( ( id ) => categoryOf( id ) !== 5 ) );
		assert.ok( ! ids.includes( 101 ) && ! ids.includes( 102 ) );
		assert.equal( 'mode' in anonymous.body, false );

		// Tag 31 is on the odd n of category 3: 302, 304, 306, 308, newest first.
		const tagged = await harness.call< { items: { id: number }[] } >(
			'GET',
			'/v1/feed?order=recent&tag=31&per_page=3'
		);
		assert.deepEqual(
			tagged.body.items.map( ( item ) => item.id ),
			[ 302, 304, 306 ]
		);
	} );

	it( 'refuses malformed requests with 400s', async () => {
		const bad: unknown[] = [
			{ slots: [] },
			{ slots: Array.from( { length: 7 }, () => ( { count: 1 } ) ) },
			{ slots: [ { count: 13 } ] },
			{ slots: [ { count: 0 } ] },
			{ slots: [ { count: 2, pinned: Array( 51 ).fill( 1 ) } ] },
			{ visitor: 'short', slots: [ { count: 2 } ] },
			{ slots: [ { count: 2 } ], extra: true },
		];
		for ( const body of bad ) {
			const answer = await harness.call(
				'POST',
				'/v1/feed/personal',
				body
			);
			assert.equal( answer.status, 400, JSON.stringify( body ) );
			assert.equal( answer.body.code, 'invalid_request' );
		}
		for ( const query of [
			'per_page=25',
			'order=random',
			'category=news',
			'nope=1',
		] ) {
			const answer = await harness.call( 'GET', `/v1/feed?${ query }` );
			assert.equal( answer.status, 400, query );
		}
		const unauthenticated = await harness.call(
			'POST',
			'/v1/feed/personal',
			{ slots: [ { count: 1 } ] },
			{ token: null }
		);
		assert.equal( unauthenticated.status, 401 );
	} );
} );

describe( 'cold start order', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness();
		await index( harness, [
			postData( 1, { age: 60, comments: 100, categories: [ 1 ] } ),
			postData( 2, { age: 0.01, categories: [ 2 ] } ),
			postData( 3, { age: 30, categories: [ 3 ] } ),
		] );
	} );
	after( () => harness.close() );

	it( 'ranks the popular, then the new, then the rest, with their reasons', async () => {
		const answer = await personal( harness, { slots: [ { count: 3 } ] } );
		assert.equal( answer.mode, 'cold' );
		assert.deepEqual( answer.slots[ 0 ]?.items, [
			{ id: 1, reason: { kind: 'popular' } },
			{ id: 2, reason: { kind: 'recent' } },
			{ id: 3, reason: { kind: 'recent' } },
		] );
		const recent = await harness.call< { items: { id: number }[] } >(
			'GET',
			'/v1/feed?order=recent'
		);
		assert.deepEqual(
			recent.body.items.map( ( item ) => item.id ),
			[ 2, 3, 1 ]
		);
	} );

	it( 'lets views move a post up the popular list', async () => {
		const visitors = [ 'one', 'two', 'three', 'four', 'five' ];
		for ( const name of visitors ) {
			await signal( harness, {
				visitor: visitorId( name ),
				events: Array.from( { length: 40 }, () => ( {
					type: 'view',
					post: 3,
				} ) ),
			} );
		}
		harness.service.state.engine?.refreshTrending();
		const popular = await harness.call< {
			items: { id: number; reason: { kind: string } }[];
		} >( 'GET', '/v1/feed?per_page=1' );
		assert.deepEqual( popular.body.items, [
			{ id: 3, reason: { kind: 'popular' } },
		] );
	} );
} );

describe( 'holdout', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness( { SWITCHBOARD_FEED_HOLDOUT: '1' } );
		await index( harness, catalogue );
	} );
	after( () => harness.close() );

	it( 'gives a held-out profile the non-personalized ranking', async () => {
		const visitor = visitorId( 'held-out' );
		await signal( harness, {
			visitor,
			events: [ 301, 302, 303 ].map( ( post ) => ( {
				type: 'view',
				post,
			} ) ),
		} );
		const answer = await personal( harness, {
			visitor,
			slots: [ { count: 6 } ],
		} );
		assert.equal( answer.mode, 'holdout' );
		for ( const item of answer.slots[ 0 ]?.items ?? [] ) {
			assert.ok( [ 'popular', 'recent' ].includes( item.reason.kind ) );
			assert.ok( ! [ 301, 302, 303 ].includes( item.id ) );
		}
	} );
} );
