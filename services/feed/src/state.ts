/**
 * What the routes share: the engine, once the catalogue is loaded.
 */
import { HttpError } from '@switchboard/service-kit';

import type { FeedEngine } from './feed-engine';

export interface ServiceState {
	/** Null until the catalogue is loaded, and again while shutting down. */
	engine: FeedEngine | null;
}

/**
 * The engine, or a 503 while the catalogue is not loaded.
 *
 * @param state Service state.
 */
export function readyEngine( state: ServiceState ): FeedEngine {
	if ( state.engine === null ) {
		throw new HttpError( 503, 'not_ready', 'The catalogue is loading.' );
	}
	return state.engine;
}
