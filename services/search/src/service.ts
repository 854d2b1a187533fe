/**
 * The service's life: listen at once (so /health answers), load the index, become ready; on close, stop
 * taking requests, let the ones in flight finish, then write the snapshot.
 */
import {
	startContentServer,
	type ContentServiceOverrides,
	type StartedContentService,
} from '@switchboard/service-kit/content';

import type { Config } from './config';
import { createEngine } from './engine/create';
import type { SearchEngine } from './engine/types';
import { buildServer } from './server';
import type { ServiceState } from './state';
import { IndexStore } from './store';

/** The kit's started service: `ready` resolves when the index is loaded. */
export type RunningService = StartedContentService;

export interface ServiceOverrides extends ContentServiceOverrides {
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
	const state: ServiceState = {
		engine: overrides.engine ?? createEngine(),
		store: null,
	};
	const { app, url, stopKeys } = await startContentServer( config, {
		overrides,
		webhookSecretVariable: 'SWITCHBOARD_SEARCH_WEBHOOK_SECRET',
		build: ( settings ) => buildServer( { ...settings, state } ),
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
