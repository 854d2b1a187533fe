/**
 * Contract C1: the `data` of the content events the plugin sends (and of the items its re-index batches
 * carry), shared by every service that keeps a copy of the site's posts (search, feed). Each service turns
 * it into its own record; the shapes and the date rules live here so that they cannot drift apart.
 */
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.Integer( { minimum: 1, maximum: Number.MAX_SAFE_INTEGER } );
const Name = Type.String( { maxLength: 1000 } );
const Ref = Type.Object( { id: Type.Integer( { minimum: 0 } ), name: Name } );
const Slug = Type.String( { pattern: '^[a-z0-9_-]{1,32}$' } );
const IsoDate = Type.String( { maxLength: 40 } );

/**
 * `data` of post.published / post.updated. Extra fields are allowed: the plugin may send more later, and a
 * service that does not use a field (search and `comment_count`) simply ignores it.
 */
export const PublishedPostData = Type.Object( {
	id: Id,
	type: Slug,
	status: Type.String( { maxLength: 32 } ),
	title: Type.String( { maxLength: 10000 } ),
	excerpt: Type.String( { maxLength: 100000 } ),
	permalink: Type.String( { maxLength: 2000, pattern: '^https?://' } ),
	author: Ref,
	terms: Type.Record( Slug, Type.Array( Ref, { maxItems: 1000 } ) ),
	date: IsoDate,
	modified: IsoDate,
	// Optional: senders before contract C1 omit them.
	content: Type.Optional( Type.String( { maxLength: 200000 } ) ),
	fingerprint: Type.Optional(
		Type.String( { pattern: '^([0-9a-f]{40})?$' } )
	),
	// The feed's popularity prior; optional because older plugins do not send it.
	comment_count: Type.Optional(
		Type.Integer( { minimum: 0, maximum: 2 ** 31 - 1 } )
	),
} );
export type PublishedPostData = Static< typeof PublishedPostData >;

/** `data` of post.unpublished / post.deleted: a tombstone. */
export const PostTombstoneData = Type.Object( {
	id: Id,
	type: Type.Optional( Slug ),
	status: Type.Optional( Type.String( { maxLength: 32 } ) ),
} );
export type PostTombstoneData = Static< typeof PostTombstoneData >;

/** `data` of author.updated. */
export const AuthorUpdatedData = Type.Object( {
	author: Type.Object( { id: Id, name: Name } ),
} );
export type AuthorUpdatedData = Static< typeof AuthorUpdatedData >;

/** `data` of term.updated and term.deleted: `{"term":{"id":3,"taxonomy":"category","name":"News"}}`. */
export const TermUpdatedData = Type.Object( {
	term: Type.Object( { id: Id, taxonomy: Slug, name: Name } ),
} );
export type TermUpdatedData = Static< typeof TermUpdatedData >;

/**
 * A date the plugin sent, as ISO 8601 with an offset; null when it is not a date.
 *
 * @param value Date text.
 */
export function normalizeDate( value: string ): string | null {
	const time = Date.parse( value );
	if ( Number.isNaN( time ) ) {
		return null;
	}
	return new Date( time ).toISOString().replace( /\.\d{3}Z$/, '+00:00' );
}

/**
 * The normalized dates of a post every visitor may see; null when the post is not published or its
 * publication date is not a date (a missing modification date falls back to it). Only such posts are kept:
 * the plugin never sends anything else as published, and a service must not leak what it would.
 *
 * @param data Validated event data.
 */
export function publishedDates(
	data: PublishedPostData
): { date: string; modified: string } | null {
	const date = normalizeDate( data.date );
	const modified = normalizeDate( data.modified ) ?? date;
	if ( data.status !== 'publish' || date === null || modified === null ) {
		return null;
	}
	return { date, modified };
}

/**
 * The message of a post that is not publishable, in the service's own words (`indexed`, `listed`).
 *
 * @param kept What the service does with publishable posts.
 */
export function notPublishableMessage( kept: string ): string {
	return `Only published posts with valid dates are ${ kept }.`;
}
