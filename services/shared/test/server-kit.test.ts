/**
 * The Fastify pieces of the kit over real HTTP: the token hook with a service's own public routes, JSON
 * errors with validation details, request ids, credential headers redacted from logs, and the Switchboard
 * signature both ways.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import Fastify, { type FastifyInstance } from 'fastify';

import {
	checkSignature,
	computeSignature,
	HttpError,
	installAuth,
	installErrorHandlers,
	installRequestContext,
	loggerOptions,
	requestId,
	VerifyError,
	type Verifier,
} from '../src';

/** Accepts exactly the token `good`; anything else is refused as a bad signature. */
const verifier: Verifier = {
	refresh: async () => undefined,
	verify: async ( header ) =>
		header === 'Bearer good'
			? {
					ok: true,
					claims: {
						iss: 'http://wordpress.test',
						aud: 'test',
						sub: '3',
						iat: 0,
						nbf: 0,
						exp: 60,
						jti: 'j',
					},
				}
			: {
					ok: false,
					error: new VerifyError( 'bad_signature', 'refused' ),
				},
};

describe( 'service kit HTTP pieces', () => {
	let app: FastifyInstance;
	let base = '';
	const lines: string[] = [];

	before( async () => {
		app = Fastify( {
			logger: loggerOptions( 'info', {
				write: ( line ) => void lines.push( line ),
			} ),
			genReqId: requestId,
		} );
		installErrorHandlers( app, { serviceName: 'test' } );
		installAuth( app, verifier, new Set( [ '/open' ] ) );
		installRequestContext( app );
		app.get( '/open', async ( request ) => {
			request.log.info( { headers: request.headers }, 'Headers seen.' );
			return { open: true };
		} );
		app.get( '/closed', async ( request ) => ( {
			sub: request.claims?.sub,
		} ) );
		app.post(
			'/validated',
			{
				schema: {
					body: {
						type: 'object',
						properties: { n: { type: 'integer' } },
						required: [ 'n' ],
					},
				},
			},
			async () => ( { ok: true } )
		);
		app.get( '/teapot', async () => {
			throw new HttpError( 418, 'teapot', 'Short and stout.' );
		} );
		app.get( '/boom', async () => {
			throw new Error( 'internal detail' );
		} );
		base = await app.listen( { port: 0, host: '127.0.0.1' } );
	} );

	after( async () => {
		await app.close();
	} );

	it( 'lets public routes through and checks the token everywhere else', async () => {
		assert.equal( ( await fetch( `${ base }/open` ) ).status, 200 );
		const refused = await fetch( `${ base }/closed` );
		assert.equal( refused.status, 401 );
		assert.deepEqual( await refused.json(), {
			code: 'unauthorized',
			message: 'A valid gateway token is required.',
		} );
		const allowed = await fetch( `${ base }/closed`, {
			headers: { Authorization: 'Bearer good' },
		} );
		assert.deepEqual( await allowed.json(), { sub: '3' } );
	} );

	it( 'answers errors as JSON, with validation details and without internals', async () => {
		const invalid = await fetch( `${ base }/validated`, {
			method: 'POST',
			headers: {
				Authorization: 'Bearer good',
				'Content-Type': 'application/json',
			},
			body: '{"n":"x"}',
		} );
		assert.equal( invalid.status, 400 );
		const body = ( await invalid.json() ) as {
			code: string;
			details: { path: string; rule: string }[];
		};
		assert.equal( body.code, 'invalid_request' );
		assert.deepEqual(
			body.details.map( ( { path, rule } ) => ( { path, rule } ) ),
			[ { path: '/n', rule: 'type' } ]
		);

		const teapot = await fetch( `${ base }/teapot`, {
			headers: { Authorization: 'Bearer good' },
		} );
		assert.equal( teapot.status, 418 );
		assert.deepEqual( await teapot.json(), {
			code: 'teapot',
			message: 'Short and stout.',
		} );

		const boom = await fetch( `${ base }/boom`, {
			headers: { Authorization: 'Bearer good' },
		} );
		assert.equal( boom.status, 500 );
		assert.deepEqual( await boom.json(), {
			code: 'internal_error',
			message: 'The test service failed.',
		} );

		const missing = await fetch( `${ base }/nowhere`, {
			headers: { Authorization: 'Bearer good' },
		} );
		assert.equal( missing.status, 404 );
	} );

	it( 'keeps a well-formed request id, and redacts credential headers from logs', async () => {
		const kept = await fetch( `${ base }/open`, {
			headers: {
				'X-Request-Id': 'gateway-123',
				Authorization: 'Bearer sk_test_do_not_log',
				'Stripe-Signature': 't=1,v1=abc',
				'Switchboard-Signature': 't=1,v1=def',
				Cookie: 'session=secret',
			},
		} );
		assert.equal( kept.headers.get( 'x-request-id' ), 'gateway-123' );
		const fresh = await fetch( `${ base }/open`, {
			headers: { 'X-Request-Id': 'not ok!' },
		} );
		assert.match(
			fresh.headers.get( 'x-request-id' ) ?? '',
			/^[0-9a-f-]{36}$/
		);

		const logged = lines.join( '' );
		assert.match( logged, /Headers seen/ );
		for ( const secret of [
			'sk_test_do_not_log',
			'v1=abc',
			'v1=def',
			'session=secret',
		] ) {
			assert.ok( ! logged.includes( secret ), `${ secret } was logged.` );
		}
	} );

	it( 'signs and checks the Switchboard signature', () => {
		const body = Buffer.from( '{"id":"evt-1"}' );
		const now = 1_800_000_000;
		const header = `t=${ now },v1=${ computeSignature( 'secret', 'evt-1', now, body ) }`;
		assert.deepEqual(
			checkSignature( 'secret', 'evt-1', header, body, now ),
			{ ok: true }
		);
		assert.equal(
			checkSignature( 'other', 'evt-1', header, body, now ).ok,
			false
		);
		assert.equal(
			checkSignature( 'secret', 'evt-1', header, body, now + 301 ).ok,
			false
		);
	} );
} );
