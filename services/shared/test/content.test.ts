/**
 * The content-service pieces of the kit (`@switchboard/service-kit/content`) over real HTTP, behind a tiny
 * in-memory service built the way search and feed are built: the C1 data rules, the event switch, the signed
 * `/events` route (signature, ids, plan, apply once), the C2 sync routes, the shared configuration, and the
 * test harness that drives it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	contentServiceConfigFrom,
	createContentServer,
	normalizeDate,
	planContentEvent,
	planPublished,
	publishedDates,
	startContentServer,
	type ContentEventPlan,
	type StartedContentService,
} from '../src/content';
import { ConfigError, HttpError } from '../src';
import {
	eventId,
	gatewayRequest,
	startServiceHarness,
	type ServiceHarness,
} from '../src/testing';

const SECRET = 'kit-test-secret-0123456789';

/** A post's record in the test service: id and modification date. */
interface Row {
	id: number;
	modified: string;
}

type Plan = ( rows: Map< number, Row > ) => void;

/**
 * The test service's plans: it keeps ids and modification dates, and counts the author events it saw.
 *
 * @param type Event type.
 * @param data Event data.
 */
function plan( type: string, data: unknown ): ContentEventPlan< Plan > {
	return planContentEvent< Plan >( type, data, {
		published: ( post ) =>
			planPublished(
				publishedDates( post ),
				'kept',
				( dates ) => ( rows ) =>
					void rows.set( post.id, {
						id: post.id,
						modified: dates.modified,
					} )
			),
		tombstone: ( { id } ) => ( {
			kind: 'apply',
			plan: ( rows ) => void rows.delete( id ),
		} ),
		author: () => ( { kind: 'apply', plan: () => undefined } ),
		term: ( _term, deleted ) =>
			deleted
				? { kind: 'apply', plan: () => undefined }
				: { kind: 'ignore' },
	} );
}

/**
 * The in-memory service: not ready until `ready` is set, then keeps rows and applies each event id once.
 *
 * @param env The environment its configuration is read from.
 */
async function startMemoryService(
	env: NodeJS.ProcessEnv
): Promise< StartedContentService & { rows: Map< number, Row > } > {
	const config = contentServiceConfigFrom( env, {
		audience: 'kit-test',
		port: 4999,
		dataDirVariable: 'KIT_TEST_DATA_DIR',
		defaultDataDir: new URL( '../.data', import.meta.url ),
		webhookSecretVariable: 'KIT_TEST_WEBHOOK_SECRET',
	} );
	const rows = new Map< number, Row >();
	const seen = new Set< string >();
	const ready = () => {
		if ( env.KIT_TEST_READY === 'no' ) {
			throw new HttpError( 503, 'not_ready', 'Loading.' );
		}
	};
	const { app, url, stopKeys } = await startContentServer( config, {
		overrides: {},
		webhookSecretVariable: 'KIT_TEST_WEBHOOK_SECRET',
		build: ( settings ) =>
			createContentServer( settings, {
				serviceName: 'kit-test',
				health: { readiness: () => ( { ready: true } ) },
				events: {
					ready,
					plan,
					apply: ( id, change ) => {
						if ( seen.has( id ) ) {
							return false;
						}
						seen.add( id );
						change( rows );
						return true;
					},
				},
				indexSync: {
					kept: 'kept',
					logNoun: 'Rows',
					toItem: ( data ) => {
						const dates = publishedDates( data );
						return (
							dates && { id: data.id, modified: dates.modified }
						);
					},
					upsert: ( items ) => {
						ready();
						for ( const item of items ) {
							rows.set( item.id, item );
						}
						return { indexed: items.length, skipped: 0 };
					},
					remove: ( ids ) =>
						ids.filter( ( id ) => rows.delete( id ) ).length,
					manifest: ( afterId, limit ) => {
						const ids = [ ...rows.keys() ]
							.filter( ( id ) => id > afterId )
							.sort( ( a, b ) => a - b );
						const page = ids.slice( 0, limit );
						return {
							documents: page.map( ( id ) => ( {
								id,
								modified: ( rows.get( id ) as Row ).modified,
								fingerprint: '',
							} ) ),
							next:
								ids.length > limit
									? ( page[ page.length - 1 ] ?? null )
									: null,
							total: rows.size,
						};
					},
				},
			} ),
	} );
	return {
		app,
		url,
		rows,
		ready: Promise.resolve(),
		close: async () => {
			stopKeys();
			await app.close();
		},
	};
}

/**
 * A published post's event data.
 *
 * @param id     Post id.
 * @param status Post status.
 */
