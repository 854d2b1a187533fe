/**
 * Test harness, with nothing faked: a local "WordPress" (node:http) that serves a JWKS with a freshly
 * generated Ed25519 key, signs gateway tokens as the plugin does, and receives and VERIFIES the payment
 * callbacks (answering with a scripted status); the offline Stripe stand-in; the payment service on an
 * ephemeral port with its ledger in a temporary folder; every log line captured.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkSignature } from '@switchboard/service-kit';
import {
	gatewayRequest,
	startTestWordpress,
} from '@switchboard/service-kit/testing';
import Stripe from 'stripe';

import {
	DEFAULT_PUBLISHABLE_KEY,
	DEFAULT_SECRET_KEY,
	loadConfig as loadStandinConfig,
} from '../../stripe-standin/src/config';
import {
	startStandin,
	type RunningStandin,
} from '../../stripe-standin/src/service';
import { loadConfig } from '../src/config';
import type { Payment } from '../src/payment';
import { startService, type RunningService } from '../src/service';

export const CALLBACK_SECRET = 'test-callback-secret-0123456789abcdef';
/** The current and the previous webhook signing secret (both accepted: rotation). */
export const WEBHOOK_SECRET = `whsec_${ 'a1'.repeat( 16 ) }`;
export const OLD_WEBHOOK_SECRET = `whsec_${ 'b2'.repeat( 16 ) }`;
export const STRIPE_SECRET_KEY = DEFAULT_SECRET_KEY;
export const STRIPE_PUBLISHABLE_KEY = DEFAULT_PUBLISHABLE_KEY;

export interface ReceivedCallback {
	id: string;
	type: string;
	payment: Payment;
	/** What "WordPress" answered. */
	status: number;
}

export interface Wordpress {
	url: string;
	callbackUrl: string;
	/** A valid gateway token for the payment service, signed now. */
	token: ( claims?: Record< string, unknown > ) => string;
	/** Callbacks that were verified and acknowledged (2xx), in arrival order. */
	callbacks: ReceivedCallback[];
	/** Every delivery attempt, verified or not, with the status answered. */
	attempts: { id: string; status: number; verified: boolean }[];
	/** Statuses to answer next, one per attempt (then 200). */
	script: number[];
	close: () => Promise< void >;
}

/** WordPress's stand-in: the JWKS, gateway tokens, and a callback receiver that checks signatures. */
export async function startWordpress(): Promise< Wordpress > {
	const seen = new Set< string >();
	const site = await startTestWordpress( {
		audience: 'payments',
		handle( request, response ) {
			if ( request.url !== '/callbacks' || request.method !== 'POST' ) {
				response.writeHead( 404 ).end();
				return;
			}
			const chunks: Buffer[] = [];
			request.on( 'data', ( chunk: Buffer ) => chunks.push( chunk ) );
			request.on( 'end', () => {
				const body = Buffer.concat( chunks );
				const id = String(
					request.headers[ 'switchboard-event-id' ] ?? ''
				);
				const check = checkSignature(
					CALLBACK_SECRET,
					id,
					String( request.headers[ 'switchboard-signature' ] ?? '' ),
					body
				);
				let status = wordpress.script.shift() ?? 200;
				if ( ! check.ok ) {
					status = check.status;
				} else if ( status === 200 && seen.has( id ) ) {
					// What plugin/src/Events/Signature.php answers for an id it has processed.
					status = 409;
				}
				wordpress.attempts.push( { id, status, verified: check.ok } );
				if ( check.ok && status === 200 ) {
					seen.add( id );
					const parsed = JSON.parse( body.toString( 'utf8' ) ) as {
						id: string;
						type: string;
						data: { payment: Payment };
					};
					wordpress.callbacks.push( {
						id: parsed.id,
						type: parsed.type,
						payment: parsed.data.payment,
						status,
					} );
				}
				response
					.writeHead( status, { 'Content-Type': 'application/json' } )
					.end( '{}' );
			} );
		},
	} );

	const wordpress: Wordpress = {
		url: site.url,
		callbackUrl: `${ site.url }/callbacks`,
		callbacks: [],
		attempts: [],
		script: [],
		token: ( claims ) => site.token( claims ),
		close: site.close,
	};
	return wordpress;
}

export interface HarnessOptions {
	/** Start the Stripe stand-in (default true); without it Stripe is an address nobody answers. */
	standin?: boolean;
	/** Extra environment for the payment service. */
	env?: Record< string, string >;
	/** The payment service's clock. */
	now?: () => number;
}

