/**
 * The harness's own HTTP: calls from another loopback address than the browser's, and bounded polls.
 */
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * The harness's own loopback address. The gateway rate-limits the search route per client address (120 a
 * minute); the browser in the journeys is a visitor on 127.0.0.1, and the harness's polls must not spend
 * that visitor's budget, so they come from another address of the loopback network, as another client would.
 */
const HARNESS_ADDRESS = '127.0.0.2';

/**
 * A GET from the harness's address; resolves with the status, headers and body text.
 * @param url Absolute URL.
 */
export function harnessGet(
	url: string
): Promise< { status: number; headers: IncomingHttpHeaders; text: string } > {
	return new Promise( ( resolve, reject ) => {
		const request = httpGet(
			url,
			{ localAddress: HARNESS_ADDRESS, timeout: 15_000 },
			( response ) => {
				const chunks: Buffer[] = [];
				response.on( 'data', ( chunk: Buffer ) =>
					chunks.push( chunk )
				);
				response.on( 'end', () =>
					resolve( {
						status: response.statusCode ?? 0,
						headers: response.headers,
						text: Buffer.concat( chunks ).toString( 'utf8' ),
					} )
				);
				response.on( 'error', reject );
			}
		);
		request.on( 'timeout', () =>
			request.destroy( new Error( `GET ${ url } timed out` ) )
		);
		request.on( 'error', reject );
	} );
}

export function baseUrl(): string {
	return ( process.env.WP_BASE_URL ?? '' ).replace( /\/+$/, '' );
}

/**
 * Polls `probe` every 300 ms until it returns true; fails after `timeoutMs` with `explain()`'s account of
 * the last state. Returns the milliseconds it took.
 * @param probe     The condition.
 * @param timeoutMs Bound.
 * @param explain   What was awaited and what was last seen.
 */
export async function pollUntil(
	probe: () => Promise< boolean >,
	timeoutMs: number,
	explain: () => string
): Promise< number > {
	const started = Date.now();
	for (;;) {
		if ( await probe() ) {
			return Date.now() - started;
		}
		if ( Date.now() - started > timeoutMs ) {
			throw new Error( `Not within ${ timeoutMs } ms: ${ explain() }` );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 300 ) );
	}
}

/**
 * Waits (in the global set-up) until a service's copy of the posts (the search index, the feed's catalogue)
 * holds every post the site seeded. The seed was written from the command line before the server ran, so no
 * request kicked the dispatcher for it: WP-Cron's every-minute run delivers it, and WP-Cron runs when the
 * site has traffic. The set-up is that traffic: it calls wp-cron.php, as a visitor's page load would, every
 * few seconds (WP-Cron's own lock makes extra calls harmless). Only the service's own count is read: a call
 * through the gateway would show in the service's request metrics, which the settings journeys expect to
 * find empty on a fresh site.
 * @param requestUtils Logged-in REST helper.
 * @param held         How many posts the service holds now.
 * @param what         What holds them, for the timeout's message ("the search index").
 * @param timeoutMs    Bound.
 */
export async function waitForSeededCopy(
	requestUtils: RequestUtils,
	held: () => Promise< number >,
	what: string,
	timeoutMs = 120_000
): Promise< void > {
	const posts = await requestUtils.rest< unknown[] >( {
		path: '/wp/v2/posts',
		params: { per_page: 100, status: 'publish', context: 'edit' },
	} );
	if ( posts.length === 0 ) {
		return;
	}
	let count = 0;
	let lastCron = 0;
	await pollUntil(
		async () => {
			count = await held();
			if ( count >= posts.length ) {
				return true;
			}
			if ( Date.now() - lastCron > 5_000 ) {
				lastCron = Date.now();
				await harnessGet( `${ baseUrl() }/wp-cron.php` );
			}
			return false;
		},
		timeoutMs,
		() =>
			`${ posts.length } seeded posts in ${ what } (it holds ${ count })`
	);
}
