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
	/** Counts per value; each facet is counted with every filter applied except its own. */
	facets: Record< FacetName, FacetBucket[] >;
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
