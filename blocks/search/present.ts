/**
 * Internal dependencies
 */
import type {
	FacetName,
	SearchAnswer,
	SearchHit,
} from '../shared/types/search';
import { segments, type Segment } from './highlight';
import {
	LIST_VARS,
	stateUrl,
	type ListFacet,
	type SearchState,
} from './url-state';

/** Translated texts, seeded by render.php (ViewModel::strings()). */
export interface Strings {
	emptyQueryMessage: string;
	summaryOne: string;
	summaryMany: string;
	summaryNone: string;
	countOne: string;
	countMany: string;
	searching: string;
	failed: string;
	pageLabel: string;
	legends: Record< FacetName, string >;
	anyTime: string;
	types: Record< string, string >;
}

/** The block's display settings, from its attributes. */
export interface Config {
	perPage: number;
	instant: boolean;
	showExcerpt: boolean;
	showDate: boolean;
	showPostType: boolean;
	showImage: boolean;
	facets: FacetName[];
	kept: Record< string, string >;
}

export interface ResultView {
	id: number;
	url: string;
	title: Segment[];
	excerpt: Segment[];
	hasExcerpt: boolean;
	date: string;
	dateText: string;
	type: string;
	noMeta: boolean;
	hasImage: boolean;
	images: unknown[];
}

export interface FacetGroup {
	name: FacetName;
	field: string;
	kind: 'checkbox' | 'radio';
	legend: string;
	options: Array< { value: string; text: string; checked: boolean } >;
	hidden: boolean;
}

export interface PageLink {
	key: string;
	gap: boolean;
	url: string;
	label: string;
	text: string;
	current: 'page' | false;
}

/** What an answer changes in the block's context (the same fields ViewModel::context() fills). */
export interface AnswerView {
	page: number;
	total: number;
	empty: boolean;
	start: number;
	summary: string;
	results: ResultView[];
	facets: FacetGroup[];
	suggestion: string;
	suggestionUrl: string;
	paged: boolean;
	pageLinks: PageLink[];
	prevUrl: string;
	nextUrl: string;
}

/** A suggestion is offered below this many results (ViewModel::SUGGEST_BELOW). */
const SUGGEST_BELOW = 5;

/**
 * Fills `%s` and `%1$s`-style placeholders, as PHP's sprintf does for strings.
 *
 * @param template Translated template.
 * @param args     Values.
 */
export function format( template: string, ...args: string[] ): string {
	let next = 0;
	return template.replace( /%(?:(\d)\$)?s/g, ( _match, position ) =>
		String( args[ position ? Number( position ) - 1 : next++ ] ?? '' )
	);
}

/**
 * Page numbers to link, with null for a gap: the first and last, the current one and its neighbours
 * (as the server's Pagination class).
 *
 * @param current Current page.
 * @param total   Pages.
 */
export function pageNumbers(
	current: number,
	total: number
): Array< number | null > {
	const wanted = [
		...new Set( [ 1, current - 1, current, current + 1, total ] ),
	]
		.filter( ( page ) => page >= 1 && page <= total )
		.sort( ( a, b ) => a - b );
	const out: Array< number | null > = [];
	let previous = 0;
	for ( const page of wanted ) {
		if ( page - previous === 2 ) {
			out.push( previous + 1 );
		} else if ( page - previous > 2 ) {
			out.push( null );
		}
		out.push( page );
		previous = page;
	}
	return out;
}

/**
 * The summary heading.
 *
 * @param total   Results.
 * @param q       Term.
 * @param strings Texts.
 * @param number  Formats a number.
 */
function summary(
	total: number,
	q: string,
	strings: Strings,
	number: ( n: number ) => string
): string {
	if ( ! total ) {
		return format( strings.summaryNone, q );
	}
	return format(
		total === 1 ? strings.summaryOne : strings.summaryMany,
		number( total ),
		q
	);
}

/**
 * One result.
 *
 * @param hit     Result from the gateway.
 * @param config  Settings.
 * @param strings Texts.
 * @param locale  Language for dates.
 */
