/**
 * The payload of `GET switchboard/v1/search` (contract C3), as the gateway passes it to the browser.
 */

/** `[start, end)` in UTF-16 code units of the string it belongs to. */
export type HighlightRange = [ number, number ];

export interface SearchHit {
	id: number;
	title: string;
	url: string;
	excerpt?: string;
	date?: string;
	type?: string;
	highlights?: {
		title?: HighlightRange[];
		excerpt?: HighlightRange[];
	};
}

export interface FacetBucket {
	value: string;
	label: string;
	count: number;
}

/** Facet names, as the answer keys them. */
export type FacetName = 'category' | 'post_tag' | 'author' | 'type' | 'date';

export interface SearchAnswer {
	results: SearchHit[];
	total: number;
	page: number;
	pages: number;
	facets?: Partial< Record< FacetName, FacetBucket[] > >;
	suggestion?: string | null;
}
