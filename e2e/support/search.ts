/**
 * What the search journeys share: the gateway's search route as the browser calls it, bounded waits for
 * the index to catch up with the site (polls, never fixed sleeps), and pages that hold the search block.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { baseUrl, harnessGet, pollUntil, waitForSeededCopy } from './harness';
import {
	indexedDocuments,
	isManaged,
	searchServiceUrl,
} from './search-service';

/** The product promise: a published (or trashed) post is searchable (or gone) within this many ms. */
export const SYNC_BOUND_MS = 15_000;

export type SearchFacetBucket = { value: string; label: string; count: number };

export type SearchResponse = {
	results: Array< {
		id: number;
		title: string;
		url: string;
		excerpt: string;
		date: string;
		type: string;
	} >;
	total: number;
	page: number;
	pages: number;
	facets?: Record< string, SearchFacetBucket[] >;
	suggestion?: string | null;
};

export type GatewayAnswer = {
	body: SearchResponse;
	/** True when WordPress's own search answered (the `X-Switchboard-Fallback` header). */
	fallback: boolean;
	/** The gateway cache's verdict (`X-Switchboard-Cache`), e.g. HIT, MISS, STALE. */
	cache: string;
};

/**
 * One anonymous call to `GET /wp-json/switchboard/v1/search`, as a browser makes it. A 429 (the harness
 * polling faster than the limit) is waited out for the Retry-After it names, then asked again.
 * @param params C3 parameters (q, page, per_page, category, ...).
 */
export async function gatewaySearch(
	params: Record< string, string | number >
): Promise< GatewayAnswer > {
	const query = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( params ) ) {
		query.set( key, String( value ) );
	}
	const url = `${ baseUrl() }/wp-json/switchboard/v1/search?${ query }`;
	for (;;) {
		const response = await harnessGet( url );
		if ( response.status === 429 ) {
			const wait = Number( response.headers[ 'retry-after' ] ?? '1' );
			await new Promise( ( resolve ) =>
				setTimeout( resolve, Math.max( 1, wait ) * 1000 )
			);
			continue;
		}
		if ( response.status !== 200 ) {
			throw new Error(
				`The search route answered HTTP ${ response.status }: ${ response.text }`
			);
		}
		return {
			body: JSON.parse( response.text ) as SearchResponse,
			fallback: 'x-switchboard-fallback' in response.headers,
			cache: String( response.headers[ 'x-switchboard-cache' ] ?? '' ),
		};
	}
}

/**
 * Polls the gateway for `q` until post `id` is in (or out of) the service's results within `timeoutMs`;
 * returns how long it took. On a timeout, the error says what the gateway last answered (with its cache
 * verdict) and what an answer the gateway cannot have cached (an unusual `per_page`) says, which tells
 * a slow index from a stale gateway cache.
 * @param q         Query.
 * @param id        Post id.
 * @param present   Whether the post should be found.
 * @param timeoutMs Bound.
 */
async function waitForPost(
	q: string,
	id: number,
	present: boolean,
	timeoutMs: number
): Promise< number > {
	const found = ( answer: GatewayAnswer ) =>
		! answer.fallback &&
		answer.body.results.some( ( result ) => result.id === id ) === present;
	let last: GatewayAnswer | null = null;
	let polls = 0;
	try {
		return await pollUntil(
			async () => {
				polls++;
				last = await gatewaySearch( { q } );
				return found( last );
			},
			timeoutMs,
			() => ''
		);
	} catch {
		const uncached = await gatewaySearch( { q, per_page: 7 } );
		throw new Error(
			`Post ${ id } was not ${
				present ? 'found' : 'gone'
			} for "${ q }" within ${ timeoutMs } ms (${ polls } polls). ` +
				`Last answer: ${ JSON.stringify( last ) }. ` +
				`An answer the gateway cannot have cached (per_page=7) ${
					found( uncached )
						? 'shows the expected state: the gateway served a stale cached answer'
						: 'shows the same: the index itself is behind'
				}: ${ JSON.stringify( {
					ids: uncached.body.results.map( ( result ) => result.id ),
					cache: uncached.cache,
					fallback: uncached.fallback,
				} ) }`
		);
	}
}

/**
 * Waits until the search service itself (not the native fallback) finds post `id` for `q` through the
 * gateway, within `timeoutMs`; returns how long it took.
 * @param q         Query that should find the post.
 * @param id        Post id.
 * @param timeoutMs Bound (the product promise by default).
 */
export function waitUntilSearchable(
	q: string,
	id: number,
	timeoutMs = SYNC_BOUND_MS
): Promise< number > {
	return waitForPost( q, id, true, timeoutMs );
}

/**
 * Waits until the service no longer returns post `id` for `q`; returns how long it took.
 * @param q         Query that found the post.
 * @param id        Post id.
 * @param timeoutMs Bound (the product promise by default).
 */
export function waitUntilGone(
	q: string,
	id: number,
	timeoutMs = SYNC_BOUND_MS
): Promise< number > {
	return waitForPost( q, id, false, timeoutMs );
}

