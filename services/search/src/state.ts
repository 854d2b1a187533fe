/**
 * What the routes share: the engine, and the store once the index is loaded.
 */
import { HttpError } from '@switchboard/service-kit';

import type { SearchEngine } from './engine/types';
import type { IndexStore } from './store';

export interface ServiceState {
	engine: SearchEngine;
	/** Null until the index is loaded from disk, and again while shutting down. */
	store: IndexStore | null;
}

/**
 * The store, or a 503 while the index is not loaded.
 *
 * @param state Service state.
 */
export function readyStore( state: ServiceState ): IndexStore {
	if ( state.store === null ) {
		throw new HttpError( 503, 'not_ready', 'The index is loading.' );
	}
	return state.store;
}
