/**
 * API keys as Stripe reads them: `Authorization: Bearer <key>`, or HTTP Basic with the key as the user.
 * A secret (or restricted) key may do everything; a publishable key only what Stripe.js does, which the
 * routes check with `requireSecret` / `requireClientSecret`.
 */
import { timingSafeEqual } from 'node:crypto';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { Config } from './config';
import { publishableKeyRefused, StripeError } from './stripe-error';

export type KeyKind = 'secret' | 'publishable';

declare module 'fastify' {
	interface FastifyRequest {
		/** Which kind of key authenticated the request (absent on unauthenticated routes). */
		keyKind?: KeyKind;
	}
}

/**
 * The key in an Authorization header, or null.
 *
 * @param header The header.
 */
export function readKey( header: string | undefined ): string | null {
	if ( header === undefined ) {
		return null;
	}
	const bearer = /^Bearer\s+(\S+)$/i.exec( header );
	if ( bearer ) {
		return bearer[ 1 ] ?? null;
	}
	const basic = /^Basic\s+(\S+)$/i.exec( header );
	if ( basic ) {
		const decoded = Buffer.from( basic[ 1 ] ?? '', 'base64' ).toString(
			'utf8'
		);
		const user = decoded.split( ':' )[ 0 ] ?? '';
		return user === '' ? null : user;
	}
	return null;
}

const same = ( given: string, expected: string ) => {
	const a = Buffer.from( given );
	const b = Buffer.from( expected );
	return a.length === b.length && timingSafeEqual( a, b );
};

/**
 * A key shown as Stripe shows it in errors: prefix and last four only.
 *
 * @param key The key.
 */
export function redactKey( key: string ): string {
	const prefix = /^[a-z]+_(test|live)_/.exec( key )?.[ 0 ] ?? '';
	const hidden = Math.max( 0, key.length - prefix.length - 4 );
	return `${ prefix }${ '*'.repeat( hidden ) }${ key.slice(
		prefix.length + hidden
	) }`;
}

/**
 * Which kind of key this is, or a 401 in Stripe's words.
 *
 * @param header The Authorization header.
 * @param config The configured keys.
 */
export function authenticate(
	header: string | undefined,
	config: Config
): KeyKind {
	const key = readKey( header );
	if ( key === null ) {
		throw new StripeError( 401, {
			type: 'invalid_request_error',
			message:
				"You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
		} );
	}
	if (
		same( key, config.secretKey ) ||
		( config.restrictedKey !== null && same( key, config.restrictedKey ) )
	) {
		return 'secret';
	}
	if ( same( key, config.publishableKey ) ) {
		return 'publishable';
	}
	throw new StripeError( 401, {
		type: 'invalid_request_error',
		message: `Invalid API Key provided: ${ redactKey( key ) }`,
	} );
}

/**
 * Refuses a publishable key.
 *
 * @param request The request.
 */
export function requireSecret( request: FastifyRequest ): void {
	if ( request.keyKind !== 'secret' ) {
		throw publishableKeyRefused();
	}
}

/**
 * Paths that need no API key: the browser side (Stripe.js, its frame and assets, the 3-D Secure page) and
 * the 3-D Secure answer, whose credential is the intent's client secret.
 */
const OPEN = /^\/(_standin\/(3ds|assets|elements)\/|health$|endive\/|v3\/?$)/;

/**
 * Authenticates every /v1 and /_standin request (but the open ones); CORS preflights pass.
 *
 * @param app    The server.
 * @param config The configured keys.
 */
export function installAuth( app: FastifyInstance, config: Config ): void {
	app.addHook( 'onRequest', async ( request ) => {
		const path = request.url.split( '?' )[ 0 ] ?? '';
		if ( request.method === 'OPTIONS' || OPEN.test( path ) ) {
			return;
		}
		if (
			! path.startsWith( '/v1/' ) &&
			! path.startsWith( '/_standin/' )
		) {
			return;
		}
		request.keyKind = authenticate( request.headers.authorization, config );
		if ( path.startsWith( '/_standin/' ) ) {
			requireSecret( request );
		}
	} );
}
