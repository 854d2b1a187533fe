/**
 * The service's life: listen at once (so /health answers), load the catalogue, become ready, run retention
 * (at start, then on an interval), write served feeds and keep the popularity list fresh every second; on
 * close, stop taking requests, let the ones in flight finish, then close the database.
 */
import {
	startContentServer,
	type ContentServiceOverrides,
	type StartedContentService,
} from '@switchboard/service-kit/content';

import type { Config } from './config';
import { FeedEngine } from './feed-engine';
import { buildServer } from './server';
import type { ServiceState } from './state';

/** The kit's started service (`ready` resolves when the catalogue is loaded), and its state. */
export interface RunningService extends StartedContentService {
	/** The engine, once ready (tests and the bench look at it directly). */
	state: ServiceState;
}

export interface ServiceOverrides extends ContentServiceOverrides {
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
	const now = overrides.now ?? Date.now;
	const state: ServiceState = { engine: null };
	const { app, url, stopKeys } = await startContentServer( config, {
		overrides,
		webhookSecretVariable: 'SWITCHBOARD_FEED_WEBHOOK_SECRET',
		build: ( settings ) => buildServer( { ...settings, state } ),
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
