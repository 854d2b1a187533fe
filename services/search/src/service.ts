/**
 * The service's life: listen at once (so /health answers), load the index, become ready; on close, stop
 * taking requests, let the ones in flight finish, then write the snapshot.
 */
import {
	gatewayVerifier,
	keepKeysFresh,
	type Verifier,
} from '@switchboard/service-kit';
import type { FastifyInstance } from 'fastify';

import type { Config } from './config';
import { createEngine } from './engine/create';
import type { SearchEngine } from './engine/types';
import { buildServer } from './server';
import type { ServiceState } from './state';
import { IndexStore } from './store';

export interface RunningService {
	app: FastifyInstance;
	/** Base URL it listens on. */
	url: string;
	/** Resolves when the index is loaded; rejects when it cannot be. */
	ready: Promise< void >;
	close: () => Promise< void >;
}

export interface ServiceOverrides {
	verifier?: Verifier;
	engine?: SearchEngine;
	snapshotEvery?: number;
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
	const state: ServiceState = {
		engine: overrides.engine ?? createEngine(),
		store: null,
	};
	const app = buildServer( {
		verifier,
		state,
		webhookSecret: config.webhookSecret,
		logLevel: config.logLevel,
	} );
	if ( config.webhookSecret === null ) {
		app.log.warn(
			'SWITCHBOARD_SEARCH_WEBHOOK_SECRET is not set: events are accepted on the gateway token alone.'
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

	let opening: Promise< IndexStore > | null = null;
	const ready = ( async () => {
		opening = IndexStore.open( {
			directory: config.dataDir,
			engine: state.engine,
			logger: app.log,
			snapshotEvery: overrides.snapshotEvery,
		} );
		state.store = await opening;
	} )();
	ready.catch( ( error: unknown ) => {
		app.log.error( { err: error }, 'The index could not be loaded.' );
	} );

	let closing: Promise< void > | null = null;
	const close = () => {
		closing ??= ( async () => {
			stopKeys();
			await app.close();
			const store = await ( opening ?? Promise.resolve( null ) ).catch(
				() => null
			);
			state.store = null;
			await store?.close();
		} )();
		return closing;
	};
	return { app, url, ready, close };
}