const post = ( id: number, status = 'publish' ) => ( {
	id,
	type: 'post',
	status,
	title: `Post ${ id }`,
	excerpt: '',
	permalink: `https://example.test/?p=${ id }`,
	author: { id: 1, name: 'Ada' },
	terms: { category: [ { id: 1, name: 'News' } ] },
	date: '2026-01-02T03:04:05Z',
	modified: '2026-01-03T03:04:05.123Z',
	comment_count: 4,
} );

describe( 'C1 data rules and the event switch', () => {
	it( 'normalizes dates to second precision with an offset, and keeps only published posts', () => {
		assert.equal(
			normalizeDate( '2026-01-02T03:04:05.678Z' ),
			'2026-01-02T03:04:05+00:00'
		);
		assert.equal( normalizeDate( 'yesterday-ish' ), null );
		assert.deepEqual( publishedDates( post( 1 ) ), {
			date: '2026-01-02T03:04:05+00:00',
			modified: '2026-01-03T03:04:05+00:00',
		} );
		assert.equal( publishedDates( post( 1, 'draft' ) ), null );
		// A bad modification date falls back to the publication date.
		assert.equal(
			publishedDates( { ...post( 1 ), modified: 'nope' } )?.modified,
			'2026-01-02T03:04:05+00:00'
		);
	} );

	it( 'refuses data of the wrong shape, names the type, and ignores unknown types', () => {
		assert.deepEqual( plan( 'post.updated', { id: 'x' } ), {
			kind: 'invalid',
			code: 'invalid_event',
			message: 'The post.updated data does not have the expected shape.',
		} );
		assert.deepEqual( plan( 'post.published', post( 2, 'private' ) ), {
			kind: 'invalid',
			code: 'not_publishable',
			message: 'Only published posts with valid dates are kept.',
		} );
		assert.equal( plan( 'comment.created', {} ).kind, 'ignore' );
		const term = { term: { id: 3, taxonomy: 'category', name: 'News' } };
		// The term planner is told which of the two events it got.
		assert.equal( plan( 'term.deleted', term ).kind, 'apply' );
		assert.equal( plan( 'term.updated', term ).kind, 'ignore' );
	} );
} );

describe( 'content service configuration', () => {
	const names = {
		audience: 'kit-test',
		port: 4999,
		dataDirVariable: 'KIT_TEST_DATA_DIR',
		defaultDataDir: new URL( 'file:///var/kit/' ),
		webhookSecretVariable: 'KIT_TEST_WEBHOOK_SECRET',
	};

	it( 'reads the service’s variables, with defaults', () => {
		const config = contentServiceConfigFrom(
			{ SWITCHBOARD_WORDPRESS_URL: 'http://wp.test/' },
			names
		);
		assert.equal( config.port, 4999 );
		assert.equal( config.audience, 'kit-test' );
		assert.equal( config.dataDir, '/var/kit/' );
		assert.equal( config.webhookSecret, null );
		assert.equal(
			config.jwksUrl,
			'http://wp.test/wp-json/switchboard/v1/jwks'
		);
		const set = contentServiceConfigFrom(
			{
				SWITCHBOARD_WORDPRESS_URL: 'http://wp.test',
				KIT_TEST_DATA_DIR: '/tmp/kit',
				KIT_TEST_WEBHOOK_SECRET: 'whsec_value',
			},
			names
		);
		assert.equal( set.dataDir, '/tmp/kit' );
		assert.equal( set.webhookSecret, 'whsec_value' );
	} );

	it( 'fails on a bad variable without echoing its value', () => {
		assert.throws(
			() =>
				contentServiceConfigFrom(
					{
						SWITCHBOARD_WORDPRESS_URL: 'http://wp.test',
						PORT: 'sk_live_x',
					},
					names
				),
			( error: unknown ) =>
				error instanceof ConfigError &&
				! error.message.includes( 'sk_live_x' )
		);
	} );
} );

