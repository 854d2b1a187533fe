/**
 * Test harness: WordPress's stand-in from the kit (a JWKS and real gateway tokens), the feed service started on
 * an ephemeral port with its own data folder and a clock the test moves, signed content events, and calls as
 * the gateway makes them (with or without a user in the token's `sub`).
 */
import {
	eventId,
	gatewayRequest,
	startServiceHarness,
	type SendOptions,
	type ServiceHarness,
	type TestEvent,
} from '@switchboard/service-kit/testing';

import { loadConfig } from '../src/config';
import { startService, type RunningService } from '../src/service';

export const SECRET = 'test-feed-webhook-secret-0123456789';

/** The tests' "now": 2026-03-01, after every generated post date. */
export const START = Date.parse( '2026-03-01T00:00:00Z' );

export const DAY = 86_400_000;

export interface Clock {
	now: number;
}

export interface CallOptions {
	/** The token's subject (a logged-in user); none by default. */
	sub?: string;
	/** null: no Authorization header. */
	token?: string | null;
	/** Raw body instead of JSON of `body`. */
	raw?: string;
}

/** The kit's harness (WordPress, data folder, signed `send`, `restart`, `close`), a clock and gateway calls. */
export interface Harness extends ServiceHarness< RunningService > {
	clock: Clock;
	/** A call as the gateway makes it; answers status and parsed JSON. */
	call: < T = Record< string, unknown > >(
		method: string,
		path: string,
		body?: unknown,
		options?: CallOptions
	) => Promise< { status: number; body: T; headers: Headers } >;
}

/**
 * Starts WordPress's stand-in and the service.
 *
 * @param env Extra environment (e.g. `SWITCHBOARD_FEED_HOLDOUT`).
 */
export async function startHarness(
	env: Record< string, string > = {}
): Promise< Harness > {
	const clock: Clock = { now: START };
	const base = await startServiceHarness( {
		audience: 'feed',
		secret: SECRET,
		start: async ( wordpress, dataDir ) => {
			const config = loadConfig( {
				PORT: '0',
				SWITCHBOARD_WORDPRESS_URL: wordpress.url,
				SWITCHBOARD_FEED_DATA_DIR: dataDir,
				SWITCHBOARD_FEED_WEBHOOK_SECRET: SECRET,
				SWITCHBOARD_FEED_HOLDOUT: '0',
				LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
				...env,
			} );
			const service = await startService( config, {
				now: () => clock.now,
			} );
			await service.ready;
			return service;
		},
	} );
	const call: Harness[ 'call' ] = async (
		method,
		path,
		body,
		options = {}
	) => {
		const token =
			options.token === undefined
				? base.wordpress.token(
						options.sub === undefined ? {} : { sub: options.sub }
					)
				: options.token;
		const response = await fetch(
			`${ base.service.url }${ path }`,
			gatewayRequest(
				method,
				options.raw ??
					( body === undefined ? undefined : JSON.stringify( body ) ),
				token
			)
		);
		const text = await response.text();
		return {
			status: response.status,
			body: ( text === '' ? {} : JSON.parse( text ) ) as never,
			headers: response.headers,
		};
	};
	// Assigned onto the kit's object: `restart` replaces its `service`, which a copy would not see.
	return Object.assign( base, { clock, call } );
}

// Event ids and signed deliveries are the kit's, shared with the other content service's tests.
export { eventId, type SendOptions, type TestEvent };

export interface PostFields {
	status?: string;
	/** Days before START. */
	age?: number;
	modified?: string;
	author?: number;
	categories?: number[];
	tags?: number[];
	comments?: number;
}

/**
 * The data of a published post, as the plugin sends it.
 *
 * @param id     Post id.
 * @param fields What differs from the defaults.
 */
export function postData(
	id: number,
	fields: PostFields = {}
): Record< string, unknown > {
	const date = new Date( START - ( fields.age ?? 1 ) * DAY ).toISOString();
	return {
		id,
		type: 'post',
		status: fields.status ?? 'publish',
		title: `Post ${ id }`,
		excerpt: '',
		permalink: `https://example.test/?p=${ id }`,
		author: { id: fields.author ?? 1, name: 'Ada' },
		terms: {
			category: ( fields.categories ?? [ 1 ] ).map( ( term ) => ( {
				id: term,
				name: `Category ${ term }`,
			} ) ),
			post_tag: ( fields.tags ?? [] ).map( ( term ) => ( {
				id: term,
				name: `Tag ${ term }`,
			} ) ),
		},
		date,
		modified: fields.modified ?? date,
		...( fields.comments === undefined
			? {}
			: { comment_count: fields.comments } ),
	};
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
	return { id: eventId(), type, data: postData( id, fields ) };
}

/**
 * Fills the catalogue through the sync route and fails unless every post is indexed.
 *
 * @param harness The harness.
 * @param posts   Post data.
 */
export async function index(
	harness: Harness,
	posts: Record< string, unknown >[]
): Promise< void > {
	for ( let start = 0; start < posts.length; start += 500 ) {
		const batch = posts.slice( start, start + 500 );
		const { status, body } = await harness.call(
			'POST',
			'/v1/index/documents',
			{ documents: batch }
		);
		if ( status !== 200 || body.indexed !== batch.length ) {
			throw new Error( `index: ${ status } ${ JSON.stringify( body ) }` );
		}
	}
	// The popularity list is recomputed in the background within a second; tests do not wait for it.
	harness.service.state.engine?.refreshTrending();
}

export interface FeedAnswer {
	request_id: string;
	mode: string;
	slots: { items: { id: number; reason: { kind: string; id?: number } }[] }[];
}

/**
 * POST /v1/feed/personal, failing unless 200.
 *
 * @param harness The harness.
 * @param body    Request body.
 * @param sub     The token's subject, if a user.
 */
export async function personal(
	harness: Harness,
	body: Record< string, unknown >,
	sub?: string
): Promise< FeedAnswer > {
	const answer = await harness.call< FeedAnswer >(
		'POST',
		'/v1/feed/personal',
		body,
		{ sub }
	);
	if ( answer.status !== 200 ) {
		throw new Error(
			`personal: ${ answer.status } ${ JSON.stringify( answer.body ) }`
		);
	}
	return answer.body;
}

/**
 * POST /v1/signals, failing unless 200.
 *
 * @param harness The harness.
 * @param body    Request body.
 * @param sub     The token's subject, if a user.
 */
export async function signal(
	harness: Harness,
	body: Record< string, unknown >,
	sub?: string
): Promise< number > {
	const answer = await harness.call< { accepted: number } >(
		'POST',
		'/v1/signals',
		body,
		{ sub }
	);
	if ( answer.status !== 200 ) {
		throw new Error(
			`signals: ${ answer.status } ${ JSON.stringify( answer.body ) }`
		);
	}
	return answer.body.accepted;
}

/**
 * A well-formed anonymous visitor id (22 base64url characters).
 * @param seed
 */
export const visitorId = ( seed: string ) =>
	Buffer.from( seed.padEnd( 16, '.' ).slice( 0, 16 ) ).toString(
		'base64url'
	);

/**
 * The ids of every item of every slot, in order.
 *
 * @param answer A feed answer.
 */
export const allIds = ( answer: FeedAnswer ) =>
	answer.slots.flatMap( ( slot ) => slot.items.map( ( item ) => item.id ) );
