/**
 * Internal dependencies
 */
import { normalizeQuery } from './query';

/** Facets whose values are lists in the URL. */
export type ListFacet = 'category' | 'post_tag' | 'author' | 'type';

export type DateRange = 'past-week' | 'past-month' | 'past-year';

/** What was searched for: the block's URL state (contract C4). */
export interface SearchState {
	q: string;
	page: number;
	lists: Partial< Record< ListFacet, string[] > >;
	date: DateRange | '';
	sort: 'relevance' | 'date';
}

/** Facet => URL variable. */
export const LIST_VARS: Record< ListFacet, string > = {
	category: 'qcategory',
	post_tag: 'qtag',
	author: 'qauthor',
	type: 'qtype',
};

/** Facet => gateway argument. */
const LIST_ARGS: Record< ListFacet, string > = {
	category: 'category',
	post_tag: 'tag',
	author: 'author',
	type: 'type',
};

/** Days back per date range. */
export const DATE_SPANS: Record< DateRange, number > = {
	'past-week': 7,
	'past-month': 30,
	'past-year': 365,
};

/** The gateway's deepest page and longest list. */
const MAX_PAGE = 100;
const MAX_VALUES = 20;

const FACETS = Object.keys( LIST_VARS ) as ListFacet[];

/**
 * Whether a string is a date range.
 *
 * @param value Value.
 */
function isDateRange( value: string | null ): value is DateRange {
	return value !== null && Object.hasOwn( DATE_SPANS, value );
}

/**
 * Reads the state from a query string, validating as the server does: unknown values are dropped,
 * lists are read comma-separated and repeated; without `q`, WordPress's `s` (the search template) is the term.
 *
 * @param search A query string (`?q=…`), e.g. `location.search`.
 */
export function parseState( search: string ): SearchState {
	const params = new URLSearchParams( search );
	const lists: SearchState[ 'lists' ] = {};
	for ( const facet of FACETS ) {
		const valid =
			facet === 'type' ? /^[a-z0-9_-]{1,20}$/ : /^[1-9][0-9]{0,19}$/;
		const values = params
			.getAll( LIST_VARS[ facet ] )
			.flatMap( ( value ) => value.split( ',' ) )
			.map( ( value ) => value.trim() )
			.filter( ( value ) => valid.test( value ) );
		const unique = [ ...new Set( values ) ].slice( 0, MAX_VALUES );
		if ( unique.length ) {
			lists[ facet ] = unique;
		}
	}
	const date = params.get( 'qdate' );
	const page = parseInt( params.get( 'qpage' ) ?? '', 10 );
	return {
		q: normalizeQuery( params.get( 'q' ) ?? params.get( 's' ) ?? '' ),
		page: Math.min( MAX_PAGE, Math.max( 1, page || 1 ) ),
		lists,
		date: isDateRange( date ) ? date : '',
		sort: params.get( 'qsort' ) === 'date' ? 'date' : 'relevance',
	};
}

/**
 * The page URL's query string for a state, after the page variables the block keeps (e.g. `page_id`).
 *
 * @param state State.
 * @param kept  Page variables to carry.
 */
export function stateUrl(
	state: SearchState,
	kept: Record< string, string > = {}
): string {
	const params = new URLSearchParams( kept );
	params.set( 'q', state.q );
	if ( state.page > 1 ) {
		params.set( 'qpage', String( state.page ) );
	}
	for ( const facet of FACETS ) {
		if ( state.lists[ facet ]?.length ) {
			params.set( LIST_VARS[ facet ], state.lists[ facet ]!.join( ',' ) );
		}
	}
	if ( state.date ) {
		params.set( 'qdate', state.date );
	}
	if ( state.sort === 'date' ) {
		params.set( 'qsort', 'date' );
	}
	return '?' + params.toString();
}

/**
 * The start of a date range: now minus its span, down to the hour (as the server computes it, so both
 * ask the gateway the same and share its cache).
 *
 * @param range Range.
 * @param now   Milliseconds since the epoch.
 */
export function rangeStart( range: DateRange, now: number ): string {
	const hour = 36e5;
	const since = now - DATE_SPANS[ range ] * 24 * hour;
	return (
		new Date( Math.floor( since / hour ) * hour )
			.toISOString()
			.slice( 0, 19 ) + 'Z'
	);
}

/**
 * The gateway's query string for a state.
 *
 * @param state   State (with a non-empty term).
 * @param perPage Results per page.
 * @param now     Milliseconds since the epoch.
 */
export function gatewayQuery(
	state: SearchState,
	perPage: number,
	now: number
): string {
	const params = new URLSearchParams( {
		q: state.q,
		page: String( state.page ),
		per_page: String( perPage ),
	} );
	for ( const facet of FACETS ) {
		if ( state.lists[ facet ]?.length ) {
			params.set( LIST_ARGS[ facet ], state.lists[ facet ]!.join( ',' ) );
		}
	}
	if ( state.date ) {
		params.set( 'after', rangeStart( state.date, now ) );
	}
	if ( state.sort === 'date' ) {
		params.set( 'sort', 'date' );
	}
	return params.toString();
}
