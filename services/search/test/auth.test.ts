/**
 * Every route but /health and /ready needs a valid gateway token.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { startHarness, type Harness } from './helpers';

describe( 'auth', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness();
	} );
	after( () => harness.close() );

	it( 'answers /health and /ready without a token', async () => {
		const health = await fetch( `${ harness.service.url }/health` );
		assert.equal( health.status, 200 );
		assert.deepEqual( await health.json(), { status: 'ok' } );

		const ready = await fetch( `${ harness.service.url }/ready` );
		assert.equal( ready.status, 200 );
		assert.deepEqual( await ready.json(), {
			status: 'ready',
			documents: 0,
		} );
	} );

	it( 'accepts a valid token', async () => {
		const response = await harness.search( { q: 'anything' } );
		assert.equal( response.status, 200 );
		assert.equal(
			response.headers.get( 'content-type' ),
			'application/json; charset=utf-8'
		);
	} );

	const refusals: [ string, () => string | null ][] = [
		[ 'no token', () => null ],
		[ 'a token that is not a JWT', () => 'not-a-jwt' ],
		[
			'another audience',
			() => harness.wordpress.token( { aud: 'feed' } ),
		],
		[
			'another issuer',
			() => harness.wordpress.token( { iss: 'http://evil.test' } ),
		],
		[
			'an expired token',
			() => {
				const past = Math.floor( Date.now() / 1000 ) - 120;
				return harness.wordpress.token( {
					iat: past,
					nbf: past,
					exp: past + 30,
				} );
			},
		],
		[
			'a token signed by another key',
			() =>
				harness.wordpress.token(
					{},
					generateKeyPairSync( 'ed25519' ).privateKey
				),
		],
	];
	for ( const [ name, token ] of refusals ) {
		it( `refuses ${ name } with 401 JSON`, async () => {
			const response = await harness.search( { q: 'anything' }, token() );
			assert.equal( response.status, 401 );
			assert.deepEqual( await response.json(), {
				code: 'unauthorized',
				message: 'A valid gateway token is required.',
			} );
		} );
	}

	it( 'refuses events and unknown routes without a token, before anything else', async () => {
		const events = await fetch( `${ harness.service.url }/events`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		} );
		assert.equal( events.status, 401 );

		const unknown = await fetch( `${ harness.service.url }/admin` );
		assert.equal( unknown.status, 401 );

		const found = await fetch( `${ harness.service.url }/admin`, {
			headers: { Authorization: `Bearer ${ harness.wordpress.token() }` },
		} );
		assert.equal( found.status, 404 );
		assert.equal(
			( ( await found.json() ) as { code: string } ).code,
			'not_found'
		);
	} );

	it( 'echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
		const given = await fetch( `${ harness.service.url }/health`, {
			headers: { 'X-Request-Id': 'req-123' },
		} );
		assert.equal( given.headers.get( 'x-request-id' ), 'req-123' );
		const bad = await fetch( `${ harness.service.url }/health`, {
			headers: { 'X-Request-Id': 'a b\tc' },
		} );
		assert.match(
			bad.headers.get( 'x-request-id' ) ?? '',
			/^[0-9a-f-]{36}$/
		);
	} );
} );
