/**
 * What the index holds about a post, and how a content event's data becomes one.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

import { plainText } from './text';

/** A term of a taxonomy, as the plugin sends it. */
export interface TermRef {
	id: number;
	name: string;
}

/** One published post, as the index stores it. Text fields are plain text. */
export interface SearchDocument {
	id: number;
	type: string;
	title: string;
	excerpt: string;
	url: string;
	/** ISO 8601 publication date (GMT). */
	date: string;
	/** ISO 8601 modification date (GMT). */
	modified: string;
	author: TermRef;
	/** Public taxonomies by name (`category`, `post_tag`, ...). */
	terms: Record< string, TermRef[] >;
	/** The post body as plain text (`content`); empty when the sender did not send it. */
	body: string;
	/** What the sender computed over its payload (`fingerprint`), kept verbatim for the manifest; may be empty. */
	fingerprint: string;
}

const Id = Type.Integer( { minimum: 1, maximum: Number.MAX_SAFE_INTEGER } );
const Name = Type.String( { maxLength: 1000 } );
const Ref = Type.Object( { id: Type.Integer( { minimum: 0 } ), name: Name } );
const Slug = Type.String( { pattern: '^[a-z0-9_-]{1,32}$' } );
const IsoDate = Type.String( { maxLength: 40 } );

/** `data` of post.published / post.updated. Extra fields are allowed: the plugin may send more later. */
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

export { Value };

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

/** Longest title and excerpt the gateway accepts (PostSummary's schema). */
const MAX_TITLE = 1000;
const MAX_EXCERPT = 5000;
/** Longest body indexed (the plugin cuts at 20,000 characters already). */
const MAX_BODY = 20000;

/**
 * Text cut to a length in UTF-16 code units, at a word boundary when there is one, never inside a surrogate pair.
 *
 * @param text  Plain text.
 * @param limit Longest length.
 */
export function clip( text: string, limit: number ): string {
	if ( text.length <= limit ) {
		return text;
	}
	let cut = text.slice( 0, limit - 1 );
	const space = cut.lastIndexOf( ' ' );
	if ( space > limit / 2 ) {
		cut = cut.slice( 0, space );
	} else if ( /[\ud800-\udbff]$/.test( cut ) ) {
		cut = cut.slice( 0, -1 );
	}
	return cut.trimEnd() + '\u2026';
}

/**
 * The document for a published post; null when the data is not a publishable post.
 *
 * @param data Validated event data.
 */
export function toDocument( data: PublishedPostData ): SearchDocument | null {
	const date = normalizeDate( data.date );
	const modified = normalizeDate( data.modified ) ?? date;
	if ( data.status !== 'publish' || date === null || modified === null ) {
		return null;
	}
	const terms: Record< string, TermRef[] > = {};
	for ( const [ taxonomy, list ] of Object.entries( data.terms ) ) {
		terms[ taxonomy ] = list.map( ( term ) => ( {
			id: term.id,
			name: plainText( term.name ),
		} ) );
	}
	return {
		id: data.id,
		type: data.type,
		title: clip( plainText( data.title ), MAX_TITLE ),
		excerpt: clip( plainText( data.excerpt ), MAX_EXCERPT ),
		url: data.permalink,
		date,
		modified,
		author: { id: data.author.id, name: plainText( data.author.name ) },
		terms,
		body: clip( plainText( data.content ?? '' ), MAX_BODY ),
		fingerprint: data.fingerprint ?? '',
	};
}
