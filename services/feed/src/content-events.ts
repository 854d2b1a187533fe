/**
 * What each content event changes in the catalogue. Pure: given the catalogue as it is, returns the changes.
 * Which event is which, and whether its data is valid, is the kit's (planContentEvent); this is the feed's
 * part. Names (of terms and authors) are not kept, so author.updated and term.updated change nothing; a
 * deleted category or tag is taken off the posts that had it.
 */
import {
	planContentEvent,
	planPublished,
	type ContentEventPlan,
} from '@switchboard/service-kit/content';

import type { Catalogue } from './catalogue';
import { toPost, type FeedPost } from './post';

/** One change to the catalogue. */
export type Change =
	{ op: 'put'; post: FeedPost } | { op: 'remove'; id: number };

export type EventPlan = ContentEventPlan<
	( catalogue: Catalogue ) => Change[]
>;

/** The taxonomies the feed ranks by, and the field of a post that holds each. */
const TAXONOMIES: Record< string, 'categories' | 'tags' > = {
	category: 'categories',
	post_tag: 'tags',
};

/** A valid event that changes nothing the feed keeps. */
const NOTHING: EventPlan = { kind: 'apply', plan: () => [] };

/**
 * @param type Event type, e.g. `post.published`.
 * @param data Event data.
 */
export function planEvent( type: string, data: unknown ): EventPlan {
	return planContentEvent( type, data, {
		published: ( published ) =>
			planPublished(
				toPost( published ),
				'listed',
				( post ) => ( catalogue ) => {
					const current = catalogue.get( post.id );
					// A retried older update must not overwrite a newer one.
					return current !== undefined &&
						current.modified > post.modified
						? []
						: [ { op: 'put', post } ];
				}
			),
		tombstone: ( { id } ) => ( {
			kind: 'apply',
			plan: ( catalogue ) =>
				catalogue.get( id ) === undefined
					? []
					: [ { op: 'remove', id } ],
		} ),
		author: () => NOTHING,
		term: ( { term: { id, taxonomy } }, deleted ) => {
			const field = TAXONOMIES[ taxonomy ];
			if ( ! deleted || field === undefined ) {
				return NOTHING;
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
		},
	} );
}
