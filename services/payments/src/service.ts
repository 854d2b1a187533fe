/**
 * The service's life: open the ledger, listen, fetch the gateway's keys in the background, start the
 * callback dispatcher (resuming what a previous run left undelivered) and the reconciler; on close, stop
 * taking requests, let the work in flight finish, then close the ledger.
 */
import {
	gatewayVerifier,
	keepKeysFresh,
	type LogStream,
	type Verifier,
} from '@switchboard/service-kit';
import type { FastifyInstance } from 'fastify';

import { CallbackDispatcher } from './callbacks';
import type { Config } from './config';
import { openDb } from './db';
import { Ledger } from './ledger';
import { PaymentService } from './payments';
import { Reconciler } from './reconciler';
import { createServer, registerRoutes } from './server';
import type { ServiceState } from './state';
import { createStripe } from './stripe-client';

export interface RunningService {
	app: FastifyInstance;
	/** Base URL it listens on. */
	url: string;
	state: ServiceState;
	close: () => Promise< void >;
}

export interface ServiceOverrides {
	verifier?: Verifier;
	/** The clock, in milliseconds since the epoch. */
	now?: () => number;
	/** Where log lines go (tests read them). */
	logStream?: LogStream;
	/** Retries of a failed Stripe request by the SDK (default 2). */
	stripeMaxNetworkRetries?: number;
}

/**
 * @param config    Configuration.
 * @param overrides Test seams.
 */
export async function startService(
	config: Config,
	overrides: ServiceOverrides = {}
): Promise< RunningService > {
	const now = overrides.now ?? Date.now;
	const verifier = overrides.verifier ?? gatewayVerifier( config );
	const app = createServer( {
		verifier,
		logLevel: config.logLevel,
		logStream: overrides.logStream,
	} );

	const db = openDb( config.dataDir );
	const ledger = new Ledger( db, now );
	const stripe = createStripe( config.stripe, {
		maxNetworkRetries: overrides.stripeMaxNetworkRetries,
	} );
	const dispatcher = new CallbackDispatcher( {
		db,
		url: config.callbackUrl,
		secret: config.callbackSecret,
		log: app.log,
		now,
		retryBaseMs: config.timings.callbackRetryBaseMs,
		retryCapMs: config.timings.callbackRetryCapMs,
		timeoutMs: config.timings.callbackTimeoutMs,
		cookie: config.wordpressCookie,
	} );
	const payments = new PaymentService(
		ledger,
		stripe,
		app.log,
		config.stripe.mode === 'live',
		() => dispatcher.kick()
	);
	const reconciler = new Reconciler( {
		ledger,
		payments,
		log: app.log,
		now,
		intervalMs: config.timings.reconcileIntervalMs,
		afterMs: config.timings.reconcileAfterMs,
		abandonAfterMs: config.timings.abandonAfterMs,
	} );
	const state: ServiceState = {
		db,
		ledger,
		payments,
		reconciler,
		dispatcher,
		stripe,
		stripeConfig: config.stripe,
		now,
	};
	registerRoutes( app, state );

	let url: string;
	try {
		url = await app.listen( { port: config.port, host: config.host } );
	} catch ( error ) {
		db.close();
		throw error;
	}
	// Keys fetched ahead of requests: a single-threaded WordPress cannot answer the JWKS request while it
	// waits for this service's answer.
	const stopKeys = keepKeysFresh( verifier, {
		onError: ( error: unknown ) =>
			app.log.warn(
				{ reason: error instanceof Error ? error.message : 'unknown' },
				'The gateway keys could not be fetched yet; retrying.'
			),
	} );
	dispatcher.start();
	reconciler.start();
	app.log.info(
		{ mode: config.stripe.mode, callbackUrl: config.callbackUrl },
		'Payment service started.'
	);

	let closing: Promise< void > | null = null;
	const close = () => {
		closing ??= ( async () => {
			stopKeys();
			await app.close();
			await reconciler.stop();
			await dispatcher.stop();
			db.close();
		} )();
		return closing;
	};
	return { app, url, state, close };
}
