/**
 * The harness's own HTTP: calls from another loopback address than the browser's, and bounded polls.
 */
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';

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
