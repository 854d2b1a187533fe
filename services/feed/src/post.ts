/**
 * What the feed knows about a post, and how a content event's data (the kit's C1 shape, shared with the
 * search service; the feed also reads its optional `comment_count`) becomes one. Titles, excerpts and names
 * are not kept: WordPress hydrates the ids the feed answers with and names the reasons, so the catalogue
 * holds only what ranking needs.
 */
import {
	publishedDates,
	type PublishedPostData,
} from '@switchboard/service-kit/content';

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
	// Only what every visitor may see is listed.
	const dates = publishedDates( data );
	if ( dates === null ) {
		return null;
	}
	const { date, modified } = dates;
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
