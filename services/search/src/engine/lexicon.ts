/**
 * The index's terms: ids, document frequencies, prefix lookup (binary search over the sorted terms, rebuilt
 * lazily after new terms arrive) and typo candidates (bounded edit distance over the terms of similar length).
 */
export interface Expansion {
	term: number;
	/** Edits from the query word (0 for an exact or a prefix match). */
	distance: number;
}

/** Most terms a prefix expands to (the most frequent ones): more adds time, not better results. */
const MAX_PREFIX_EXPANSIONS = 64;

/** Most terms a misspelled word expands to. */
const MAX_FUZZY_EXPANSIONS = 16;

/**
 * Levenshtein distance, or max + 1 as soon as it must exceed max.
 *
 * @param a   One word.
 * @param b   Another.
 * @param max Largest distance of interest.
 */
export function boundedDistance( a: string, b: string, max: number ): number {
	if ( Math.abs( a.length - b.length ) > max ) {
		return max + 1;
	}
	let previous = new Array< number >( b.length + 1 );
	let current = new Array< number >( b.length + 1 );
	for ( let j = 0; j <= b.length; j++ ) {
		previous[ j ] = j;
	}
	for ( let i = 1; i <= a.length; i++ ) {
		current[ 0 ] = i;
		let best = i;
		const code = a.charCodeAt( i - 1 );
		for ( let j = 1; j <= b.length; j++ ) {
			const value = Math.min(
				( previous[ j ] as number ) + 1,
				( current[ j - 1 ] as number ) + 1,
				( previous[ j - 1 ] as number ) +
					( code === b.charCodeAt( j - 1 ) ? 0 : 1 )
			);
			current[ j ] = value;
			if ( value < best ) {
				best = value;
			}
		}
		if ( best > max ) {
			return max + 1;
		}
		[ previous, current ] = [ current, previous ];
	}
	return previous[ b.length ] as number;
}

export class Lexicon {
	private readonly ids = new Map< string, number >();

	readonly terms: string[] = [];

	/** Live documents per term id. */
	frequencies = new Int32Array( 1024 );

	/** Term ids sorted by their text; null when new terms arrived since. */
	private sorted: Int32Array | null = null;

	/** Term ids by length, for typo candidates; null when new terms arrived since. */
	private byLength: number[][] | null = null;

	get size(): number {
		return this.terms.length;
	}

	/**
	 * A term's id, made when it is new.
	 *
	 * @param term Normalized term.
	 */
	intern( term: string ): number {
		let id = this.ids.get( term );
		if ( id === undefined ) {
			id = this.terms.length;
			this.ids.set( term, id );
			this.terms.push( term );
			if ( id >= this.frequencies.length ) {
				const grown = new Int32Array( this.frequencies.length * 2 );
				grown.set( this.frequencies );
				this.frequencies = grown;
			}
			this.sorted = null;
			this.byLength = null;
		}
		return id;
	}

	/**
	 * A term's id when the index has (or had) it.
	 *
	 * @param term Normalized term.
	 */
	id( term: string ): number | undefined {
		return this.ids.get( term );
	}

	/**
	 * Whether a live document holds the term.
	 *
	 * @param term Normalized term.
	 */
	has( term: string ): boolean {
		const id = this.ids.get( term );
		return id !== undefined && ( this.frequencies[ id ] as number ) > 0;
	}

	/**
	 * Live terms that start with `prefix` (itself included), the most frequent first, at most a cap.
	 *
	 * @param prefix Normalized prefix.
	 */
	withPrefix( prefix: string ): number[] {
		const sorted = this.sortedIds();
		let low = 0;
		let high = sorted.length;
		while ( low < high ) {
			const middle = Math.floor( ( low + high ) / 2 );
			if (
				( this.terms[ sorted[ middle ] as number ] as string ) < prefix
			) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		const found: number[] = [];
		for ( let i = low; i < sorted.length; i++ ) {
			const id = sorted[ i ] as number;
			if ( ! ( this.terms[ id ] as string ).startsWith( prefix ) ) {
				break;
			}
			if ( ( this.frequencies[ id ] as number ) > 0 ) {
				found.push( id );
			}
		}
		if ( found.length <= MAX_PREFIX_EXPANSIONS ) {
			return found;
		}
		return found
			.sort(
				( a, b ) =>
					( this.frequencies[ b ] as number ) -
					( this.frequencies[ a ] as number )
			)
			.slice( 0, MAX_PREFIX_EXPANSIONS );
	}

	/**
	 * Whether some live term starts with `prefix`.
	 *
	 * @param prefix Normalized prefix.
	 */
	hasPrefix( prefix: string ): boolean {
		return this.withPrefix( prefix ).length > 0;
	}

	/**
	 * Live terms within `max` edits of `word` (or, for a word being typed, whose start is), closest and most
	 * frequent first, at most a cap.
	 *
	 * @param word   Normalized word.
	 * @param max    Largest edit distance.
	 * @param prefix Whether the word is still being typed.
	 */
	near( word: string, max: number, prefix = false ): Expansion[] {
		if ( max < 1 ) {
			return [];
		}
		const byLength = this.lengthIndex();
		const found: Expansion[] = [];
		const longest = prefix ? byLength.length - 1 : word.length + max;
		for (
			let length = Math.max( 1, word.length - max );
			length <= Math.min( longest, byLength.length - 1 );
			length++
		) {
			for ( const id of byLength[ length ] ?? [] ) {
				if ( ( this.frequencies[ id ] as number ) === 0 ) {
					continue;
				}
				const term = this.terms[ id ] as string;
				let distance = boundedDistance( word, term, max );
				if ( prefix && distance > max && term.length > word.length ) {
					distance = boundedDistance(
						word,
						term.slice( 0, word.length ),
						max
					);
				}
				if ( distance <= max ) {
					found.push( { term: id, distance } );
				}
			}
		}
		return found
			.sort(
				( a, b ) =>
					a.distance - b.distance ||
					( this.frequencies[ b.term ] as number ) -
						( this.frequencies[ a.term ] as number ) ||
					( ( this.terms[ a.term ] as string ) <
					( this.terms[ b.term ] as string )
						? -1
						: 1 )
			)
			.slice( 0, MAX_FUZZY_EXPANSIONS );
	}

	/**
	 * The closest live term (fewest edits, then most documents), or null.
	 *
	 * @param word Normalized word that is not in the index.
	 * @param max  Largest edit distance.
	 */
	correct( word: string, max: number ): string | null {
		const [ best ] = this.near( word, max );
		return best === undefined
			? null
			: ( this.terms[ best.term ] as string );
	}

	private sortedIds(): Int32Array {
		if ( this.sorted === null ) {
			const ids = Array.from( this.terms.keys() ).sort( ( a, b ) =>
				( this.terms[ a ] as string ) < ( this.terms[ b ] as string )
					? -1
					: 1
			);
			this.sorted = Int32Array.from( ids );
		}
		return this.sorted;
	}

	private lengthIndex(): number[][] {
		if ( this.byLength === null ) {
			const byLength: number[][] = [];
			this.terms.forEach( ( term, id ) => {
				( byLength[ term.length ] ??= [] ).push( id );
			} );
			this.byLength = byLength;
		}
		return this.byLength;
	}
}
