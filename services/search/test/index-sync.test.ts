/**
 * Contract C2 over real HTTP: batch upserts (stale items skipped, bad items reported), removals, the manifest,
 * durability across a restart, bad input, and the token on every sync route. Also C1's `content` (searchable as
 * the body, shown as a snippet) and C3's date facet.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { gatewayRequest } from '@switchboard/service-kit/testing';

import {
	ingest,
	postEvent,
	searchOk,
	startHarness,
	type Harness,
	type PostFields,
} from './helpers';

const FINGERPRINT = 'a'.repeat( 40 );
const DAY_MS = 86_400_000;

/**
 * C1 post data, with a body and (for even ids) a fingerprint.
 *
 * @param id      Post id.
 * @param fields  Post fields.
 * @param content Body text.
 */
function postData(
	id: number,
	fields: PostFields = {},
	content?: string
): Record< string, unknown > {
	return {
		...postEvent( id, fields ).data,
		...( content === undefined ? {} : { content } ),
		...( id % 2 === 0 ? { fingerprint: FINGERPRINT } : {} ),
	};
}

interface Json {
	status: number;
	body: Record< string, unknown >;
}

describe( 'sync endpoints', () => {
	let harness: Harness;

	/**
	 * A request with the gateway's token (unless `token` is false).
	 *
	 * @param method HTTP method.
	 * @param path   Path and query.
	 * @param body   JSON body (or a string sent as is).
	 * @param token  Whether to send the token.
	 */
	const call = async (
		method: 'GET' | 'POST',
		path: string,
		body?: unknown,
		token = true
	): Promise< Json > => {
		const response = await fetch(
			`${ harness.service.url }${ path }`,
			gatewayRequest(
				method,
				body === undefined || typeof body === 'string'
					? ( body as string | undefined )
					: JSON.stringify( body ),
				token ? harness.wordpress.token() : null
			)
		);
		return {
			status: response.status,
			body: ( await response.json() ) as Record< string, unknown >,
		};
	};

	before( async () => {
		harness = await startHarness();
	} );
	after( () => harness.close() );

	it( 'indexes a batch, reports bad items, and finds words of the body with a snippet', async () => {
		const filler = 'Plain words about nothing in particular. '.repeat( 30 );
		const indexed = await call( 'POST', '/v1/index/documents', {
			documents: [
				postData(
					1,
					{ title: 'Harbour notes', excerpt: 'A short excerpt.' },
					`${ filler }The lighthouse keeper waved. ${ filler }`
				),
				postData(
					2,
					{ title: 'Lighthouse keepers of the north' },
					'x'
				),
				postData(
					3,
					{ title: 'Draft lighthouse', status: 'draft' },
					'lighthouse'
				),
				{ id: 4, title: 'No other fields' },
				'not even an object',
			],
		} );
		assert.equal( indexed.status, 200 );
		assert.equal( indexed.body.indexed, 2 );
		assert.equal( indexed.body.skipped, 0 );
		const rejected = indexed.body.rejected as {
			id: number | null;
			code: string;
		}[];
		assert.deepEqual(
			rejected.map( ( item ) => [ item.id, item.code ] ),
			[
				[ 3, 'not_publishable' ],
				[ 4, 'invalid_document' ],
				[ null, 'invalid_document' ],
			]
		);

		const found = await searchOk( harness, { q: 'lighthouse keeper' } );
		// The title match ranks above the body-only match.
		assert.deepEqual(
			found.results.map( ( result ) => result.id ),
			[ 2, 1 ]
		);
		const bodyHit = found.results[ 1 ];
		assert.ok( bodyHit );
		assert.ok( bodyHit.excerpt.length <= 300, bodyHit.excerpt );
		assert.ok( bodyHit.excerpt.startsWith( '\u2026' ) );
		assert.ok( bodyHit.excerpt.endsWith( '\u2026' ) );
		assert.deepEqual(
			bodyHit.highlights.excerpt.map( ( [ start, end ] ) =>
				bodyHit.excerpt.slice( start, end )
			),
			[ 'lighthouse', 'keeper' ]
		);
		// The excerpt itself is returned when it matches.
		const excerptHit = await searchOk( harness, { q: 'short excerpt' } );
		assert.equal( excerptHit.results[ 0 ]?.excerpt, 'A short excerpt.' );
	} );

	it( 'skips a document older than the indexed one, within a batch too', async () => {
		await ingest(
			harness,
			postEvent( 10, {
				title: 'Fresh walrus',
				modified: '2026-03-01T00:00:00+00:00',
			} )
		);
		const result = await call( 'POST', '/v1/index/documents', {
			documents: [
				postData( 10, {
					title: 'Stale walrus',
					modified: '2026-02-01T00:00:00+00:00',
				} ),
				postData( 11, {
					title: 'Walrus one',
					modified: '2026-02-02T00:00:00+00:00',
				} ),
				postData( 11, {
					title: 'Walrus two',
					modified: '2026-02-01T00:00:00+00:00',
				} ),
			],
		} );
		assert.deepEqual( result.body, {
			indexed: 1,
			skipped: 2,
			rejected: [],
		} );
		const titles = ( await searchOk( harness, { q: 'walrus' } ) ).results
			.map( ( hit ) => hit.title )
			.sort();
		assert.deepEqual( titles, [ 'Fresh walrus', 'Walrus one' ] );

		// The same modification time replaces (a re-index after a lost event may repair it).
		const same = await call( 'POST', '/v1/index/documents', {
			documents: [
				postData( 10, {
					title: 'Same walrus',
					modified: '2026-03-01T00:00:00+00:00',
				} ),
			],
		} );
		assert.equal( same.body.indexed, 1 );
	} );

	it( 'lists the index in pages of ids with modified and fingerprint', async () => {
		await call( 'POST', '/v1/index/documents', {
			documents: [ 20, 21, 22, 23, 24 ].map( ( id ) =>
				postData( id, { modified: `2026-01-${ id }T00:00:00Z` } )
			),
		} );
		const all = await call( 'GET', '/v1/index/manifest?limit=5000' );
		assert.equal( all.status, 200 );
		const ids = ( all.body.documents as { id: number }[] ).map(
			( document ) => document.id
		);
		assert.deepEqual( ids, [ 1, 2, 10, 11, 20, 21, 22, 23, 24 ] );
		assert.equal( all.body.total, 9 );
		assert.equal( all.body.next, null );

		const page = await call( 'GET', '/v1/index/manifest?after=10&limit=3' );
		assert.deepEqual( page.body, {
			documents: [
				{
					id: 11,
					modified: '2026-02-02T00:00:00+00:00',
					fingerprint: '',
				},
				{
					id: 20,
					modified: '2026-01-20T00:00:00+00:00',
					fingerprint: FINGERPRINT,
				},
				{
					id: 21,
					modified: '2026-01-21T00:00:00+00:00',
					fingerprint: '',
				},
			],
			next: 21,
			total: 9,
		} );
		const last = await call( 'GET', '/v1/index/manifest?after=21&limit=3' );
		assert.equal( last.body.next, null );
		assert.equal( ( last.body.documents as unknown[] ).length, 3 );
		const empty = await call( 'GET', '/v1/index/manifest?after=24' );
		assert.deepEqual( empty.body, { documents: [], next: null, total: 9 } );
	} );

	it( 'removes ids, ignoring unknown ones, durably across a restart', async () => {
		const removed = await call( 'POST', '/v1/index/remove', {
			ids: [ 20, 21, 21, 999 ],
		} );
		assert.deepEqual( removed, { status: 200, body: { removed: 2 } } );

		await harness.restart();
		const manifest = await call( 'GET', '/v1/index/manifest' );
		assert.deepEqual(
			( manifest.body.documents as { id: number }[] ).map(
				( document ) => document.id
			),
			[ 1, 2, 10, 11, 22, 23, 24 ]
		);
		// The body survived the restart too.
		assert.equal(
			( await searchOk( harness, { q: 'waved' } ) ).results[ 0 ]?.id,
			1
		);
	} );

	it( 'refuses malformed requests with 400, a body over 8 MB with 413', async () => {
		const bad: [ 'GET' | 'POST', string, unknown ][] = [
			[ 'POST', '/v1/index/documents', { documents: {} } ],
			[ 'POST', '/v1/index/documents', { documents: [] } ],
			[
				'POST',
				'/v1/index/documents',
				{ documents: Array.from( { length: 501 }, ( _, i ) => i ) },
			],
			[
				'POST',
				'/v1/index/documents',
				{ documents: [ postData( 1 ) ], extra: true },
			],
			[ 'POST', '/v1/index/documents', '{"documents":[' ],
			[ 'POST', '/v1/index/remove', { ids: [] } ],
			[ 'POST', '/v1/index/remove', { ids: [ 0 ] } ],
			[ 'POST', '/v1/index/remove', { ids: [ 'x' ] } ],
			[
				'POST',
				'/v1/index/remove',
				{ ids: Array.from( { length: 1001 }, ( _, i ) => i + 1 ) },
			],
			[ 'POST', '/v1/index/remove', { ids: [ 1 ], force: true } ],
			[ 'GET', '/v1/index/manifest?limit=0', undefined ],
			[ 'GET', '/v1/index/manifest?limit=5001', undefined ],
			[ 'GET', '/v1/index/manifest?after=-1', undefined ],
			[ 'GET', '/v1/index/manifest?cursor=1', undefined ],
		];
		for ( const [ method, path, body ] of bad ) {
			const answer = await call( method, path, body );
			assert.equal(
				answer.status,
				400,
				`${ path } ${ JSON.stringify( body ) }`
			);
			assert.equal( typeof answer.body.code, 'string' );
			assert.equal( typeof answer.body.message, 'string' );
		}

		const huge = await call( 'POST', '/v1/index/documents', {
			documents: [ postData( 30, {}, 'word '.repeat( 1_700_000 ) ) ],
		} );
		assert.equal( huge.status, 413 );
		assert.equal( huge.body.code, 'body_too_large' );

		// Large but within the limit: accepted.
		const large = await call( 'POST', '/v1/index/documents', {
			documents: Array.from( { length: 100 }, ( _, i ) =>
				postData( 100 + i, {}, 'ocelot '.repeat( 10_000 ) )
			),
		} );
		assert.equal( large.status, 200 );
		assert.equal( large.body.indexed, 100 );
	} );

	it( 'refuses every sync route without a token', async () => {
		for ( const [ method, path, body ] of [
			[
				'POST',
				'/v1/index/documents',
				{ documents: [ postData( 40 ) ] },
			],
			[ 'POST', '/v1/index/remove', { ids: [ 1 ] } ],
			[ 'GET', '/v1/index/manifest', undefined ],
		] as const ) {
			const answer = await call( method, path, body, false );
			assert.equal( answer.status, 401, path );
			assert.equal( answer.body.code, 'unauthorized' );
		}
		const manifest = await call(
			'GET',
			'/v1/index/manifest?after=39&limit=1'
		);
		assert.notEqual(
			( manifest.body.documents as { id: number }[] )[ 0 ]?.id,
			40
		);
	} );
} );

