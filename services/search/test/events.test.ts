/**
 * POST /events: signatures, idempotency, and what each event does to the index.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import {
	eventId,
	ingest,
	postEvent,
	SECRET,
	searchOk,
	startHarness,
	tombstone,
	type Harness,
} from './helpers';

async function errorCode( response: Response ): Promise< string > {
	const body = ( await response.json() ) as { code: string; message: string };
	assert.equal( typeof body.message, 'string' );
	return body.code;
}

describe( 'events with a shared secret', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness();
	} );
	after( () => harness.close() );

	it( 'accepts a signed publish and the post becomes searchable', async () => {
		const response = await harness.send(
			postEvent( 10, { title: 'Kayak trip on the fjord' } )
		);
		assert.equal( response.status, 200 );
		assert.equal(
			response.headers.get( 'content-type' ),
			'application/json; charset=utf-8'
		);
		assert.deepEqual( await response.json(), { ok: true } );

		const found = await searchOk( harness, { q: 'fjord' } );
		assert.deepEqual(
			found.results.map( ( result ) => result.id ),
			[ 10 ]
		);
		assert.equal( found.results[ 0 ]?.url, 'https://example.test/?p=10' );
		assert.equal( found.results[ 0 ]?.date, '2026-01-02T03:04:05+00:00' );
	} );

	it( 'refuses a bad signature, a wrong secret, a stale or future timestamp', async () => {
		const cases: [
			Parameters< Harness[ 'send' ] >[ 1 ],
			number,
			string,
		][] = [
			[ { secret: 'wrong-secret' }, 401, 'bad_signature' ],
			[ { signature: 't=123' }, 401, 'bad_signature' ],
			[
				{
					signature: `t=${ Math.floor( Date.now() / 1000 ) },v1=${ 'a'.repeat( 64 ) }`,
				},
				401,
				'bad_signature',
			],
			[
				// Well past the window either way, so a slow machine cannot move the request back into it.
				{ timestamp: Math.floor( Date.now() / 1000 ) - 320 },
				401,
				'stale_signature',
			],
			[
				{ timestamp: Math.floor( Date.now() / 1000 ) + 320 },
				401,
				'stale_signature',
			],
			[ { headerId: 'bad id!' }, 400, 'bad_event_id' ],
		];
		for ( const [ options, status, code ] of cases ) {
			const response = await harness.send(
				postEvent( 11, { title: 'Forged walrus' } ),
				options
			);
			assert.equal( response.status, status, JSON.stringify( options ) );
			assert.equal( await errorCode( response ), code );
		}
		// A body changed after signing.
		const event = postEvent( 11, { title: 'Forged walrus' } );
		const timestamp = Math.floor( Date.now() / 1000 );
		const signed = await harness.send( event, { timestamp } );
		assert.equal( signed.status, 200 );
		const copy = { ...event, id: eventId() };
		const hmac = createHmac( 'sha256', SECRET )
			.update( `${ copy.id }.${ timestamp }.${ JSON.stringify( copy ) }` )
			.digest( 'hex' );
		const tampered = await harness.send( copy, {
			signature: `t=${ timestamp },v1=${ hmac }`,
			body: JSON.stringify( copy ).replace( 'Forged', 'Tampered' ),
		} );
		assert.equal( tampered.status, 401 );

		assert.equal(
			( await searchOk( harness, { q: 'tampered' } ) ).total,
			0
		);
	} );

	it( 'treats a redelivered event id as done, without applying it again', async () => {
		const publish = postEvent( 12, { title: 'Lighthouse keeper' } );
		await ingest( harness, publish );
		await ingest( harness, tombstone( 12, 'post.unpublished' ) );

		const again = await harness.send( publish );
		assert.equal( again.status, 200 );
		assert.deepEqual( await again.json(), { ok: true, duplicate: true } );
		assert.equal(
			( await searchOk( harness, { q: 'lighthouse' } ) ).total,
			0
		);
	} );

	it( 'refuses a header id that differs from the body id', async () => {
		const event = postEvent( 13 );
		const response = await harness.send( event, { headerId: 'other-id' } );
		assert.equal( response.status, 400 );
		assert.equal( await errorCode( response ), 'event_id_mismatch' );
	} );

	it( 'updates a post, ignores an older update, and removes it on unpublish and delete', async () => {
		await ingest(
			harness,
			postEvent( 20, {
				title: 'Granite quarry',
				modified: '2026-01-05T00:00:00+00:00',
			} )
		);
		await ingest(
			harness,
			postEvent(
				20,
				{
					title: 'Marble quarry',
					modified: '2026-01-06T00:00:00+00:00',
				},
				'post.updated'
			)
		);
		assert.equal(
			( await searchOk( harness, { q: 'granite' } ) ).total,
			0
		);
		assert.equal( ( await searchOk( harness, { q: 'marble' } ) ).total, 1 );

		await ingest(
			harness,
			postEvent(
				20,
				{
					title: 'Slate quarry',
					modified: '2026-01-04T00:00:00+00:00',
				},
				'post.updated'
			)
		);
		assert.equal(
			( await searchOk( harness, { q: 'slate' } ) ).total,
			0,
			'an older update is ignored'
		);

		await ingest( harness, tombstone( 20, 'post.unpublished' ) );
		assert.equal( ( await searchOk( harness, { q: 'quarry' } ) ).total, 0 );

		await ingest(
			harness,
			postEvent( 21, { title: 'Basalt quarry' } ),
			tombstone( 21, 'post.deleted' )
		);
		assert.equal( ( await searchOk( harness, { q: 'basalt' } ) ).total, 0 );
		// Removing what is not there is fine.
		await ingest( harness, tombstone( 9999, 'post.deleted' ) );
	} );

	it( 'refuses to index anything that is not published', async () => {
		for ( const status of [ 'private', 'draft', 'future', 'pending' ] ) {
			const response = await harness.send(
				postEvent( 30, {
					title: `Secret ${ status } zeppelin`,
					status,
				} )
			);
			assert.equal( response.status, 400 );
			assert.equal( await errorCode( response ), 'not_publishable' );
		}
		assert.equal(
			( await searchOk( harness, { q: 'zeppelin' } ) ).total,
			0
		);
	} );

	it( 'renames authors and terms everywhere', async () => {
		await ingest(
			harness,
			postEvent( 40, {
				title: 'Orchard notes',
				author: { id: 7, name: 'Pat Gardener' },
				categories: [ { id: 70, name: 'Gardening' } ],
			} )
		);
		await ingest(
			harness,
			{
				id: eventId(),
				type: 'author.updated',
				data: { author: { id: 7, name: 'Pat Orchardist' } },
			},
			{
				id: eventId(),
				type: 'term.updated',
				data: {
					term: {
						id: 70,
						taxonomy: 'category',
						name: 'Horticulture',
					},
				},
			}
		);
		const found = await searchOk( harness, { q: 'orchard' } );
		assert.deepEqual( found.facets.author, [
			{ value: '7', label: 'Pat Orchardist', count: 1 },
		] );
		assert.deepEqual( found.facets.category, [
			{ value: '70', label: 'Horticulture', count: 1 },
		] );
		assert.equal(
			( await searchOk( harness, { q: 'horticulture' } ) ).total,
			1
		);
		assert.equal(
			( await searchOk( harness, { q: 'gardener' } ) ).total,
			0
		);
	} );

	it( 'answers unknown event types with ok, and refuses malformed events', async () => {
		const unknown = await harness.send( {
			id: eventId(),
			type: 'comment.created',
			data: {},
		} );
		assert.equal( unknown.status, 200 );
		assert.deepEqual( await unknown.json(), { ok: true, ignored: true } );

		const bad = await harness.send( {
			id: eventId(),
			type: 'post.published',
			data: { id: 'five' },
		} );
		assert.equal( bad.status, 400 );
		assert.equal( await errorCode( bad ), 'invalid_event' );

		const notJson = await harness.send(
			{ id: eventId(), type: 'x.y', data: {} },
			{ body: 'not json' }
		);
		assert.equal( notJson.status, 400 );
		assert.equal( await errorCode( notJson ), 'invalid_json' );

		const text = await harness.send(
			{ id: eventId(), type: 'x.y', data: {} },
			{ contentType: 'text/plain' }
		);
		assert.equal( text.status, 415 );
		assert.equal( await errorCode( text ), 'unsupported_media_type' );

		const noData = await harness.send( {
			id: eventId(),
			type: 'post.published',
		} as never );
		assert.equal( noData.status, 400 );
		assert.equal( await errorCode( noData ), 'invalid_request' );
	} );
} );

describe( 'events without a shared secret', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness( { secret: null } );
	} );
	after( () => harness.close() );

	it( 'accepts events on the token alone', async () => {
		const response = await harness.send(
			postEvent( 1, { title: 'Unsigned pelican' } ),
			{
				signature: 'garbage',
			}
		);
		assert.equal( response.status, 200 );
		assert.equal(
			( await searchOk( harness, { q: 'pelican' } ) ).total,
			1
		);
	} );
} );