export interface Harness {
	wordpress: Wordpress;
	standin: RunningStandin | null;
	service: RunningService;
	dataDir: string;
	/** Every log line the payment service wrote (across restarts). */
	logs: string[];
	/** The stand-in's API through the official SDK, with the secret key (what an operator sees). */
	stripe: Stripe;
	/** A call to the payment service with a gateway token (null: no token). */
	api: (
		method: string,
		path: string,
		body?: unknown,
		token?: string | null
	) => Promise< { status: number; body: any; text: string } >;
	/** Runs `work` while the stand-in drops every webhook delivery: a webhook lost on the way. */
	withoutWebhooks: < T >( work: () => Promise< T > ) => Promise< T >;
	/** A stand-in test control. */
	control: (
		path: string,
		body?: Record< string, unknown >
	) => Promise< any >;
	/** The visitor's browser confirming with the publishable key and the client secret (Stripe.js). */
	confirm: (
		intentId: string,
		clientSecret: string,
		paymentMethod: string
	) => Promise< any >;
	restart: () => Promise< void >;
	/** Stops everything, then fails if any log line held a secret. */
	close: () => Promise< void >;
}

/** A fresh attempt key. */
export const newKey = () => randomBytes( 12 ).toString( 'hex' );

/**
 * A valid create body.
 *
 * @param overrides What differs.
 */
export function paymentBody( overrides: Record< string, unknown > = {} ) {
	return {
		attemptKey: newKey(),
		amount: 2500,
		currency: 'usd',
		description: 'Donation to the newsroom',
		reference: { postId: 42, blockId: 'pay-block-1' },
		returnUrl: 'http://localhost:8888/donate/?paid=1',
		email: 'visitor@example.org',
		...overrides,
	};
}

/**
 * Starts WordPress's stand-in, Stripe's stand-in and the payment service.
 *
 * @param options What to start and how.
 */
