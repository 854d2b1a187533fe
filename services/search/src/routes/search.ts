/**
 * `GET /v1/search`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '@switchboard/service-kit';

import type { FacetName, SearchFilters } from '../engine/types';
import { ErrorResponse, SearchQuerystring, SearchResponse } from '../schemas';
import { readyStore, type ServiceState } from '../state';

/** Query parameter of each facet filter. */
const FILTER_PARAMS: Record<
	'category' | 'tag' | 'author' | 'type',
	FacetName
> = {
	category: 'category',
	tag: 'post_tag',
	author: 'author',
	type: 'type',
};

/**
 * A date parameter as a time; a date alone means the start of that day (UTC) for `after` and its end for
 * `before`, and a time without offset is UTC.
 *
 * @param name  Parameter name.
 * @param value Value matching the schema's pattern.
 */
function parseDate( name: 'after' | 'before', value: string ): number {
	let text = value;
	if ( ! text.includes( 'T' ) ) {
		text += name === 'after' ? 'T00:00:00.000Z' : 'T23:59:59.999Z';
	} else if ( ! /(Z|[+-]\d{2}:\d{2})$/.test( text ) ) {
		text += 'Z';
	}
	const time = Date.parse( text );
	// Date.parse rolls 2026-02-31 over to March; a round trip of the date part catches that.
	if ( Number.isNaN( time ) || ! validCalendarDate( value.slice( 0, 10 ) ) ) {
		throw new HttpError(
			400,
			'invalid_request',
			`querystring/${ name } is not a valid date`
		);
	}
	return time;
}

/**
 * @param date `YYYY-MM-DD`.
 */
function validCalendarDate( date: string ): boolean {
	const time = Date.parse( `${ date }T00:00:00Z` );
	return (
		! Number.isNaN( time ) &&
		new Date( time ).toISOString().slice( 0, 10 ) === date
	);
}

export const searchRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.get(
		'/v1/search',
		{
			schema: {
				querystring: SearchQuerystring,
				response: {
					200: SearchResponse,
					'4xx': ErrorResponse,
					'5xx': ErrorResponse,
				},
			},
		},
		async ( request ) => {
			readyStore( state );
			const { q, page, per_page: perPage, sort } = request.query;

			const filters: SearchFilters = { facets: {} };
			for ( const [ param, facet ] of Object.entries( FILTER_PARAMS ) ) {
				const value =
					request.query[ param as keyof typeof FILTER_PARAMS ];
				if ( value !== undefined ) {
					filters.facets[ facet ] = value.split( ',' );
				}
			}
			if ( request.query.after !== undefined ) {
				filters.after = parseDate( 'after', request.query.after );
			}
			if ( request.query.before !== undefined ) {
				filters.before = parseDate( 'before', request.query.before );
			}

			const outcome = state.engine.search( {
				text: q,
				page,
				perPage,
				sort,
				filters,
			} );
			return {
				results: outcome.hits.map( ( hit ) => ( {
					id: hit.document.id,
					title: hit.document.title,
					url: hit.document.url,
					excerpt: hit.excerpt,
					date: hit.document.date,
					type: hit.document.type,
					highlights: hit.highlights,
				} ) ),
				total: outcome.total,
				page,
				pages: Math.ceil( outcome.total / perPage ),
				facets: outcome.facets,
				suggestion: outcome.suggestion,
			};
		}
	);
};
