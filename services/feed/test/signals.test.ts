/**
 * Signals and privacy over HTTP: bounds and 400s, the per-profile rate limit, attribution and stats, the
 * merge of an anonymous profile on login, export and erasure, retention with a moved clock, the per-profile
 * cap, and profiles surviving a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	DAY,
	index,
	personal,
	postData,
	signal,
	startHarness,
	visitorId,
	type Harness,
} from './helpers';

const posts = [ 1, 2, 3, 4 ].flatMap( ( category ) =>
	Array.from( { length: 5 }, ( _, n ) =>
		postData( category * 100 + n + 1, {
			age: n + 1,
			categories: [ category ],
			author: category,
		} )
	)
);

const views = ( ...ids: number[] ) =>
	ids.map( ( post ) => ( { type: 'view', post } ) );

interface Exported {
	key: string;
	created: string;
	updated: string;
	affinities: Record< string, Record< string, number > >;
	read: number[];
	events: { type: string; post: number; at: string; feed: string | null }[];
	mode: string;
}

describe( 'signals and privacy', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness( {
			SWITCHBOARD_FEED_RATE_PER_MINUTE: '60',
			SWITCHBOARD_FEED_RETENTION_DAYS: '1',
			SWITCHBOARD_FEED_MAX_EVENTS: '50',
		} );
		await index( harness, posts );
	} );
	after( () => harness.close() );

	const exported = ( key: string ) =>
		harness.call< Exported >( 'GET', `/v1/profiles/${ key }` );

	it( 'refuses signals without a profile key, too many, malformed or too large', async () => {
		const noProfile = await harness.call( 'POST', '/v1/signals', {
			events: views( 101 ),
		} );
		assert.equal( noProfile.status, 400 );
		assert.equal( noProfile.body.code, 'no_profile' );
		const visitor = visitorId( 'bad-input' );
		const bad: unknown[] = [
			{ visitor, events: [] },
			{ visitor, events: views( ...Array( 51 ).fill( 101 ) ) },
			{ visitor, events: [ { type: 'like', post: 101 } ] },
			{ visitor, events: [ { type: 'click', post: 101, feed: 'x' } ] },
			{ visitor, events: [ { type: 'view', post: 0 } ] },
			{ visitor: 'not-an-id', events: views( 101 ) },
		];
		for ( const body of bad ) {
			const answer = await harness.call( 'POST', '/v1/signals', body );
			assert.equal( answer.status, 400, JSON.stringify( body ) );
		}
		const large = await harness.call( 'POST', '/v1/signals', undefined, {
			raw: JSON.stringify( {
				visitor,
				events: views( 101 ),
				padding: 'x'.repeat( 17 * 1024 ),
			} ),
		} );
		assert.equal( large.status, 413 );
		assert.equal( ( await exported( `a:${ visitor }` ) ).status, 404 );
	} );

	it( 'limits each profile to its rate, with Retry-After', async () => {
		const visitor = visitorId( 'rate-limited' );
		const body = { visitor, events: views( ...Array( 40 ).fill( 102 ) ) };
		assert.equal( await signal( harness, body ), 40 );
		const refused = await harness.call( 'POST', '/v1/signals', body );
		assert.equal( refused.status, 429 );
		assert.equal( refused.body.code, 'rate_limited' );
		assert.equal( refused.headers.get( 'retry-after' ), '20' );
		// Another profile has its own budget.
		assert.equal(
			await signal( harness, {
				visitor: visitorId( 'someone-else' ),
				events: views( 102 ),
			} ),
			1
		);
		harness.clock.now += 20_000;
		assert.equal( await signal( harness, body ), 40 );
		harness.clock.now += 60_000;
	} );

	it( 'merges the anonymous profile into the user on the first request with both', async () => {
		const visitor = visitorId( 'logs-in-later' );
		await signal( harness, { visitor, events: views( 201, 202, 203 ) } );
		await signal( harness, { events: views( 401 ) }, '5' );
		const answer = await personal(
			harness,
			{ visitor, slots: [ { count: 4 } ] },
			'5'
		);
		assert.equal( answer.mode, 'personalized' );
		assert.equal( ( await exported( `a:${ visitor }` ) ).status, 404 );
		const user = await exported( 'u:5' );
		assert.equal( user.status, 200 );
		assert.deepEqual( user.body.affinities.category, { 2: 3, 4: 1 } );
		assert.deepEqual(
			[ ...user.body.read ].sort(),
			[ 201, 202, 203, 401 ]
		);
		assert.equal( user.body.events.length, 4 );
		// Once: the anonymous profile is gone, so a second request adds nothing.
		await personal( harness, { visitor, slots: [ { count: 1 } ] }, '5' );
		assert.deepEqual(
			( await exported( 'u:5' ) ).body.affinities.category,
			{ 2: 3, 4: 1 }
		);
	} );

	it( 'attributes impressions and clicks to the served mode, once each', async () => {
		const visitor = visitorId( 'clicker' );
		await signal( harness, { visitor, events: views( 301, 302 ) } );
		const answer = await personal( harness, {
			visitor,
			slots: [ { count: 3 } ],
		} );
		assert.equal( answer.mode, 'personalized' );
		const [ first, second ] = answer.slots[ 0 ]?.items ?? [];
		assert.ok( first && second );
		const feed = answer.request_id;
		await signal( harness, {
			visitor,
			events: [
				{ type: 'impression', post: first.id, feed, position: 0 },
				{ type: 'impression', post: second.id, feed, position: 1 },
				{ type: 'impression', post: first.id, feed, position: 0 },
				{ type: 'click', post: first.id, feed, position: 0 },
			],
		} );
		// Someone else cannot count impressions on this feed.
		await signal( harness, {
			visitor: visitorId( 'intruder' ),
			events: [ { type: 'click', post: second.id, feed } ],
		} );
		const stats = await harness.call< {
			modes: Record<
				string,
				{ impressions: number; clicks: number; ctr: number | null }
			>;
			lift: number | null;
			holdout_share: number;
			catalogue: number;
		} >( 'GET', '/v1/stats' );
		assert.equal( stats.status, 200 );
		assert.deepEqual( stats.body.modes.personalized, {
			impressions: 2,
			clicks: 1,
			ctr: 0.5,
		} );
		assert.deepEqual( stats.body.modes.holdout, {
			impressions: 0,
			clicks: 0,
			ctr: null,
		} );
		assert.equal( stats.body.lift, null );
		assert.equal( stats.body.holdout_share, 0 );
		assert.equal( stats.body.catalogue, 20 );
	} );

	it( 'exports a profile and erases it, by DELETE or by forget', async () => {
		const visitor = visitorId( 'exported' );
		await signal( harness, { visitor, events: views( 103, 104 ) } );
		const { status, body } = await exported( `a:${ visitor }` );
		assert.equal( status, 200 );
		assert.equal( body.key, `a:${ visitor }` );
		assert.equal( body.mode, 'personalized' );
		assert.deepEqual( body.affinities, {
			category: { 1: 2 },
			tag: {},
			author: { 1: 2 },
		} );
		assert.deepEqual(
			body.events.map( ( event ) => [
				event.type,
				event.post,
				event.feed,
			] ),
			[
				[ 'view', 103, null ],
				[ 'view', 104, null ],
			]
		);
		assert.equal(
			body.created,
			new Date( harness.clock.now ).toISOString()
		);

		const erased = await harness.call(
			'DELETE',
			`/v1/profiles/a:${ visitor }`
		);
		assert.deepEqual( erased.body, { deleted: true } );
		assert.equal( ( await exported( `a:${ visitor }` ) ).status, 404 );
		const again = await harness.call(
			'DELETE',
			`/v1/profiles/a:${ visitor }`
		);
		assert.deepEqual( again.body, { deleted: false } );

		const other = visitorId( 'forgets' );
		await signal( harness, { visitor: other, events: views( 105 ) } );
		const forgot = await harness.call( 'POST', '/v1/profiles/forget', {
			visitor: other,
		} );
		assert.deepEqual( forgot.body, { deleted: true } );
		assert.equal( ( await exported( `a:${ other }` ) ).status, 404 );
		const badKey = await harness.call( 'GET', '/v1/profiles/x:1' );
		assert.equal( badKey.status, 400 );
	} );

	it( 'keeps only the newest events of a profile', async () => {
		const visitor = visitorId( 'prolific' );
		await signal( harness, {
			visitor,
			events: views( ...Array( 40 ).fill( 105 ) ),
		} );
		harness.clock.now += 60_000;
		await signal( harness, {
			visitor,
			events: [
				{ type: 'view', post: 402 },
				...views( ...Array( 19 ).fill( 403 ) ),
			],
		} );
		const { body } = await exported( `a:${ visitor }` );
		assert.equal( body.events.length, 50 );
		assert.equal( body.events.at( -1 )?.post, 403 );
		assert.equal(
			body.events.filter( ( event ) => event.post === 402 ).length,
			1
		);
	} );

	it( 'keeps profiles across a restart, and prunes by retention at start', async () => {
		const idle = visitorId( 'goes-idle' );
		const active = visitorId( 'stays-active' );
		await signal( harness, { visitor: idle, events: views( 101, 102 ) } );
		await signal( harness, { visitor: active, events: views( 301, 302 ) } );
		harness.clock.now += 0.5 * DAY;
		await signal( harness, { visitor: active, events: views( 303 ) } );

		await harness.restart();
		assert.equal( ( await exported( `a:${ idle }` ) ).status, 200 );
		const kept = await personal( harness, {
			visitor: active,
			slots: [ { count: 2 } ],
		} );
		assert.equal( kept.mode, 'personalized' );

		// A day later: the idle profile and the active one's older events are past retention.
		harness.clock.now += 0.75 * DAY;
		await harness.restart();
		assert.equal( ( await exported( `a:${ idle }` ) ).status, 404 );
		const { body } = await exported( `a:${ active }` );
		assert.deepEqual(
			body.events.map( ( event ) => event.post ),
			[ 303 ]
		);
		assert.deepEqual( [ ...body.read ].sort(), [ 301, 302, 303 ] );
	} );
} );