/**
 * Waits until the service has indexed post `id` (found for `q`), for journeys that only need it as a
 * starting point; the sync promise itself is asserted with waitUntilSearchable() in search-sync.spec.ts.
 * Each poll adds a `before` filter far in the future that differs every time: it filters nothing, but no
 * cached gateway answer can stand in for the service's, and the plain query's cache entry stays untouched
 * for the journey that follows.
 * @param q         Query that should find the post.
 * @param id        Post id.
 * @param timeoutMs Bound: generous, since retries of failed deliveries wait for WP-Cron.
 */
export async function waitUntilIndexed(
	q: string,
	id: number,
	timeoutMs = 90_000
): Promise< number > {
	let last: GatewayAnswer | null = null;
	return pollUntil(
		async () => {
			const before = new Date(
				Date.now() + 50 * 365 * 24 * 3600 * 1000
			).toISOString();
			last = await gatewaySearch( { q, before } );
			return (
				! last.fallback &&
				last.body.results.some( ( result ) => result.id === id )
			);
		},
		timeoutMs,
		() =>
			`post ${ id } in the index for "${ q }" (last answer: ${ JSON.stringify(
				last
			) })`
	);
}

/**
 * Waits until the gateway answers from the service again (after a restart the circuit may stay open for its
 * cooldown, 30 s by default). Each probe asks a query of its own so that no cached answer stands in.
 * @param timeoutMs Bound.
 */
export async function waitUntilServiceAnswers(
	timeoutMs = 45_000
): Promise< number > {
	let attempt = 0;
	let last: GatewayAnswer | null = null;
	return pollUntil(
		async () => {
			attempt++;
			last = await gatewaySearch( {
				q: `recovery probe ${ Date.now() }-${ attempt }`,
			} );
			return ! last.fallback;
		},
		timeoutMs,
		() =>
			`the gateway answering from the service (last: ${ JSON.stringify(
				last
			) })`
	);
}

/**
 * Points the site at this run's search service through Settings → Switchboard's REST route (the settings
 * journeys clear that setting, so every search journey sets it again). Against a site given from outside,
 * its own configuration is used as it is.
 * @param requestUtils Logged-in REST helper.
 */
export async function pointSiteAtSearchService(
	requestUtils: RequestUtils
): Promise< void > {
	if ( ! isManaged() ) {
		return;
	}
	await requestUtils.rest( {
		method: 'POST',
		path: '/switchboard/v1/admin/settings',
		data: { urls: { search: await searchServiceUrl() } },
	} );
}

/**
 * Waits (in the global set-up) until the search index holds every post the site seeded.
 * @param requestUtils Logged-in REST helper.
 */
export function waitForSeededIndex(
	requestUtils: RequestUtils
): Promise< void > {
	return waitForSeededCopy( requestUtils, indexedDocuments, 'the index' );
}

/**
 * Publishes a page holding one switchboard/search block with these attributes; returns its id and URL.
 * @param requestUtils Logged-in REST helper.
 * @param title        Page title.
 * @param attributes   Block attributes.
 */
export async function createSearchPage(
	requestUtils: RequestUtils,
	title: string,
	attributes: Record< string, unknown > = {}
): Promise< { id: number; link: string } > {
	const json = Object.keys( attributes ).length
		? ` ${ JSON.stringify( attributes ) }`
		: '';
	return requestUtils.rest< { id: number; link: string } >( {
		method: 'POST',
		path: '/wp/v2/pages',
		data: {
			title,
			status: 'publish',
			content: `<!-- wp:switchboard/search${ json } /-->`,
		},
	} );
}

/**
 * Publishes a post through REST; returns its id, URL and title.
 * @param requestUtils Logged-in REST helper.
 * @param data         Post fields (title, content, categories, ...).
 */
export async function createPost(
	requestUtils: RequestUtils,
	data: Record< string, unknown >
): Promise< { id: number; link: string } > {
	return requestUtils.rest< { id: number; link: string } >( {
		method: 'POST',
		path: '/wp/v2/posts',
		data: { status: 'publish', ...data },
	} );
}

/**
 * A made-up word no content holds yet (letters only, so the index keeps it as one word), to find one post.
 * @param prefix A readable start.
 */
export function uniqueWord( prefix = 'zq' ): string {
	const letters = 'abcdefghijklmnopqrstuvwxyz';
	let word = prefix;
	for ( let index = 0; index < 9; index++ ) {
		word += letters[ Math.floor( Math.random() * letters.length ) ];
	}
	return word;
}

/**
 * Text as a literal inside a RegExp.
 * @param text Any text.
 */
export function escapeRegExp( text: string ): string {
	return text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
}

/**
 * The C5 summary heading's accessible name for `count` results (or none) for `term`, as a RegExp.
 * @param term  The query.
 * @param count Number of results, or 0 for "No results".
 */
export function summaryName( term: string, count?: number ): RegExp {
	const quoted = `“${ escapeRegExp( term ) }”`;
	if ( count === 0 ) {
		return new RegExp( `^No results for ${ quoted }$` );
	}
	const number = count === undefined ? '[\\d,]+' : String( count );
	return new RegExp( `^${ number } results? for ${ quoted }$` );
}
