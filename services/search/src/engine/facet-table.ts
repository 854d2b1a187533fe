/**
 * Facet values of every document as small integers, so filtering and counting tens of thousands of hits is
 * a few typed-array reads per hit. Values within one facet are alternatives (OR); facets combine with AND;
 * each facet is counted with every filter but its own applied (the date facet: all but after/before).
 */
import type { SearchDocument } from '../documents';
import { slugify } from '../text';
import {
	DATE_BUCKETS,
	FACET_NAMES,
	type FacetBucket,
	type FacetName,
	type SearchFilters,
} from './types';

/** Most values returned per facet. */
const MAX_BUCKETS = 20;

const DAY_MS = 86_400_000;

/** Read once: in a CommonJS build every use of an imported binding is a getter call. */
const FACET_COUNT = FACET_NAMES.length;

/** One facet's values: `value` (id or slug) and the latest label seen, by value number. */
class FacetValues {
	private readonly numbers = new Map< string, number >();

	readonly values: string[] = [];

	readonly labels: string[] = [];

	/**
	 * @param value Value (term or author id, or post type).
	 * @param label Its name.
	 */
	intern( value: string, label: string ): number {
		let number = this.numbers.get( value );
		if ( number === undefined ) {
			number = this.values.length;
			this.numbers.set( value, number );
			this.values.push( value );
			this.labels.push( label );
		} else {
			this.labels[ number ] = label;
		}
		return number;
	}
}

interface Layout {
	pool: Int32Array;
	starts: Int32Array;
	counts: Uint16Array;
}

/** A prepared query over the table: filter masks, counters. */
export class FacetCounter {
	readonly counts: Int32Array[];

	readonly dateCounts = new Int32Array( DATE_BUCKETS.length );

	private readonly since: Float64Array;

	private readonly layouts: Layout[];

	private readonly times: Float64Array;

	constructor(
		private readonly table: FacetTable,
		/** Per facet, a mask of accepted value numbers; null when not filtered. */
		private readonly masks: ( Uint8Array | null )[],
		private readonly after: number,
		private readonly before: number,
		now: number
	) {
		this.counts = FACET_NAMES.map(
			( _, facet ) =>
				new Int32Array( table.facets[ facet ]?.values.length ?? 0 )
		);
		this.since = Float64Array.from(
			DATE_BUCKETS.map( ( bucket ) => now - bucket.days * DAY_MS )
		);
		this.layouts = FACET_NAMES.map( ( _, facet ) => table.layout( facet ) );
		this.times = table.times;
	}

	/**
	 * Counts a document that matches the query and says whether it passes every filter.
	 *
	 * @param slot Document slot.
	 */
	add( slot: number ): boolean {
		const layouts = this.layouts;
		let failed = -1;
		for ( let facet = 0; facet < FACET_COUNT; facet++ ) {
			const mask = this.masks[ facet ];
			if ( mask === null || mask === undefined ) {
				continue;
			}
			const { pool, starts, counts } = layouts[ facet ] as Layout;
			const start = starts[ slot ] as number;
			const end = start + ( counts[ slot ] as number );
			let ok = false;
			for ( let i = start; i < end; i++ ) {
				if ( mask[ pool[ i ] as number ] === 1 ) {
					ok = true;
					break;
				}
			}
			if ( ! ok ) {
				if ( failed !== -1 ) {
					return false;
				}
				failed = facet;
			}
		}
		const time = this.times[ slot ] as number;
		if ( failed === -1 ) {
			this.countDate( time );
		}
		if ( time < this.after || time > this.before ) {
			return false;
		}
		for ( let facet = 0; facet < FACET_COUNT; facet++ ) {
			if ( failed !== -1 && facet !== failed ) {
				continue;
			}
			this.countValues( slot, facet );
		}
		return failed === -1;
	}

	/**
	 * Counts a document's date in every date bucket it falls in.
	 *
	 * @param time The document's publication time.
	 */
	private countDate( time: number ): void {
		for ( let i = 0; i < this.since.length; i++ ) {
			if ( time >= ( this.since[ i ] as number ) ) {
				this.dateCounts[ i ] = ( this.dateCounts[ i ] as number ) + 1;
			}
		}
	}

	/**
	 * Counts a document's values of one facet.
	 *
	 * @param slot  Document slot.
	 * @param facet Facet number.
	 */
	private countValues( slot: number, facet: number ): void {
		const { pool, starts, counts } = this.layouts[ facet ] as Layout;
		const totals = this.counts[ facet ] as Int32Array;
		const start = starts[ slot ] as number;
		const end = start + ( counts[ slot ] as number );
		for ( let i = start; i < end; i++ ) {
			const value = pool[ i ] as number;
			totals[ value ] = ( totals[ value ] as number ) + 1;
		}
	}

