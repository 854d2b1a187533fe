/**
 * Test harness: the stand-in on an ephemeral port with fast webhook retries, the real `stripe` SDK as
 * client (secret and publishable keys), a local webhook receiver, and a caller for the /_standin controls.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import Stripe from 'stripe';

import { loadConfig } from '../src/config';
import {
	startStandin,
	type RunningStandin,
	type StandinOverrides,
} from '../src/service';

export const SECRET_KEY = 'sk_test_standin_harness_0123456789';
export const PUBLISHABLE_KEY = 'pk_test_standin_harness_0123456789';
export const WEBHOOK_SECRET = 'whsec_harness_0123456789abcdef0123456789';

export interface Harness {
	standin: RunningStandin;
	/** The SDK with the secret key. */
	stripe: Stripe;
	/** The SDK with the publishable key (what Stripe.js may do). */
	browser: Stripe;
	/** Calls a /_standin control with the secret key; fails unless 200. */
	control: (
		method: string,
		path: string,
		body?: unknown
	) => Promise< unknown >;
	/** A raw request to the stand-in. */
	raw: ( path: string, init?: RequestInit ) => Promise< Response >;
	close: () => Promise< void >;
}

export interface HarnessOptions {
	env?: Record< string, string >;
	overrides?: StandinOverrides;
	maxNetworkRetries?: number;
}

/**
 * An SDK client for the stand-in.
 *
 * @param key               The API key.
 * @param port              The stand-in's port.
 * @param maxNetworkRetries SDK retries.
 */
export const sdk = ( key: string, port: number, maxNetworkRetries = 2 ) =>
	new Stripe( key, {
		host: '127.0.0.1',
		port,
		protocol: 'http',
		maxNetworkRetries,
	} );

/**
 * Starts the stand-in.
 *
 * @param options Extra environment, test seams.
 */
export async function startHarness(
	options: HarnessOptions = {}
): Promise< Harness > {
	const config = loadConfig( {
		PORT: '0',
		LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
		STANDIN_SECRET_KEY: SECRET_KEY,
		STANDIN_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
		STANDIN_WEBHOOK_RETRY_MS: '20',
		STANDIN_WEBHOOK_MAX_ATTEMPTS: '4',
		STANDIN_WEBHOOK_TIMEOUT_MS: '500',
		...options.env,
	} );
	const standin = await startStandin( config, options.overrides );
	const raw = ( path: string, init: RequestInit = {} ) =>
		fetch( `${ standin.url }${ path }`, init );
	return {
		standin,
		stripe: sdk( SECRET_KEY, standin.port, options.maxNetworkRetries ),
		browser: sdk( PUBLISHABLE_KEY, standin.port, 0 ),
		raw,
		async control( method, path, body ) {
			const response = await raw( path, {
				method,
				headers: {
					Authorization: `Bearer ${ SECRET_KEY }`,
					...( body === undefined
						? {}
						: { 'Content-Type': 'application/json' } ),
				},
				body: body === undefined ? undefined : JSON.stringify( body ),
			} );
			const text = await response.text();
			if ( response.status !== 200 ) {
				throw new Error(
					`${ method } ${ path }: ${ response.status } ${ text }`
				);
			}
			return JSON.parse( text ) as unknown;
		},
		close: () => standin.close(),
	};
}

export interface Received {
	headers: IncomingHttpHeaders;
	body: string;
	/** The event's id and type, parsed. */
	id: string;
	type: string;
}

export interface Receiver {
	url: string;
	received: Received[];
	/** Status for the next requests (then 200). */
	failNext: ( count: number, status?: number ) => void;
	/** Waits until `count` requests arrived (fails after 5 s). */
	waitFor: ( count: number ) => Promise< Received[] >;
	close: () => Promise< void >;
}

/** A webhook endpoint that records what it receives. */
export async function startReceiver(): Promise< Receiver > {
	const received: Received[] = [];
	const failures: number[] = [];
	const waiters: ( () => void )[] = [];
	const server = createServer( ( request, response ) => {
		let body = '';
		request.setEncoding( 'utf8' );
		request.on( 'data', ( chunk: string ) => ( body += chunk ) );
		request.on( 'end', () => {
			const event = JSON.parse( body ) as { id: string; type: string };
			received.push( {
				headers: request.headers,
				body,
				id: event.id,
				type: event.type,
			} );
			response.writeHead( failures.shift() ?? 200 ).end();
			for ( const wake of waiters.splice( 0 ) ) {
				wake();
			}
		} );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const url = `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }/hooks`;
	return {
		url,
		received,
		failNext( count, status = 500 ) {
			failures.push( ...Array.from( { length: count }, () => status ) );
		},
		async waitFor( count ) {
			const deadline = Date.now() + 5000;
			while ( received.length < count ) {
				if ( Date.now() > deadline ) {
					throw new Error(
						`Expected ${ count } webhooks, got ${ received.length }: ${ received
							.map( ( item ) => item.type )
							.join( ', ' ) }`
					);
				}
				await new Promise< void >( ( resolve ) => {
					waiters.push( resolve );
					setTimeout( resolve, 50 );
				} );
			}
			return received;
		},
		close: () =>
			new Promise< void >( ( resolve ) => {
				server.close( () => resolve() );
				server.closeAllConnections();
			} ),
	};
}

/**
 * The error a promise rejects with (fails if it resolves).
 *
 * @param promise The call.
 */
export async function rejection( promise: Promise< unknown > ): Promise< any > {
	try {
		await promise;
	} catch ( error ) {
		return error;
	}
	throw new Error( 'Expected the call to fail.' );
}
