/**
 * What the index holds about a post, and how a content event's data becomes one.
 */
import {
	publishedDates,
	type PublishedPostData,
} from '@switchboard/service-kit/content';

import { plainText } from './text';

// The event data (contract C1) is the kit's, shared with the feed; re-exported for the bench.
export type { PublishedPostData };

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
	// Only what every visitor may see is kept.
	const dates = publishedDates( data );
	if ( dates === null ) {
		return null;
	}
	const { date, modified } = dates;
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
