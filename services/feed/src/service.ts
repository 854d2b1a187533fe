/**
 * The service's life: listen at once (so /health answers), load the catalogue, become ready, run retention
 * (at start, then on an interval), write served feeds and keep the popularity list fresh every second; on close, stop taking requests, let the
 * ones in flight finish, then close the database.
 */
import {
	gatewayVerifier,
	keepKeysFresh,
	type Verifier,
} from '@switchboard/service-kit';
import type { FastifyInstance } from 'fastify';

import type { Config } from './config';
import { FeedEngine } from './feed-engine';
import { buildServer } from './server';
import type { ServiceState } from './state';

export interface RunningService {
	app: FastifyInstance;
	/** Base URL it listens on. */
	url: string;
	/** Resolves when the catalogue is loaded; rejects when it cannot be. */
	ready: Promise< void >;
	/** The engine, once ready (tests and the bench look at it directly). */
	state: ServiceState;
	close: () => Promise< void >;
}

export interface ServiceOverrides {
	verifier?: Verifier;
	/** The clock (ms); tests move it. */
	now?: () => number;
	/** Time between two background ticks (served feeds written, popularity list refreshed). Default 1 s. */
	tickIntervalMs?: number;
}

/**
 * @param config    Configuration.
 * @param overrides Test seams.
 */
export async function startService(
	config: Config,
	overrides: ServiceOverrides = {}
): Promise< RunningService > {
	const verifier = overrides.verifier ?? gatewayVerifier( config );
	const now = overrides.now ?? Date.now;
	const state: ServiceState = { engine: null };
	const app = buildServer( {
		verifier,
		state,
		webhookSecret: config.webhookSecret,
		logLevel: config.logLevel,
	} );
	if ( config.webhookSecret === null ) {
		app.log.warn(
			'SWITCHBOARD_FEED_WEBHOOK_SECRET is not set: events are accepted on the gateway token alone.'
		);
	}

	const url = await app.listen( { port: config.port, host: config.host } );
	// Keys fetched ahead of requests: a single-threaded WordPress cannot answer the JWKS request while it
	// waits for this service's answer.
	const stopKeys = keepKeysFresh( verifier, {
		onError: ( error: unknown ) =>
			app.log.warn(
				{ reason: error instanceof Error ? error.message : 'unknown' },
				'The gateway keys could not be fetched yet; retrying.'
			),
	} );

	const timers: NodeJS.Timeout[] = [];
	const prune = () => {
		const engine = state.engine;
		if ( engine === null ) {
			return;
		}
		try {
			const pruned = engine.prune();
			app.log.info( pruned, 'Retention pass done.' );
		} catch ( error ) {
			app.log.error( { err: error }, 'Retention pass failed.' );
		}
	};

	const ready = ( async () => {
		// Let /health answer before the synchronous load takes the event loop.
		await new Promise( ( resolve ) => setImmediate( resolve ) );
		const started = performance.now();
		state.engine = FeedEngine.open( {
			dataDir: config.dataDir,
			settings: config.feed,
			now,
		} );
		app.log.info(
			{
				posts: state.engine.size,
				ms: Math.round( performance.now() - started ),
			},
			'Catalogue loaded.'
		);
		prune();
		timers.push(
			setInterval( prune, config.feed.retentionIntervalMs ).unref(),
			setInterval(
				() => state.engine?.tick(),
				overrides.tickIntervalMs ?? 1000
			).unref()
		);
	} )();
	ready.catch( ( error: unknown ) => {
		app.log.error( { err: error }, 'The catalogue could not be loaded.' );
	} );

	let closing: Promise< void > | null = null;
	const close = () => {
		closing ??= ( async () => {
			stopKeys();
			for ( const timer of timers ) {
				clearInterval( timer );
			}
			await app.close();
			await ready.catch( () => undefined );
			state.engine?.close();
			state.engine = null;
		} )();
		return closing;
	};
	return { app, url, ready, state, close };
}
