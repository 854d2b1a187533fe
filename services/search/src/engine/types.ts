/**
 * The engine seam: the HTTP layer talks only to this interface, so the embedded engine can be swapped for
 * an adapter to an OpenSearch/Elasticsearch cluster without changing the API.
 */
import type { SearchDocument } from '../documents';

/** Facets the API returns, by their names in the response. */
export const FACET_NAMES = [
	'category',
	'post_tag',
	'type',
	'author',
] as const;
export type FacetName = ( typeof FACET_NAMES )[ number ];

/** Publication-date buckets of the `date` facet: how far back each reaches. */
export const DATE_BUCKETS = [
	{ value: 'past-week', label: 'Past week', days: 7 },
	{ value: 'past-month', label: 'Past month', days: 30 },
	{ value: 'past-year', label: 'Past year', days: 365 },
] as const;

/** [start, end) in UTF-16 code units of the string it belongs to. */
export type Range = [ number, number ];

export interface SearchFilters {
	/** Per facet: accepted values (ids, or slugs of names); a document matches one of them. */
	facets: Partial< Record< FacetName, string[] > >;
	/** Only documents published at or after this time (ms since the epoch). */
	after?: number;
	/** Only documents published at or before this time (ms since the epoch). */
	before?: number;
}

export interface SearchQuery {
	/** The visitor's query, as typed. */
	text: string;
	page: number;
	perPage: number;
	sort: 'relevance' | 'date';
	filters: SearchFilters;
}

export interface SearchHit {
	document: SearchDocument;
	score: number;
	/** The document's excerpt, or a snippet of its body when only the body matched. */
	excerpt: string;
	/** Ranges in the title and in `excerpt` above. */
	highlights: { title: Range[]; excerpt: Range[] };
}

export interface FacetBucket {
	value: string;
	label: string;
	count: number;
}

export interface SearchOutcome {
	/** The requested page of hits. */
	hits: SearchHit[];
	/** All hits that match the query and filters. */
	total: number;
	/**
	 * Counts per value; each facet is counted with every filter applied except its own (for `date`: except
	 * after and before). `date` lists every bucket of DATE_BUCKETS, in that order, even when empty.
	 */
	facets: Record< FacetName | 'date', FacetBucket[] >;
	/** The query with misspelled words replaced by words of the index, or null. */
	suggestion: string | null;
}

export interface SearchEngine {
	/** Adds a document, or replaces the one with its id. */
	upsert: ( document: SearchDocument ) => void;
	/** Removes a document; false when there was none. */
	remove: ( id: number ) => boolean;
	get: ( id: number ) => SearchDocument | undefined;
	documents: () => IterableIterator< SearchDocument >;
	readonly size: number;
	search: ( query: SearchQuery ) => SearchOutcome;
}
