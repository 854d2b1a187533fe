/**
 * Interop: tokens signed by the plugin's PHP signer (run through `php`) verified by the service kit,
 * with the keys served by a real local HTTP server.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
	createVerifier,
	type VerifyErrorCode,
	type VerifyResult,
} from '../src';

const ISSUER = 'http://wordpress.test';
const AUDIENCE = 'search';
const SIGN_SCRIPT = fileURLToPath(
	new URL( './fixtures/issue-token.php', import.meta.url )
);

interface Jwk {
	kty: string;
	crv: string;
	x: string;
	kid: string;
	use: string;
	alg: string;
}

interface Issued {
	token: string;
	jwk: Jwk;
	secretKey: string;
}

interface IssueOptions {
	secretKey?: string;
	aud?: string;
	iss?: string;
	sub?: string;
	ttl?: number;
	now?: number;
}

/**
 * Signs a token with plugin/src/Identity/JwtSigner.php.
 *
 * @param options Key, claims, lifetime and signing time (default: now).
 */
function issue( options: IssueOptions = {} ): Issued {
	const claims: Record< string, string > = {
		iss: options.iss ?? ISSUER,
		aud: options.aud ?? AUDIENCE,
	};
	if ( options.sub !== undefined ) {
		claims.sub = options.sub;
	}
	const output = execFileSync( 'php', [ SIGN_SCRIPT ], {
		input: JSON.stringify( {
			secretKey: options.secretKey,
			now: options.now ?? Math.floor( Date.now() / 1000 ),
			ttl: options.ttl,
			claims,
		} ),
		encoding: 'utf8',
	} );
	return JSON.parse( output ) as Issued;
}

const base64url = ( text: string ): string =>
	Buffer.from( text ).toString( 'base64url' );

function decodeSegment( segment: string ): Record< string, unknown > {
	return JSON.parse(
		Buffer.from( segment, 'base64url' ).toString()
	) as Record< string, unknown >;
}

function assertFails( result: VerifyResult, code: VerifyErrorCode ): void {
	assert.equal( result.ok, false, 'the token should be refused' );
	if ( ! result.ok ) {
		assert.equal( result.error.code, code, result.error.message );
	}
}

