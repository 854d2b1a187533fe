/**
 * What the feed knows about a post, and how a content event's data (the search service's shape, plus an
 * optional `comment_count`) becomes one. Titles, excerpts and names are not kept: WordPress hydrates the ids
 * the feed answers with and names the reasons, so the catalogue holds only what ranking needs.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** One published post, as ranking sees it. */
export interface FeedPost {
	id: number;
	type: string;
	/** Publication time, ms since the epoch. */
	date: number;
	/** ISO 8601 modification date (GMT), compared as text to keep the freshest version. */
	modified: string;
	author: number;
	categories: number[];
	tags: number[];
	/** Comments at the last update: a popularity prior that needs no visitor signal. */
	commentCount: number;
	/** What the sender computed over its payload, kept verbatim for the manifest; may be empty. */
	fingerprint: string;
}

const Id = Type.Integer( { minimum: 1, maximum: Number.MAX_SAFE_INTEGER } );
const Name = Type.String( { maxLength: 1000 } );
const Ref = Type.Object( { id: Type.Integer( { minimum: 0 } ), name: Name } );
const Slug = Type.String( { pattern: '^[a-z0-9_-]{1,32}$' } );
const IsoDate = Type.String( { maxLength: 40 } );

/** `data` of post.published / post.updated, as the search service accepts it. Extra fields are allowed. */
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
	content: Type.Optional( Type.String( { maxLength: 200000 } ) ),
	fingerprint: Type.Optional(
		Type.String( { pattern: '^([0-9a-f]{40})?$' } )
	),
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

/** `data` of author.updated. */
export const AuthorUpdatedData = Type.Object( {
	author: Type.Object( { id: Id, name: Name } ),
} );

/** `data` of term.updated and term.deleted. */
export const TermUpdatedData = Type.Object( {
	term: Type.Object( { id: Id, taxonomy: Slug, name: Name } ),
} );

export { Value };

/**
 * A date as ISO 8601 with an offset; null when it is not a date.
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
 * The ids of a taxonomy's terms, without duplicates.
 *
 * @param data     Validated event data.
 * @param taxonomy Taxonomy name.
 */
function termIds( data: PublishedPostData, taxonomy: string ): number[] {
	return [
		...new Set(
			( data.terms[ taxonomy ] ?? [] )
				.map( ( term ) => term.id )
				.filter( ( id ) => id > 0 )
		),
	];
}

/**
 * The feed's post for published data; null when the data is not a publishable post.
 *
 * @param data Validated event data.
 */
export function toPost( data: PublishedPostData ): FeedPost | null {
	const date = normalizeDate( data.date );
	const modified = normalizeDate( data.modified ) ?? date;
	if ( data.status !== 'publish' || date === null || modified === null ) {
		return null;
	}
	return {
		id: data.id,
		type: data.type,
		date: Date.parse( date ),
		modified,
		author: data.author.id,
		categories: termIds( data, 'category' ),
		tags: termIds( data, 'post_tag' ),
		commentCount: data.comment_count ?? 0,
		fingerprint: data.fingerprint ?? '',
	};
}
