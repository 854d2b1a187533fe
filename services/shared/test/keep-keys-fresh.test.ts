/**
 * keepKeysFresh: keys are fetched ahead of requests, retried while WordPress does not answer, and the
 * loop stops when asked.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { createVerifier, keepKeysFresh } from '../src';

const sleep = ( ms: number ) =>
	new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) );

describe( 'keepKeysFresh', () => {
	let server: Server;
	let base = '';
	let answering = false;
	let fetches = 0;

	before( async () => {
		server = createServer( ( _request, response ) => {
			fetches++;
			if ( ! answering ) {
				response.writeHead( 503 ).end();
				return;
			}
			response
				.writeHead( 200, { 'Content-Type': 'application/json' } )
				.end( '{"keys":[]}' );
		} );
		await new Promise< void >( ( resolve ) =>
			server.listen( 0, '127.0.0.1', resolve )
		);
		base = `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }`;
	} );

	after( () => {
		server.close();
	} );

	it( 'fetches the JWKS from WordPress at once, retries until it answers, then stops', async () => {
		const verifier = createVerifier( {
			jwksUrl: `${ base }/wp-json/switchboard/v1/jwks`,
			issuer: 'http://wordpress.test',
			audience: 'search',
		} );
		const errors: unknown[] = [];
		const stop = keepKeysFresh( verifier, {
			onError: ( error ) => errors.push( error ),
		} );

		await sleep( 200 );
		assert.equal( fetches, 1, 'The first fetch happens at once.' );
		assert.equal( errors.length, 1, 'A failed fetch is reported.' );

		answering = true;
		await sleep( 1200 );
		assert.equal( fetches, 2, 'It retried after a second.' );
		assert.equal( errors.length, 1, 'The retry succeeded.' );

		stop();
		await sleep( 1200 );
		assert.equal( fetches, 2, 'Nothing is fetched after stop().' );
	} );
} );
