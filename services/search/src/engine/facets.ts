/**
 * Filters and facet counts. Values within one facet are alternatives (OR); facets combine with AND; each
 * facet is counted with every filter but its own applied, so a visitor sees what choosing another value gives.
 */
import type { SearchDocument } from '../documents';
import { slugify } from '../text';
import {
	FACET_NAMES,
	type FacetBucket,
	type FacetName,
	type SearchFilters,
} from './types';

/** Most values returned per facet. */
const MAX_BUCKETS = 50;

interface FacetValue {
	value: string;
	label: string;
}

/** What filtering, counting and sorting need of a document, computed once when it is indexed. */
export interface IndexedDocument {
	document: SearchDocument;
	/** Publication time, ms since the epoch. */
	time: number;
	facets: Record< FacetName, FacetValue[] >;
}

/**
 * @param document A document being indexed.
 */
export function indexedDocument( document: SearchDocument ): IndexedDocument {
	const terms = ( taxonomy: string ) =>
		( document.terms[ taxonomy ] ?? [] ).map( ( term ) => ( {
			value: String( term.id ),
			label: term.name,
		} ) );
	return {
		document,
		time: Date.parse( document.date ),
		facets: {
			type: [ { value: document.type, label: document.type } ],
			author: [
				{
					value: String( document.author.id ),
					label: document.author.name,
				},
			],
			category: terms( 'category' ),
			post_tag: terms( 'post_tag' ),
		},
	};
}

/**
 * Whether one of a document's values for a facet is wanted, by id (or type) or by the slug of its name.
 *
 * @param values Document's values.
 * @param wanted Accepted ids and slugs.
 */
function matches( values: FacetValue[], wanted: string[] ): boolean {
	return values.some(
		( value ) =>
			wanted.includes( value.value ) ||
			wanted.includes( slugify( value.label ) )
	);
}

/** Counts facet values over the documents that pass the filters (see the file comment). */
export class FacetCounter {
	private readonly counts = new Map< FacetName, Map< string, FacetBucket > >(
		FACET_NAMES.map( ( name ) => [ name, new Map() ] )
	);

	constructor( private readonly filters: SearchFilters ) {}

	/**
	 * Counts a document and says whether it passes every filter.
	 *
	 * @param entry A document that matches the query.
	 */
	add( entry: IndexedDocument ): boolean {
		const published = entry.time;
		if (
			( this.filters.after !== undefined &&
				published < this.filters.after ) ||
			( this.filters.before !== undefined &&
				published > this.filters.before )
		) {
			return false;
		}
		const failed: FacetName[] = [];
		for ( const facet of FACET_NAMES ) {
			const wanted = this.filters.facets[ facet ];
			if (
				wanted !== undefined &&
				! matches( entry.facets[ facet ], wanted )
			) {
				failed.push( facet );
				if ( failed.length > 1 ) {
					return false;
				}
			}
		}
		for ( const facet of failed.length === 1 ? failed : FACET_NAMES ) {
			const buckets = this.counts.get( facet ) as Map<
				string,
				FacetBucket
			>;
			for ( const { value, label } of entry.facets[ facet ] ) {
				const bucket = buckets.get( value );
				if ( bucket === undefined ) {
					buckets.set( value, { value, label, count: 1 } );
				} else {
					bucket.count++;
				}
			}
		}
		return failed.length === 0;
	}

	/** Buckets per facet, most documents first. */
	result(): Record< FacetName, FacetBucket[] > {
		const result = {} as Record< FacetName, FacetBucket[] >;
		for ( const facet of FACET_NAMES ) {
			result[ facet ] = [
				...(
					this.counts.get( facet ) as Map< string, FacetBucket >
				 ).values(),
			]
				.sort(
					( a, b ) =>
						b.count - a.count || a.label.localeCompare( b.label )
				)
				.slice( 0, MAX_BUCKETS );
		}
		return result;
	}
}
