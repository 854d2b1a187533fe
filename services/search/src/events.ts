/**
 * What each content event changes in the index. Pure: given the index as it is, returns the changes. Which
 * event is which, and whether its data is valid, is the kit's (planContentEvent); this is the index's part.
 */
import {
	planContentEvent,
	planPublished,
	type ContentEventPlan,
} from '@switchboard/service-kit/content';

import { toDocument, type SearchDocument } from './documents';
import type { SearchEngine } from './engine/types';
import type { Change } from './store';

export type EventPlan = ContentEventPlan<
	( engine: SearchEngine ) => Change[]
>;

/**
 * Every document for which `change` returns a new version, as put changes.
 *
 * @param engine The index.
 * @param change New version of a document, or null to leave it.
 */
function rewrite(
	engine: SearchEngine,
	change: ( document: SearchDocument ) => SearchDocument | null
): Change[] {
	const changes: Change[] = [];
	for ( const document of engine.documents() ) {
		const next = change( document );
		if ( next !== null ) {
			changes.push( { op: 'put', document: next } );
		}
	}
	return changes;
}

/**
 * @param type Event type, e.g. `post.published`.
 * @param data Event data.
 */
export function planEvent( type: string, data: unknown ): EventPlan {
	return planContentEvent( type, data, {
		published: ( post ) =>
			planPublished(
				toDocument( post ),
				'indexed',
				( document ) => ( engine ) => {
					const current = engine.get( document.id );
					// A retried older update must not overwrite a newer one.
					return current !== undefined &&
						current.modified > document.modified
						? []
						: [ { op: 'put', document } ];
				}
			),
		tombstone: ( { id } ) => ( {
			kind: 'apply',
			plan: ( engine ) =>
				engine.get( id ) === undefined ? [] : [ { op: 'remove', id } ],
		} ),
		author: ( { author: { id, name } } ) => ( {
			kind: 'apply',
			plan: ( engine ) =>
				rewrite( engine, ( document ) =>
					document.author.id === id && document.author.name !== name
						? { ...document, author: { id, name } }
						: null
				),
		} ),
		term: ( { term: { id, taxonomy, name } }, deleted ) => ( {
			kind: 'apply',
			plan: ( engine ) =>
				rewrite( engine, ( document ) => {
					const list = document.terms[ taxonomy ];
					if ( ! list?.some( ( term ) => term.id === id ) ) {
						return null;
					}
					const next = deleted
						? list.filter( ( term ) => term.id !== id )
						: list.map( ( term ) =>
								term.id === id ? { id, name } : term
							);
					return {
						...document,
						terms: { ...document.terms, [ taxonomy ]: next },
					};
				} ),
		} ),
	} );
}
