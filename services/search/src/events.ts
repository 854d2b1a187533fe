/**
 * What each content event changes in the index. Pure: given the index as it is, returns the changes.
 */
import {
	AuthorUpdatedData,
	PostTombstoneData,
	PublishedPostData,
	TermUpdatedData,
	toDocument,
	Value,
	type SearchDocument,
} from './documents';
import type { SearchEngine } from './engine/types';
import type { Change } from './store';

export type EventPlan =
	| { kind: 'apply'; plan: ( engine: SearchEngine ) => Change[] }
	| { kind: 'ignore' }
	| {
			kind: 'invalid';
			code: 'invalid_event' | 'not_publishable';
			message: string;
	  };

const invalid = ( message: string ): EventPlan => ( {
	kind: 'invalid',
	code: 'invalid_event',
	message,
} );

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
	switch ( type ) {
		case 'post.published':
		case 'post.updated': {
			if ( ! Value.Check( PublishedPostData, data ) ) {
				return invalid(
					`The ${ type } data does not have the expected shape.`
				);
			}
			// Only what every visitor may see is indexed; the plugin never sends anything else as published.
			const document = toDocument( data );
			if ( document === null ) {
				return {
					kind: 'invalid',
					code: 'not_publishable',
					message:
						'Only published posts with valid dates are indexed.',
				};
			}
			return {
				kind: 'apply',
				plan: ( engine ) => {
					const current = engine.get( document.id );
					// A retried older update must not overwrite a newer one.
					if (
						current !== undefined &&
						current.modified > document.modified
					) {
						return [];
					}
					return [ { op: 'put', document } ];
				},
			};
		}
		case 'post.unpublished':
		case 'post.deleted': {
			if ( ! Value.Check( PostTombstoneData, data ) ) {
				return invalid(
					`The ${ type } data does not have the expected shape.`
				);
			}
			return {
				kind: 'apply',
				plan: ( engine ) =>
					engine.get( data.id ) === undefined
						? []
						: [ { op: 'remove', id: data.id } ],
			};
		}
		case 'author.updated': {
			if ( ! Value.Check( AuthorUpdatedData, data ) ) {
				return invalid(
					'The author.updated data does not have the expected shape.'
				);
			}
			const { id, name } = data.author;
			return {
				kind: 'apply',
				plan: ( engine ) =>
					rewrite( engine, ( document ) =>
						document.author.id === id &&
						document.author.name !== name
							? { ...document, author: { id, name } }
							: null
					),
			};
		}
		case 'term.updated':
		case 'term.deleted': {
			if ( ! Value.Check( TermUpdatedData, data ) ) {
				return invalid(
					`The ${ type } data does not have the expected shape.`
				);
			}
			const { id, taxonomy, name } = data.term;
			return {
				kind: 'apply',
				plan: ( engine ) =>
					rewrite( engine, ( document ) => {
						const list = document.terms[ taxonomy ];
						if ( ! list?.some( ( term ) => term.id === id ) ) {
							return null;
						}
						const next =
							type === 'term.deleted'
								? list.filter( ( term ) => term.id !== id )
								: list.map( ( term ) =>
										term.id === id ? { id, name } : term
									);
						return {
							...document,
							terms: { ...document.terms, [ taxonomy ]: next },
						};
					} ),
			};
		}
		default:
			return { kind: 'ignore' };
	}
}
