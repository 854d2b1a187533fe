/**
 * Test harness: a local JWKS server with a freshly generated Ed25519 key (standing in for WordPress), real
 * tokens signed with it, the search service started on an ephemeral port with its own data folder, and
 * signed event deliveries.
 */
import {
	eventId,
	startServiceHarness,
	startTestWordpress,
	type SendOptions,
	type ServiceHarness,
	type TestEvent,
	type TestWordpress,
} from '@switchboard/service-kit/testing';

import { loadConfig } from '../src/config';
import { startService, type RunningService } from '../src/service';

export const SECRET = 'test-webhook-secret-0123456789abcdef';

export type Wordpress = TestWordpress;

/**
 * Serves a JWKS at the path WordPress uses, and signs tokens for the search service as the gateway does.
 */
export function startWordpress(): Promise< Wordpress > {
	return startTestWordpress( { audience: 'search' } );
}

/** The kit's harness (WordPress, data folder, signed `send`, `restart`, `close`), and search calls. */
export interface Harness extends ServiceHarness< RunningService > {
	/** GET /v1/search with a valid token, unless `token` is given (null: no header). */
	search: (
		params: Record< string, string | number >,
		token?: string | null
	) => Promise< Response >;
}

export interface HarnessOptions {
	secret?: string | null;
	snapshotEvery?: number;
}

/**
 * Starts WordPress's stand-in and the service.
 *
 * @param options Secret (null: none) and snapshot interval.
 */
export async function startHarness(
	options: HarnessOptions = {}
): Promise< Harness > {
	const secret = options.secret === undefined ? SECRET : options.secret;
	const base = await startServiceHarness( {
		audience: 'search',
		// Deliveries are signed with SECRET even when the service has another secret or none.
		secret: SECRET,
		start: async ( wordpress, dataDir ) => {
			const config = loadConfig( {
				PORT: '0',
				SWITCHBOARD_WORDPRESS_URL: wordpress.url,
				SWITCHBOARD_SEARCH_DATA_DIR: dataDir,
				SWITCHBOARD_SEARCH_WEBHOOK_SECRET: secret ?? '',
				LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
			} );
			const service = await startService( config, {
				snapshotEvery: options.snapshotEvery,
			} );
			await service.ready;
			return service;
		},
	} );
	// Assigned onto the kit's object: `restart` replaces its `service`, which a copy would not see.
	return Object.assign( base, {
		search(
			params: Record< string, string | number >,
			token?: string | null
		) {
			const query = new URLSearchParams(
				Object.entries( params ).map( ( [ key, value ] ) => [
					key,
					String( value ),
				] )
			);
			const bearer = token === undefined ? base.wordpress.token() : token;
			return fetch( `${ base.service.url }/v1/search?${ query }`, {
				headers: {
					Accept: 'application/json',
					...( bearer === null
						? {}
						: { Authorization: `Bearer ${ bearer }` } ),
				},
			} );
		},
	} );
}

// Event ids and signed deliveries are the kit's, shared with the other content service's tests.
export { eventId, type SendOptions, type TestEvent };

export interface PostFields {
	title?: string;
	excerpt?: string;
	type?: string;
	status?: string;
	date?: string;
	modified?: string;
	author?: { id: number; name: string };
	categories?: { id: number; name: string }[];
	tags?: { id: number; name: string }[];
}

/**
 * A post.published event.
 *
 * @param id     Post id.
 * @param fields What differs from the defaults.
 * @param type   Event type.
 */
export function postEvent(
	id: number,
	fields: PostFields = {},
	type = 'post.published'
): TestEvent {
	const date = fields.date ?? '2026-01-02T03:04:05+00:00';
	return {
		id: eventId(),
		type,
		data: {
			id,
			type: fields.type ?? 'post',
			status: fields.status ?? 'publish',
			title: fields.title ?? `Post ${ id }`,
			excerpt: fields.excerpt ?? '',
			permalink: `https://example.test/?p=${ id }`,
			author: fields.author ?? { id: 1, name: 'Ada Admin' },
			terms: {
				category: fields.categories ?? [
					{ id: 1, name: 'Uncategorized' },
				],
				post_tag: fields.tags ?? [],
			},
			date,
			modified: fields.modified ?? date,
		},
	};
}

/**
 * A tombstone event.
 *
 * @param id   Post id.
 * @param type post.unpublished or post.deleted.
 */
export function tombstone(
	id: number,
	type: 'post.unpublished' | 'post.deleted'
): TestEvent {
	return {
		id: eventId(),
		type,
		data: {
			id,
			type: 'post',
			status: type === 'post.deleted' ? 'deleted' : 'unpublished',
		},
	};
}

export interface SearchBody {
	results: {
		id: number;
		title: string;
		url: string;
		excerpt: string;
		date: string;
		type: string;
		highlights: {
			title: [ number, number ][];
			excerpt: [ number, number ][];
		};
	}[];
	total: number;
	page: number;
	pages: number;
	facets: Record<
		'category' | 'post_tag' | 'type' | 'author' | 'date',
		{ value: string; label: string; count: number }[]
	>;
	suggestion: string | null;
}

/**
 * Sends events and fails unless each is accepted.
 *
 * @param harness The harness.
 * @param events  Events, sent one after another.
 */
export async function ingest(
	harness: Harness,
	...events: TestEvent[]
): Promise< void > {
	for ( const event of events ) {
		const response = await harness.send( event );
		if ( response.status !== 200 ) {
			throw new Error(
				`${ event.type } ${ event.id }: ${ response.status } ${ await response.text() }`
			);
		}
	}
}

/**
 * Searches and fails unless the answer is 200.
 *
 * @param harness The harness.
 * @param params  Query parameters.
 */
export async function searchOk(
	harness: Harness,
	params: Record< string, string | number >
): Promise< SearchBody > {
	const response = await harness.search( params );
	const text = await response.text();
	if ( response.status !== 200 ) {
		throw new Error(
			`search ${ JSON.stringify( params ) }: ${ response.status } ${ text }`
		);
	}
	return JSON.parse( text ) as SearchBody;
}