describe( 'date facet', () => {
	let harness: Harness;
	const daysAgo = ( days: number ) =>
		new Date( Date.now() - days * DAY_MS ).toISOString();

	before( async () => {
		harness = await startHarness();
		await ingest(
			harness,
			postEvent( 1, { title: 'Tapir week', date: daysAgo( 3 ) } ),
			postEvent( 2, {
				title: 'Tapir month',
				date: daysAgo( 20 ),
				categories: [ { id: 7, name: 'Zoo' } ],
			} ),
			postEvent( 3, { title: 'Tapir year', date: daysAgo( 200 ) } ),
			postEvent( 4, { title: 'Tapir old', date: daysAgo( 800 ) } )
		);
	} );
	after( () => harness.close() );

	it( 'counts every bucket, without the date filters, with the others', async () => {
		const expected = [
			{ value: 'past-week', label: 'Past week', count: 1 },
			{ value: 'past-month', label: 'Past month', count: 2 },
			{ value: 'past-year', label: 'Past year', count: 3 },
		];
		const all = await searchOk( harness, { q: 'tapir' } );
		assert.equal( all.total, 4 );
		assert.deepEqual( all.facets.date, expected );

		const recent = await searchOk( harness, {
			q: 'tapir',
			after: daysAgo( 30 ).slice( 0, 19 ) + 'Z',
		} );
		assert.equal( recent.total, 2 );
		assert.deepEqual( recent.facets.date, expected );

		const zoo = await searchOk( harness, { q: 'tapir', category: '7' } );
		assert.deepEqual(
			zoo.facets.date.map( ( bucket ) => bucket.count ),
			[ 0, 1, 1 ]
		);
		const none = await searchOk( harness, { q: 'okapi' } );
		assert.deepEqual(
			none.facets.date.map( ( bucket ) => bucket.count ),
			[ 0, 0, 0 ]
		);
	} );
} );
