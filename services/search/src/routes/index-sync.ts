/**
 * The index's side of contract C2 (the routes themselves are the kit's): a batch is committed in one
 * snapshot step, and the freshest version of an id wins, within the batch and against the index.
 */
import type {
	IndexSyncOptions,
	ManifestPage,
} from '@switchboard/service-kit/content';

import { toDocument, type SearchDocument } from '../documents';
import { readyStore, type ServiceState } from '../state';
import type { Change } from '../store';

/**
 * The page of the manifest after `after`.
 *
 * @param state The service's state.
 * @param after Last id of the previous page.
 * @param limit Longest page.
 */
function manifest(
	state: ServiceState,
	after: number,
	limit: number
): ManifestPage {
	readyStore( state );
	const engine = state.engine;
	const ids: number[] = [];
	for ( const document of engine.documents() ) {
		if ( document.id > after ) {
			ids.push( document.id );
		}
	}
	ids.sort( ( a, b ) => a - b );
	const page = ids.slice( 0, limit );
	const documents = page.map( ( id ) => {
		const document = engine.get( id ) as SearchDocument;
		return {
			id,
			modified: document.modified,
			fingerprint: document.fingerprint,
		};
	} );
	return {
		documents,
		next: ids.length > limit ? ( page[ page.length - 1 ] as number ) : null,
		total: engine.size,
	};
}

/**
 * @param state The service's state.
 */
export function indexSyncOptions(
	state: ServiceState
): IndexSyncOptions< SearchDocument > {
	return {
		kept: 'indexed',
		logNoun: 'Documents',
		toItem: toDocument,
		upsert: ( incoming ) =>
			readyStore( state ).commit( ( engine ) => {
				// Within the batch too, the freshest version of an id wins.
				const planned = new Map< number, SearchDocument >();
				let skips = 0;
				for ( const document of incoming ) {
					const current =
						planned.get( document.id ) ?? engine.get( document.id );
					// A re-index batch never overwrites a fresher event.
					if (
						current !== undefined &&
						current.modified > document.modified
					) {
						skips++;
						continue;
					}
					if ( planned.has( document.id ) ) {
						skips++; // The earlier copy in this batch is superseded.
					}
					planned.set( document.id, document );
				}
				const changes: Change[] = [ ...planned.values() ].map(
					( document ) => ( { op: 'put', document } )
				);
				return {
					changes,
					result: { indexed: changes.length, skipped: skips },
				};
			} ),
		remove: ( ids ) =>
			readyStore( state ).commit( ( engine ) => {
				const changes: Change[] = ids
					.filter( ( id ) => engine.get( id ) !== undefined )
					.map( ( id ) => ( { op: 'remove', id } ) );
				return { changes, result: changes.length };
			} ),
		manifest: ( after, limit ) => manifest( state, after, limit ),
	};
}