describe( 'createVerifier with tokens signed by the PHP signer', () => {
	let server: Server;
	let jwksUrl: string;
	let published: Jwk[] = [];
	let fetches = 0;
	let first: Issued;

	before( async () => {
		first = issue( { sub: '42' } );
		published = [ first.jwk ];
		server = createServer( ( request, response ) => {
			if ( request.url !== '/wp-json/switchboard/v1/jwks' ) {
				response.writeHead( 404 ).end();
				return;
			}
			fetches++;
			response
				.writeHead( 200, {
					'Content-Type': 'application/json; charset=UTF-8',
					'Cache-Control': 'public, max-age=300',
				} )
				.end( JSON.stringify( { keys: published } ) );
		} );
		await new Promise< void >( ( resolve ) =>
			server.listen( 0, '127.0.0.1', resolve )
		);
		const { port } = server.address() as AddressInfo;
		jwksUrl = `http://127.0.0.1:${ port }/wp-json/switchboard/v1/jwks`;
	} );

	after( () => {
		server.close();
	} );

	const verifier = () =>
		createVerifier( { jwksUrl, issuer: ISSUER, audience: AUDIENCE } );

	it( 'accepts a valid token and returns its claims', async () => {
		const result = await verifier().verify( `Bearer ${ first.token }` );

		assert.ok( result.ok, result.ok ? '' : result.error.message );
		assert.equal( result.claims.iss, ISSUER );
		assert.equal( result.claims.aud, AUDIENCE );
		assert.equal( result.claims.sub, '42' );
		assert.equal( result.claims.exp - result.claims.iat, 30 );
		assert.equal( typeof result.claims.jti, 'string' );
	} );

	it( 'refuses a missing or malformed header', async () => {
		const verify = verifier();
		assertFails( await verify.verify( undefined ), 'missing_token' );
		assertFails( await verify.verify( '' ), 'missing_token' );
		assertFails(
			await verify.verify( `Basic ${ first.token }` ),
			'malformed_token'
		);
		assertFails( await verify.verify( 'Bearer a.b' ), 'malformed_token' );
		assertFails(
			await verify.verify( 'Bearer !!!.???.***' ),
			'malformed_token'
		);
	} );

	it( 'refuses a tampered payload', async () => {
		const [ header, payload, signature ] = first.token.split( '.' ) as [
			string,
			string,
			string,
		];
		const claims = { ...decodeSegment( payload ), sub: '1' };
		const tampered = `${ header }.${ base64url(
			JSON.stringify( claims )
		) }.${ signature }`;

		assertFails(
			await verifier().verify( `Bearer ${ tampered }` ),
			'bad_signature'
		);
	} );

	it( 'refuses a token for another service or from another issuer', async () => {
		const forFeed = issue( { secretKey: first.secretKey, aud: 'feed' } );
		assertFails(
			await verifier().verify( `Bearer ${ forFeed.token }` ),
			'wrong_audience'
		);

		const otherSite = issue( {
			secretKey: first.secretKey,
			iss: 'http://elsewhere.test',
		} );
		assertFails(
			await verifier().verify( `Bearer ${ otherSite.token }` ),
			'wrong_issuer'
		);
	} );

	it( 'refuses an expired token, beyond the clock tolerance', async () => {
		const expired = issue( {
			secretKey: first.secretKey,
			now: Math.floor( Date.now() / 1000 ) - 120,
		} );

		assertFails(
			await verifier().verify( `Bearer ${ expired.token }` ),
			'expired'
		);
	} );

	it( 'refuses alg none and HS256 keyed with the public key', async () => {
		const [ , payload ] = first.token.split( '.' ) as [ string, string ];
		const header = decodeSegment( first.token.split( '.' )[ 0 ] ?? '' );

		const none = `${ base64url(
			JSON.stringify( { ...header, alg: 'none' } )
		) }.${ payload }.`;
		assertFails(
			await verifier().verify( `Bearer ${ none }` ),
			'malformed_token'
		);
		assertFails(
			await verifier().verify( `Bearer ${ none }x` ),
			'unsupported_alg'
		);

		const hsInput = `${ base64url(
			JSON.stringify( { ...header, alg: 'HS256' } )
		) }.${ payload }`;
		for ( const secret of [
			first.jwk.x,
			Buffer.from( first.jwk.x, 'base64url' ),
		] ) {
			const mac = createHmac( 'sha256', secret )
				.update( hsInput )
				.digest( 'base64url' );
			assertFails(
				await verifier().verify( `Bearer ${ hsInput }.${ mac }` ),
				'unsupported_alg'
			);
		}
	} );

	it( 'refuses an unknown kid without refetching during the cooldown', async () => {
		const verify = verifier();
		assert.ok( ( await verify.verify( `Bearer ${ first.token }` ) ).ok );
		const fetchesBefore = fetches;

		const stranger = issue();
		assertFails(
			await verify.verify( `Bearer ${ stranger.token }` ),
			'unknown_key'
		);
		assertFails(
			await verify.verify( `Bearer ${ stranger.token }` ),
			'unknown_key'
		);
		assert.equal(
			fetches,
			fetchesBefore,
			'no refetch within the cooldown'
		);
	} );

	it( 'refetches the JWKS when a rotated key signs, and still accepts the grace key', async () => {
		const verify = createVerifier( {
			jwksUrl,
			issuer: ISSUER,
			audience: AUDIENCE,
			jwksCooldownSec: 0,
		} );
		assert.ok( ( await verify.verify( `Bearer ${ first.token }` ) ).ok );
		const fetchesBefore = fetches;

		// WordPress rotates: the new key is current, the previous one stays published for its grace period.
		const rotated = issue();
		published = [ rotated.jwk, first.jwk ];

		const result = await verify.verify( `Bearer ${ rotated.token }` );
		assert.ok( result.ok, result.ok ? '' : result.error.message );
		assert.equal(
			fetches,
			fetchesBefore + 1,
			'one refetch for the new kid'
		);

		const old = issue( { secretKey: first.secretKey } );
		assert.ok( ( await verify.verify( `Bearer ${ old.token }` ) ).ok );
		assert.equal( fetches, fetchesBefore + 1 );
	} );

	it( 'answers jwks_unavailable when the keys cannot be fetched', async () => {
		const verify = createVerifier( {
			jwksUrl: `${ jwksUrl }-missing`,
			issuer: ISSUER,
			audience: AUDIENCE,
		} );
		const result = await verify.verify( `Bearer ${ first.token }` );

		assertFails( result, 'jwks_unavailable' );
		assert.equal( result.ok ? 0 : result.error.status, 503 );
	} );
} );