	/** Buckets per facet, most documents first (then by label); date buckets in their fixed order. */
	result(): Record< FacetName | 'date', FacetBucket[] > {
		const result = {
			date: DATE_BUCKETS.map( ( bucket, i ) => ( {
				value: bucket.value,
				label: bucket.label,
				count: this.dateCounts[ i ] as number,
			} ) ),
		} as Record< FacetName | 'date', FacetBucket[] >;
		FACET_NAMES.forEach( ( name, facet ) => {
			const values = this.table.facets[ facet ] as FacetValues;
			const counts = this.counts[ facet ] as Int32Array;
			const buckets: FacetBucket[] = [];
			counts.forEach( ( count, number ) => {
				if ( count > 0 ) {
					buckets.push( {
						value: values.values[ number ] as string,
						label: values.labels[ number ] as string,
						count,
					} );
				}
			} );
			result[ name ] = buckets
				.sort(
					( a, b ) =>
						b.count - a.count || a.label.localeCompare( b.label )
				)
				.slice( 0, MAX_BUCKETS );
		} );
		return result;
	}
}

export class FacetTable {
	readonly facets = FACET_NAMES.map( () => new FacetValues() );

	/**
	 * Per facet: where each slot's value numbers start in `pool`, and how many there are. Flat arrays, not an
	 * array per document: counting reads them for every hit, and scattered small objects cost cache misses.
	 */
	private starts = FACET_NAMES.map( () => new Int32Array( 1024 ) );

	private counts = FACET_NAMES.map( () => new Uint16Array( 1024 ) );

	private pools = FACET_NAMES.map( () => new Int32Array( 4096 ) );

	private poolLengths = FACET_NAMES.map( () => 0 );

	/** Publication time per slot (ms since the epoch). */
	times = new Float64Array( 1024 );

	/**
	 * Records a document's values in a slot (slots only grow).
	 *
	 * @param slot     Slot.
	 * @param document The document.
	 */
	set( slot: number, document: SearchDocument ): void {
		if ( slot >= this.times.length ) {
			const length = Math.max( slot + 1, this.times.length * 2 );
			const times = new Float64Array( length );
			times.set( this.times );
			this.times = times;
			this.starts = this.starts.map( ( old ) => {
				const grown = new Int32Array( length );
				grown.set( old );
				return grown;
			} );
			this.counts = this.counts.map( ( old ) => {
				const grown = new Uint16Array( length );
				grown.set( old );
				return grown;
			} );
		}
		this.times[ slot ] = Date.parse( document.date );
		const values: Record< FacetName, [ string, string ][] > = {
			category: ( document.terms.category ?? [] ).map( ( term ) => [
				String( term.id ),
				term.name,
			] ),
			post_tag: ( document.terms.post_tag ?? [] ).map( ( term ) => [
				String( term.id ),
				term.name,
			] ),
			type: [ [ document.type, document.type ] ],
			author: [ [ String( document.author.id ), document.author.name ] ],
		};
		FACET_NAMES.forEach( ( name, facet ) => {
			const numbers = [
				...new Set(
					values[ name ].map( ( [ value, label ] ) =>
						( this.facets[ facet ] as FacetValues ).intern(
							value,
							label
						)
					)
				),
			].slice( 0, 65535 );
			let pool = this.pools[ facet ] as Int32Array;
			const start = this.poolLengths[ facet ] as number;
			if ( start + numbers.length > pool.length ) {
				const grown = new Int32Array(
					Math.max( start + numbers.length, pool.length * 2 )
				);
				grown.set( pool );
				pool = this.pools[ facet ] = grown;
			}
			pool.set( numbers, start );
			this.poolLengths[ facet ] = start + numbers.length;
			( this.starts[ facet ] as Int32Array )[ slot ] = start;
			( this.counts[ facet ] as Uint16Array )[ slot ] = numbers.length;
		} );
	}

	/**
	 * Forgets a slot's values (their room in the pool is not reused).
	 *
	 * @param slot Slot.
	 */
	clear( slot: number ): void {
		for ( const counts of this.counts ) {
			counts[ slot ] = 0;
		}
	}

	/**
	 * Where a slot's value numbers are: `pool[start .. start + count)`.
	 *
	 * @param facet Facet number (index in FACET_NAMES).
	 */
	layout( facet: number ): {
		pool: Int32Array;
		starts: Int32Array;
		counts: Uint16Array;
	} {
		return {
			pool: this.pools[ facet ] as Int32Array,
			starts: this.starts[ facet ] as Int32Array,
			counts: this.counts[ facet ] as Uint16Array,
		};
	}

	/**
	 * A counter for one query: filters resolved to value masks (a wanted value is an id, a type, or the slug
	 * of a name).
	 *
	 * @param filters The query's filters.
	 * @param now     The time the date buckets count back from.
	 */
	counter( filters: SearchFilters, now = Date.now() ): FacetCounter {
		const masks = FACET_NAMES.map( ( name, facet ) => {
			const wanted = filters.facets[ name ];
			if ( wanted === undefined ) {
				return null;
			}
			const values = this.facets[ facet ] as FacetValues;
			const mask = new Uint8Array( values.values.length );
			values.values.forEach( ( value, number ) => {
				if (
					wanted.includes( value ) ||
					wanted.includes(
						slugify( values.labels[ number ] as string )
					)
				) {
					mask[ number ] = 1;
				}
			} );
			return mask;
		} );
		return new FacetCounter(
			this,
			masks,
			filters.after ?? -Infinity,
			filters.before ?? Infinity,
			now
		);
	}
}
