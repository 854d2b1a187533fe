/**
 * Test harness: a local JWKS server with a freshly generated Ed25519 key (standing in for WordPress), real
 * tokens signed with it, the search service started on an ephemeral port with its own data folder, and
 * signed event deliveries.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	startTestWordpress,
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

export interface Harness {
	wordpress: Wordpress;
	service: RunningService;
	dataDir: string;
	/** GET /v1/search with a valid token, unless `token` is given (null: no header). */
	search: (
		params: Record< string, string | number >,
		token?: string | null
	) => Promise< Response >;
	/** POST /events, signed now with SECRET. */
	send: ( event: TestEvent, options?: SendOptions ) => Promise< Response >;
	/** Restarts the service on the same data folder. */
	restart: () => Promise< void >;
	close: () => Promise< void >;
}

export interface TestEvent {
	id: string;
	type: string;
	data: Record< string, unknown >;
}

export interface SendOptions {
	timestamp?: number;
	secret?: string;
	/** Replaces the whole signature header. */
	signature?: string;
	headerId?: string;
	body?: string;
	contentType?: string;
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
	const wordpress = await startWordpress();
	const dataDir = await mkdtemp( join( tmpdir(), 'switchboard-search-' ) );
	const secret = options.secret === undefined ? SECRET : options.secret;
	const start = async () => {
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
	};

	const harness: Harness = {
		wordpress,
		service: await start(),
		dataDir,
		search( params, token ) {
			const query = new URLSearchParams(
				Object.entries( params ).map( ( [ key, value ] ) => [
					key,
					String( value ),
				] )
			);
			const bearer = token === undefined ? wordpress.token() : token;
			return fetch( `${ harness.service.url }/v1/search?${ query }`, {
				headers: {
					Accept: 'application/json',
					...( bearer === null
						? {}
						: { Authorization: `Bearer ${ bearer }` } ),
				},
			} );
		},
		send( event, sendOptions = {} ) {
			const body = sendOptions.body ?? JSON.stringify( event );
			const timestamp =
				sendOptions.timestamp ?? Math.floor( Date.now() / 1000 );
			const id = sendOptions.headerId ?? event.id;
			const hmac = createHmac( 'sha256', sendOptions.secret ?? SECRET )
				.update( `${ id }.${ timestamp }.${ body }` )
				.digest( 'hex' );
			return fetch( `${ harness.service.url }/events`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${ wordpress.token() }`,
					'Content-Type':
						sendOptions.contentType ?? 'application/json',
					Accept: 'application/json',
					'Switchboard-Event-Id': id,
					'Switchboard-Signature':
						sendOptions.signature ??
						`t=${ timestamp },v1=${ hmac }`,
				},
				body,
			} );
		},
		async restart() {
			await harness.service.close();
			harness.service = await start();
		},
		async close() {
			await harness.service.close();
			await wordpress.close();
			await rm( dataDir, { recursive: true, force: true } );
		},
	};
	return harness;
}

let sequence = 0;

/** A unique event id. */
export const eventId = () => `evt-${ process.pid }-${ ++sequence }`;

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
