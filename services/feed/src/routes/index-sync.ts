/**
 * The catalogue's side of contract C2 (the routes themselves are the kit's, shared with search): the engine
 * upserts a batch in one transaction, the freshest version of an id winning, and pages its manifest.
 */
import type { IndexSyncOptions } from '@switchboard/service-kit/content';

import { toPost, type FeedPost } from '../post';
import { readyEngine, type ServiceState } from '../state';

/**
 * @param state The service's state.
 */
export function indexSyncOptions(
	state: ServiceState
): IndexSyncOptions< FeedPost > {
	return {
		kept: 'listed',
		logNoun: 'Posts',
		toItem: toPost,
		upsert: ( posts ) => readyEngine( state ).upsert( posts ),
		remove: ( ids ) => readyEngine( state ).removeIds( ids ),
		manifest: ( after, limit ) =>
			readyEngine( state ).manifest( after, limit ),
	};
}