function result(
	hit: SearchHit,
	config: Config,
	strings: Strings,
	locale: string
): ResultView {
	const excerpt =
		config.showExcerpt && hit.excerpt
			? segments( hit.excerpt, hit.highlights?.excerpt )
			: [];
	const time = hit.date ? new Date( hit.date ) : null;
	const dateText =
		config.showDate && time && ! isNaN( time.getTime() )
			? new Intl.DateTimeFormat( locale, { dateStyle: 'long' } ).format(
					time
				)
			: '';
	const type = config.showPostType
		? ( strings.types[ hit.type ?? '' ] ?? hit.type ?? '' )
		: '';
	return {
		id: hit.id,
		url: hit.url,
		title: segments( hit.title, hit.highlights?.title ),
		excerpt,
		hasExcerpt: excerpt.length > 0,
		date: config.showDate ? ( hit.date ?? '' ) : '',
		dateText,
		type,
		noMeta: ! dateText && ! type,
		// The service does not send images; only the server's first paint shows them.
		hasImage: false,
		images: [],
	};
}

/**
 * Turns an answer into the context fields the markup reads.
 *
 * @param answer  The gateway's answer.
 * @param state   What was searched.
 * @param config  Settings.
 * @param strings Texts.
 * @param locale  Language for numbers and dates.
 */
export function present(
	answer: SearchAnswer,
	state: SearchState,
	config: Config,
	strings: Strings,
	locale: string
): AnswerView {
	const number = ( n: number ) => new Intl.NumberFormat( locale ).format( n );
	const page = answer.page || state.page;
	const at = ( n: number ) => stateUrl( { ...state, page: n }, config.kept );
	const facets = config.facets.map( ( name ): FacetGroup => {
		const isDate = name === 'date';
		const options = ( answer.facets?.[ name ] ?? [] ).map( ( bucket ) => ( {
			value: bucket.value,
			text: `${
				name === 'type'
					? ( strings.types[ bucket.value ] ?? bucket.label )
					: bucket.label
			} (${ number( bucket.count ) })`,
			checked: isDate
				? state.date === bucket.value
				: !! state.lists[ name as ListFacet ]?.includes( bucket.value ),
		} ) );
		if ( isDate ) {
			options.unshift( {
				value: '',
				text: strings.anyTime,
				checked: ! state.date,
			} );
		}
		return {
			name,
			field: isDate ? 'qdate' : LIST_VARS[ name as ListFacet ],
			kind: isDate ? 'radio' : 'checkbox',
			legend: strings.legends[ name ],
			options,
			hidden: options.length < ( isDate ? 2 : 1 ),
		};
	} );
	const suggestion =
		answer.suggestion &&
		answer.total < SUGGEST_BELOW &&
		answer.suggestion !== state.q
			? answer.suggestion
			: '';
	return {
		page,
		total: answer.total,
		empty: ! answer.total,
		start: ( page - 1 ) * config.perPage + 1,
		summary: summary( answer.total, state.q, strings, number ),
		results: answer.results.map( ( hit ) =>
			result( hit, config, strings, locale )
		),
		facets,
		suggestion,
		suggestionUrl: suggestion
			? stateUrl(
					{
						q: suggestion,
						page: 1,
						lists: {},
						date: '',
						sort: 'relevance',
					},
					config.kept
				)
			: '',
		paged: answer.pages > 1,
		pageLinks:
			answer.pages > 1
				? pageNumbers( page, answer.pages ).map( ( n, index ) =>
						n === null
							? {
									key: `gap-${ index }`,
									gap: true,
									url: '',
									label: '',
									text: '…',
									current: false,
								}
							: {
									key: String( n ),
									gap: false,
									url: at( n ),
									label: format(
										strings.pageLabel,
										number( n )
									),
									text: number( n ),
									current: n === page ? 'page' : false,
								}
					)
				: [],
		prevUrl: answer.pages > 1 && page > 1 ? at( page - 1 ) : '',
		nextUrl: page < answer.pages ? at( page + 1 ) : '',
	};
}