describe( 'a content service built on the kit, over HTTP', () => {
	let harness: ServiceHarness<
		Awaited< ReturnType< typeof startMemoryService > >
	>;
	const env: NodeJS.ProcessEnv = {};

	before( async () => {
		harness = await startServiceHarness( {
			audience: 'kit-test',
			secret: SECRET,
			start: ( wordpress, dataDir ) =>
				startMemoryService(
					Object.assign( env, {
						PORT: '0',
						SWITCHBOARD_WORDPRESS_URL: wordpress.url,
						KIT_TEST_DATA_DIR: dataDir,
						KIT_TEST_WEBHOOK_SECRET: SECRET,
						LOG_LEVEL: 'silent',
					} )
				),
		} );
	} );
	after( () => harness.close() );

	const call = async ( method: string, path: string, body?: unknown ) => {
		const response = await fetch(
			`${ harness.service.url }${ path }`,
			gatewayRequest(
				method,
				body === undefined ? undefined : JSON.stringify( body ),
				harness.wordpress.token()
			)
		);
		return { status: response.status, body: await response.json() };
	};

	it( 'applies a signed event once, and answers a redelivery as a duplicate', async () => {
		const event = {
			id: eventId(),
			type: 'post.published',
			data: post( 7 ),
		};
		const first = await harness.send( event );
		assert.equal( first.status, 200 );
		assert.deepEqual( await first.json(), { ok: true } );
		assert.equal(
			harness.service.rows.get( 7 )?.modified,
			'2026-01-03T03:04:05+00:00'
		);
		const again = await harness.send( event );
		assert.deepEqual( await again.json(), { ok: true, duplicate: true } );
		const ignored = await harness.send( {
			id: eventId(),
			type: 'site.renamed',
			data: {},
		} );
		assert.deepEqual( await ignored.json(), { ok: true, ignored: true } );
	} );

	it( 'refuses bad signatures, mismatched ids, invalid data and other media types', async () => {
		const event = { id: eventId(), type: 'post.deleted', data: { id: 7 } };
		const forged = await harness.send( event, {
			secret: 'another-secret',
		} );
		assert.equal( forged.status, 401 );
		assert.equal( ( await forged.json() ).code, 'bad_signature' );
		const stale = await harness.send( event, {
			timestamp: Math.floor( Date.now() / 1000 ) - 3600,
		} );
		assert.equal( ( await stale.json() ).code, 'stale_signature' );
		const mismatch = await harness.send( event, {
			body: JSON.stringify( { ...event, id: 'other-id' } ),
		} );
		// Signed with the header id over that body: the signature holds, the ids do not match.
		assert.equal( mismatch.status, 400 );
		assert.equal( ( await mismatch.json() ).code, 'event_id_mismatch' );
		const invalid = await harness.send( {
			id: eventId(),
			type: 'post.deleted',
			data: { id: 'x' },
		} );
		assert.equal( ( await invalid.json() ).code, 'invalid_event' );
		const text = await harness.send( event, { contentType: 'text/plain' } );
		assert.equal( text.status, 415 );
		assert.ok(
			harness.service.rows.has( 7 ),
			'nothing refused was applied'
		);
	} );

	it( 'upserts a batch with per-item rejections, removes ids and pages the manifest', async () => {
		const batch = await call( 'POST', '/v1/index/documents', {
			documents: [ post( 1 ), post( 2 ), post( 3, 'draft' ), { id: 4 } ],
		} );
		assert.equal( batch.status, 200 );
		assert.equal( batch.body.indexed, 2 );
		assert.deepEqual(
			batch.body.rejected.map( ( item: { id: number; code: string } ) => [
				item.id,
				item.code,
			] ),
			[
				[ 3, 'not_publishable' ],
				[ 4, 'invalid_document' ],
			]
		);
		const page = await call( 'GET', '/v1/index/manifest?limit=2' );
		assert.deepEqual(
			page.body.documents.map( ( item: { id: number } ) => item.id ),
			[ 1, 2 ]
		);
		assert.equal( page.body.next, 2 );
		assert.equal( page.body.total, 3 );
		const removed = await call( 'POST', '/v1/index/remove', {
			ids: [ 2, 2, 99 ],
		} );
		assert.deepEqual( removed.body, { removed: 1 } );
	} );

	it( 'answers 503 before checking anything while the service is not ready', async () => {
		env.KIT_TEST_READY = 'no';
		try {
			const response = await harness.send(
				{ id: eventId(), type: 'post.published', data: post( 8 ) },
				{ signature: 'garbage' }
			);
			assert.equal( response.status, 503 );
			assert.equal( ( await response.json() ).code, 'not_ready' );
			const batch = await call( 'POST', '/v1/index/documents', {
				documents: [ post( 9 ) ],
			} );
			assert.equal( batch.status, 503 );
		} finally {
			delete env.KIT_TEST_READY;
		}
		assert.equal( harness.service.rows.has( 8 ), false );
	} );

	it( 'restarts the service through the harness: a new process state, the same WordPress', async () => {
		const previous = harness.service;
		await harness.restart();
		assert.notEqual( harness.service, previous );
		// The in-memory service keeps nothing; a real one reloads from the same data folder.
		assert.equal( harness.service.rows.size, 0 );
		const health = await fetch( `${ harness.service.url }/health` );
		assert.deepEqual( await health.json(), { status: 'ok' } );
		const event = {
			id: eventId(),
			type: 'post.published',
			data: post( 5 ),
		};
		assert.equal( ( await harness.send( event ) ).status, 200 );
	} );
} );