export async function startHarness(
	options: HarnessOptions = {}
): Promise< Harness > {
	const wordpress = await startWordpress();
	const standin =
		options.standin === false
			? null
			: await startStandin(
					loadStandinConfig( {
						PORT: '0',
						LOG_LEVEL: 'silent',
						STANDIN_WEBHOOK_RETRY_MS: '50',
						STANDIN_WEBHOOK_MAX_ATTEMPTS: '3',
					} )
				);
	const dataDir = await mkdtemp( join( tmpdir(), 'switchboard-payments-' ) );
	const logs: string[] = [];
	const env: Record< string, string > = {
		PORT: '0',
		SWITCHBOARD_WORDPRESS_URL: wordpress.url,
		DATA_DIR: dataDir,
		STRIPE_SECRET_KEY,
		STRIPE_PUBLISHABLE_KEY,
		STRIPE_WEBHOOK_SECRET: `${ WEBHOOK_SECRET },${ OLD_WEBHOOK_SECRET }`,
		// Nobody listens on port 9 (discard) here: without the stand-in every Stripe call fails fast.
		STRIPE_API_BASE: standin?.url ?? 'http://127.0.0.1:9',
		SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET: CALLBACK_SECRET,
		SWITCHBOARD_PAYMENTS_CALLBACK_URL: wordpress.callbackUrl,
		// Tests run passes through POST /v1/reconcile; the timer stays out of the way.
		RECONCILE_INTERVAL_MS: '3600000',
		RECONCILE_AFTER_MS: '0',
		CALLBACK_RETRY_BASE_MS: '20',
		CALLBACK_RETRY_CAP_MS: '100',
		LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
		...options.env,
	};
	const start = () =>
		startService( loadConfig( env ), {
			now: options.now,
			logStream: { write: ( line ) => void logs.push( line ) },
			stripeMaxNetworkRetries: 0,
		} );
	const service = await start();
	// Restarts keep the port, so the webhook endpoint registered at the stand-in stays right.
	env.PORT = new URL( service.url ).port;
	const stripe = new Stripe( STRIPE_SECRET_KEY, {
		host: '127.0.0.1',
		port: standin === null ? 9 : standin.port,
		protocol: 'http',
		maxNetworkRetries: 0,
	} );
	if ( standin !== null ) {
		const response = await fetch(
			`${ standin.url }/_standin/webhook_endpoints`,
			{
				method: 'POST',
				headers: {
					Authorization: `Bearer ${ STRIPE_SECRET_KEY }`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify( {
					url: `${ service.url }/v1/stripe/webhook`,
					secret: WEBHOOK_SECRET,
				} ),
			}
		);
		if ( ! response.ok ) {
			throw new Error( `webhook endpoint: ${ await response.text() }` );
		}
	}

	const harness: Harness = {
		wordpress,
		standin,
		service,
		dataDir,
		logs,
		stripe,
		async api( method, path, body, token ) {
			const bearer = token === undefined ? wordpress.token() : token;
			const response = await fetch(
				`${ harness.service.url }${ path }`,
				gatewayRequest(
					method,
					body === undefined ? undefined : JSON.stringify( body ),
					bearer
				)
			);
			const text = await response.text();
			// Every answer of every test is checked: no key or webhook secret, whatever the route.
			assertNoSecret( `${ method } ${ path }`, text, true );
			let parsed: unknown = null;
			try {
				parsed = JSON.parse( text );
			} catch {
				parsed = null;
			}
			return { status: response.status, body: parsed, text };
		},
		async withoutWebhooks( work ) {
			await harness.control( '/_standin/webhooks/drop', { count: 1000 } );
			try {
				return await work();
			} finally {
				await harness.control( '/_standin/webhooks/drop', {
					count: 0,
				} );
			}
		},
		async control( path, body = {} ) {
			if ( standin === null ) {
				throw new Error( 'No stand-in in this harness.' );
			}
			const response = await fetch( `${ standin.url }${ path }`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${ STRIPE_SECRET_KEY }`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify( body ),
			} );
			const text = await response.text();
			if ( ! response.ok ) {
				throw new Error( `${ path }: ${ response.status } ${ text }` );
			}
			return JSON.parse( text );
		},
		async confirm( intentId, clientSecret, paymentMethod ) {
			if ( standin === null ) {
				throw new Error( 'No stand-in in this harness.' );
			}
			const response = await fetch(
				`${ standin.url }/v1/payment_intents/${ intentId }/confirm`,
				{
					method: 'POST',
					headers: {
						Authorization: `Bearer ${ STRIPE_PUBLISHABLE_KEY }`,
						'Content-Type': 'application/x-www-form-urlencoded',
					},
					body: new URLSearchParams( {
						payment_method: paymentMethod,
						client_secret: clientSecret,
						return_url: 'http://localhost:8888/donate/?paid=1',
					} ),
				}
			);
			return response.json();
		},
		async restart() {
			await harness.service.close();
			// Lets the client's pool see the closed keep-alive sockets before the next request.
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
			harness.service = await start();
		},
		async close() {
			await harness.service.close();
			await standin?.close();
			await wordpress.close();
			await rm( dataDir, { recursive: true, force: true } );
			// Every harness ends by checking everything the service logged.
			for ( const line of logs ) {
				assertNoSecret( 'A log line', line );
			}
		},
	};
	return harness;
}

/**
 * Waits until a condition holds (polling every 10 ms), or fails after `timeoutMs`.
 *
 * @param what      What is awaited, for the failure message.
 * @param condition The condition.
 * @param timeoutMs Longest wait.
 */
export async function until(
	what: string,
	condition: () => boolean | Promise< boolean >,
	timeoutMs = 5000
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	while ( ! ( await condition() ) ) {
		if ( Date.now() > deadline ) {
			throw new Error( `Timed out waiting for ${ what }.` );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
}

/** Values that must never appear in a response or a log line. */
const SECRETS = [
	/sk_(test|live)_/,
	/rk_(test|live)_/,
	/whsec_/,
	new RegExp( CALLBACK_SECRET ),
];

/**
 * Fails when a text holds a secret. A client secret (`pi_..._secret_...`) is one in a log line, but is
 * legitimately in the create answer (the browser needs it).
 *
 * @param where               What the text is.
 * @param text                The text.
 * @param clientSecretAllowed Whether a PaymentIntent client secret may appear.
 */
export function assertNoSecret(
	where: string,
	text: string,
	clientSecretAllowed = false
): void {
	const patterns = clientSecretAllowed ? SECRETS : [ ...SECRETS, /_secret_/ ];
	for ( const pattern of patterns ) {
		if ( pattern.test( text ) ) {
			throw new Error(
				`${ where } contains a secret (${ pattern }): ${ text.slice( 0, 300 ) }`
			);
		}
	}
}
