/**
 * Test support for services (import from `@switchboard/service-kit/testing`, never from service code): a
 * local stand-in for WordPress that serves a JWKS with a freshly generated Ed25519 key and signs real gateway
 * tokens with it, as plugin/src/Identity does. Nothing is faked on the service's side: its verifier fetches
 * these keys over HTTP and checks these signatures.
 */
import {
	generateKeyPairSync,
	randomUUID,
	sign,
	type KeyObject,
} from 'node:crypto';
import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where WordPress publishes its service keys. */
export const JWKS_PATH = '/wp-json/switchboard/v1/jwks';

/** The `kid` of the generated key. */
export const TEST_KEY_ID = 'test-key';

export interface TestWordpressOptions {
	/** The tokens' audience: the service under test (e.g. `search`). */
	audience: string;
	/** Answers every request other than the JWKS; a 404 when absent. */
	handle?: ( request: IncomingMessage, response: ServerResponse ) => void;
}

export interface TestWordpress {
	/** Home URL: the tokens' issuer. */
	url: string;
	/**
	 * A valid token for the audience, signed now and valid for 30 seconds.
	 *
	 * `claims` override or add claims; `key` signs with another key (a forged token).
	 */
	token: ( claims?: Record< string, unknown >, key?: KeyObject ) => string;
	close: () => Promise< void >;
}

const base64url = ( value: string | Buffer ) =>
	Buffer.from( value ).toString( 'base64url' );

/**
 * Starts WordPress's stand-in on an ephemeral port of 127.0.0.1.
 *
 * @param options          Audience and the other routes.
 * @param options.audience The tokens' audience.
 * @param options.handle   Answers every request other than the JWKS.
 */
export async function startTestWordpress( {
	audience,
	handle,
}: TestWordpressOptions ): Promise< TestWordpress > {
	const { publicKey, privateKey } = generateKeyPairSync( 'ed25519' );
	const jwk = {
		...publicKey.export( { format: 'jwk' } ),
		kid: TEST_KEY_ID,
		alg: 'EdDSA',
		use: 'sig',
	};
	const server: Server = createServer( ( request, response ) => {
		if ( request.url === JWKS_PATH ) {
			response
				.writeHead( 200, { 'Content-Type': 'application/json' } )
				.end( JSON.stringify( { keys: [ jwk ] } ) );
		} else if ( handle !== undefined ) {
			handle( request, response );
		} else {
			response.writeHead( 404 ).end();
		}
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const url = `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }`;

	return {
		url,
		token( claims = {}, key = privateKey ) {
			const now = Math.floor( Date.now() / 1000 );
			const header = base64url(
				JSON.stringify( { alg: 'EdDSA', typ: 'JWT', kid: TEST_KEY_ID } )
			);
			const payload = base64url(
				JSON.stringify( {
					iss: url,
					aud: audience,
					iat: now,
					nbf: now,
					exp: now + 30,
					jti: randomUUID(),
					...claims,
				} )
			);
			const signature = sign(
				null,
				Buffer.from( `${ header }.${ payload }` ),
				key
			);
			return `${ header }.${ payload }.${ base64url( signature ) }`;
		},
		close: () =>
			new Promise< void >( ( resolve ) => {
				server.close( () => resolve() );
				server.closeAllConnections();
			} ),
	};
}

/**
 * The fetch options of a call as the gateway makes it: JSON accepted, a JSON content type when there is a
 * body, and the token when there is one.
 *
 * @param method HTTP method.
 * @param body   The body, already serialized; none when undefined.
 * @param token  The gateway token; no `Authorization` header when null.
 */
export function gatewayRequest(
	method: string,
	body: string | undefined,
	token: string | null
): RequestInit {
	return {
		method,
		headers: {
			Accept: 'application/json',
			...( body === undefined
				? {}
				: { 'Content-Type': 'application/json' } ),
			...( token === null ? {} : { Authorization: `Bearer ${ token }` } ),
		},
		body,
	};
}

export {
	eventId,
	signedEventRequest,
	type SendOptions,
	type TestEvent,
} from './testing-events';
export {
	startServiceHarness,
	type HarnessedService,
	type ServiceHarness,
	type ServiceHarnessOptions,
} from './testing-harness';
