/**
 * The server every service starts from, over real HTTP: the verifier built from a site's configuration
 * fetches the keys of the test WordPress (`/testing`), the health routes answer without a token and
 * report readiness, and every other route needs a token signed by that site.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import type { FastifyInstance } from 'fastify';

import {
	createServiceServer,
	gatewayVerifier,
	healthRoutes,
	type Readiness,
} from '../src';
import { startTestWordpress, type TestWordpress } from '../src/testing';

describe( 'createServiceServer with healthRoutes and gatewayVerifier', () => {
	let wordpress: TestWordpress;
	let app: FastifyInstance;
	let base = '';
	let readiness: Readiness = { ready: false, message: 'Warming up.' };

	before( async () => {
		wordpress = await startTestWordpress( { audience: 'kit' } );
		const verifier = gatewayVerifier( {
			wordpressUrl: wordpress.url,
			jwksUrl: `${ wordpress.url }/wp-json/switchboard/v1/jwks`,
			wordpressCookie: null,
			audience: 'kit',
		} );
		app = createServiceServer( {
			serviceName: 'kit',
			verifier,
			publicRoutes: new Set( [ '/health', '/ready' ] ),
			logLevel: 'silent',
			bodyLimit: 1024,
			requestTimeout: 5000,
		} );
		void app.register( healthRoutes, {
			readiness: () => readiness,
			readyProperties: { documents: { type: 'integer' } },
		} );
		app.get( '/private', async ( request ) => ( {
			sub: request.claims?.sub ?? null,
		} ) );
		await app.listen( { port: 0, host: '127.0.0.1' } );
		base = `http://127.0.0.1:${ ( app.server.address() as AddressInfo ).port }`;
	} );

	after( async () => {
		await app.close();
		await wordpress.close();
	} );

	it( 'answers /health, and /ready as the service says, without a token', async () => {
		const health = await fetch( `${ base }/health` );
		assert.equal( health.status, 200 );
		assert.deepEqual( await health.json(), { status: 'ok' } );

		const warming = await fetch( `${ base }/ready` );
		assert.equal( warming.status, 503 );
		assert.deepEqual( await warming.json(), {
			code: 'not_ready',
			message: 'Warming up.',
		} );

		readiness = { ready: true, body: { documents: 3, secret: 'no' } };
		const ready = await fetch( `${ base }/ready` );
		assert.equal( ready.status, 200 );
		// Only the declared extra fields are sent.
		assert.deepEqual( await ready.json(), {
			status: 'ready',
			documents: 3,
		} );
	} );

	it( "accepts the test site's tokens and refuses others", async () => {
		const ok = await fetch( `${ base }/private`, {
			headers: {
				Authorization: `Bearer ${ wordpress.token( { sub: '7' } ) }`,
			},
		} );
		assert.equal( ok.status, 200 );
		assert.deepEqual( await ok.json(), { sub: '7' } );

		const forged = wordpress.token(
			{},
			generateKeyPairSync( 'ed25519' ).privateKey
		);
		const refused = await fetch( `${ base }/private`, {
			headers: { Authorization: `Bearer ${ forged }` },
		} );
		assert.equal( refused.status, 401 );
		assert.equal( ( await refused.json() ).code, 'unauthorized' );

		const otherAudience = await fetch( `${ base }/private`, {
			headers: {
				Authorization: `Bearer ${ wordpress.token( { aud: 'search' } ) }`,
			},
		} );
		assert.equal( otherAudience.status, 401 );
	} );

	it( 'answers unknown routes with the JSON not-found error', async () => {
		const response = await fetch( `${ base }/nope`, {
			headers: { Authorization: `Bearer ${ wordpress.token() }` },
		} );
		assert.equal( response.status, 404 );
		assert.equal( ( await response.json() ).code, 'not_found' );
	} );
} );
