/**
 * The catalogue's inputs: signed content events (signature matrix, duplicates, what each type changes) and
 * the sync routes WordPress's re-index and reconcile jobs call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	startTestWordpress,
	type TestWordpress,
} from '@switchboard/service-kit/testing';
import { gatewayVerifier, wordpressSiteFrom } from '@switchboard/service-kit';

import { buildServer } from '../src/server';
import {
	eventId,
	postData,
	postEvent,
	startHarness,
	type Harness,
} from './helpers';

describe( 'content events', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness();
	} );
	after( () => harness.close() );

	const recent = async () =>
		(
			await harness.call< { items: { id: number }[] } >(
				'GET',
				'/v1/feed?order=recent&per_page=24'
			)
		).body.items.map( ( item ) => item.id );

	it( 'accepts a signed publish, and a redelivery is a duplicate', async () => {
		const event = postEvent( 10 );
		const first = await harness.send( event );
		assert.equal( first.status, 200 );
		assert.deepEqual( await first.json(), { ok: true } );
		const again = await harness.send( event );
		assert.deepEqual( await again.json(), { ok: true, duplicate: true } );
		assert.deepEqual( await recent(), [ 10 ] );
		const ready = await fetch( `${ harness.service.url }/ready` );
		assert.deepEqual( await ready.json(), { posts: 1, status: 'ready' } );
	} );

	it( 'refuses a wrong secret, a malformed or stale signature, a bad id, a mismatched id', async () => {
		const now = Math.floor( Date.now() / 1000 );
		const cases: [
			Parameters< Harness[ 'send' ] >[ 1 ],
			number,
			string,
		][] = [
			[ { secret: 'wrong-secret' }, 401, 'bad_signature' ],
			[ { signature: 't=123' }, 401, 'bad_signature' ],
			[ { timestamp: now - 320 }, 401, 'stale_signature' ],
			[ { timestamp: now + 320 }, 401, 'stale_signature' ],
			[ { headerId: 'bad id!' }, 400, 'bad_event_id' ],
			[ { headerId: 'another-id' }, 400, 'event_id_mismatch' ],
		];
		for ( const [ options, status, code ] of cases ) {
			const response = await harness.send( postEvent( 11 ), options );
			assert.equal( response.status, status, code );
			const body = ( await response.json() ) as { code: string };
			assert.equal( body.code, code );
			assert.doesNotMatch( JSON.stringify( body ), /test-feed-webhook/ );
		}
		assert.deepEqual( await recent(), [ 10 ] );
	} );

	it( 'refuses an event without the gateway token', async () => {
		const response = await fetch( `${ harness.service.url }/events`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( postEvent( 12 ) ),
		} );
		assert.equal( response.status, 401 );
	} );

	it( 'updates, unpublishes, deletes, drops a deleted term, ignores unknown types', async () => {
		for ( const event of [
			postEvent( 20, { categories: [ 5 ], age: 2 } ),
			postEvent( 21, { categories: [ 5, 6 ], age: 3 } ),
			postEvent( 22, { status: 'draft' } ),
		] ) {
			const response = await harness.send( event );
			assert.equal(
				response.status,
				event.data.status === 'draft' ? 400 : 200
			);
		}
		const byCategory = async ( id: number ) =>
			(
				await harness.call< { items: { id: number }[] } >(
					'GET',
					`/v1/feed?order=recent&category=${ id }`
				)
			).body.items.map( ( item ) => item.id );
		assert.deepEqual( await byCategory( 5 ), [ 20, 21 ] );

		const deleted = await harness.send( {
			id: eventId(),
			type: 'term.deleted',
			data: { term: { id: 5, taxonomy: 'category', name: 'Five' } },
		} );
		assert.equal( deleted.status, 200 );
		assert.deepEqual( await byCategory( 5 ), [] );
		assert.deepEqual( await byCategory( 6 ), [ 21 ] );

		// An older version of post 20 arriving late changes nothing.
		const stale = postEvent(
			20,
			{
				categories: [ 9 ],
				modified: '2020-01-01T00:00:00Z',
			},
			'post.updated'
		);
		assert.equal( ( await harness.send( stale ) ).status, 200 );
		assert.deepEqual( await byCategory( 9 ), [] );

		for ( const type of [ 'post.unpublished', 'post.deleted' ] ) {
			const response = await harness.send( {
				id: eventId(),
				type,
				data: { id: type === 'post.deleted' ? 20 : 21 },
			} );
			assert.equal( response.status, 200 );
		}
		assert.deepEqual( await recent(), [ 10 ] );

		const unknown = await harness.send( {
			id: eventId(),
			type: 'comment.created',
			data: {},
		} );
		assert.deepEqual( await unknown.json(), { ok: true, ignored: true } );
		const malformed = await harness.send( {
			id: eventId(),
			type: 'post.published',
			data: { id: 'x' },
		} );
		assert.equal( malformed.status, 400 );
	} );
} );

describe( 'index sync routes', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness();
	} );
	after( () => harness.close() );

	it( 'upserts a batch, reports bad items, pages the manifest and removes ids', async () => {
		const posts = Array.from( { length: 12 }, ( _, index ) =>
			postData( index + 1, {
				age: index + 1,
				comments: index,
			} )
		);
		const { status, body } = await harness.call< {
			indexed: number;
			skipped: number;
			rejected: { id: number | null; code: string }[];
		} >( 'POST', '/v1/index/documents', {
			documents: [
				...posts,
				{ id: 99, nonsense: true },
				postData( 50, { status: 'private' } ),
			],
		} );
		assert.equal( status, 200 );
		assert.equal( body.indexed, 12 );
		assert.deepEqual(
			body.rejected.map( ( item ) => [ item.id, item.code ] ),
			[
				[ 99, 'invalid_document' ],
				[ 50, 'not_publishable' ],
			]
		);

		const page = await harness.call< {
			documents: { id: number; fingerprint: string }[];
			next: number | null;
			total: number;
		} >( 'GET', '/v1/index/manifest?after=0&limit=5' );
		assert.deepEqual(
			page.body.documents.map( ( entry ) => entry.id ),
			[ 1, 2, 3, 4, 5 ]
		);
		assert.equal( page.body.next, 5 );
		assert.equal( page.body.total, 12 );
		const last = await harness.call< { next: number | null } >(
			'GET',
			'/v1/index/manifest?after=10&limit=5'
		);
		assert.equal( last.body.next, null );

		const removed = await harness.call( 'POST', '/v1/index/remove', {
			ids: [ 1, 2, 404 ],
		} );
		assert.deepEqual( removed.body, { removed: 2 } );
		const tooMany = await harness.call( 'POST', '/v1/index/remove', {
			ids: Array.from( { length: 1001 }, ( _, id ) => id + 1 ),
		} );
		assert.equal( tooMany.status, 400 );
	} );
} );

describe( 'readiness', () => {
	let wordpress: TestWordpress;

	before( async () => {
		wordpress = await startTestWordpress( { audience: 'feed' } );
	} );
	after( () => wordpress.close() );

	it( 'answers 503 on /ready and on every route until the catalogue is loaded', async () => {
		const app = buildServer( {
			verifier: gatewayVerifier( {
				...wordpressSiteFrom( {
					SWITCHBOARD_WORDPRESS_URL: wordpress.url,
				} ),
				audience: 'feed',
			} ),
			state: { engine: null },
			webhookSecret: null,
			logLevel: 'silent',
		} );
		const url = await app.listen( { port: 0, host: '127.0.0.1' } );
		try {
			const health = await fetch( `${ url }/health` );
			assert.equal( health.status, 200 );
			const ready = await fetch( `${ url }/ready` );
			assert.equal( ready.status, 503 );
			assert.equal(
				( ( await ready.json() ) as { code: string } ).code,
				'not_ready'
			);
			const feed = await fetch( `${ url }/v1/feed`, {
				headers: { Authorization: `Bearer ${ wordpress.token() }` },
			} );
			assert.equal( feed.status, 503 );
		} finally {
			await app.close();
		}
	} );
} );
