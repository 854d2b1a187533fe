/**
 * What each content event changes in the catalogue. Pure: given the catalogue as it is, returns the changes.
 * Names (of terms and authors) are not kept, so author.updated and term.updated change nothing; a deleted
 * category or tag is taken off the posts that had it.
 */
import type { Catalogue } from './catalogue';
import {
	AuthorUpdatedData,
	PostTombstoneData,
	PublishedPostData,
	TermUpdatedData,
	toPost,
	Value,
	type FeedPost,
} from './post';

/** One change to the catalogue. */
export type Change =
	{ op: 'put'; post: FeedPost } | { op: 'remove'; id: number };

export type EventPlan =
	| { kind: 'apply'; plan: ( catalogue: Catalogue ) => Change[] }
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

/** The taxonomies the feed ranks by, and the field of a post that holds each. */
const TAXONOMIES: Record< string, 'categories' | 'tags' > = {
	category: 'categories',
	post_tag: 'tags',
};

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
			const post = toPost( data );
			if ( post === null ) {
				return {
					kind: 'invalid',
					code: 'not_publishable',
					message:
						'Only published posts with valid dates are listed.',
				};
			}
			return {
				kind: 'apply',
				plan: ( catalogue ) => {
					const current = catalogue.get( post.id );
					// A retried older update must not overwrite a newer one.
					return current !== undefined &&
						current.modified > post.modified
						? []
						: [ { op: 'put', post } ];
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
				plan: ( catalogue ) =>
					catalogue.get( data.id ) === undefined
						? []
						: [ { op: 'remove', id: data.id } ],
			};
		}
		case 'author.updated':
			return Value.Check( AuthorUpdatedData, data )
				? { kind: 'apply', plan: () => [] }
				: invalid(
						'The author.updated data does not have the expected shape.'
					);
		case 'term.updated':
		case 'term.deleted': {
			if ( ! Value.Check( TermUpdatedData, data ) ) {
				return invalid(
					`The ${ type } data does not have the expected shape.`
				);
			}
			const { id, taxonomy } = data.term;
			const field = TAXONOMIES[ taxonomy ];
			if ( type === 'term.updated' || field === undefined ) {
				return { kind: 'apply', plan: () => [] };
			}
			return {
				kind: 'apply',
				plan: ( catalogue ) =>
					catalogue
						.posting(
							field === 'categories' ? 'category' : 'tag',
							id
						)
						.map( ( post ) => ( {
							op: 'put' as const,
							post: {
								...post,
								[ field ]: post[ field ].filter(
									( term ) => term !== id
								),
							},
						} ) ),
			};
		}
		default:
			return { kind: 'ignore' };
	}
}
