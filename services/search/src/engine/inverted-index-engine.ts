/**
 * The embedded engine: an in-memory inverted index in typed arrays. Postings hold each term's frequency per
 * field; scoring is BM25+ per field with field weights (title over excerpt over body; terms and author too);
 * the last word also matches as a prefix (binary search over the sorted terms), unknown words within their
 * typo budget; "phrases" are checked on a per-document sequence of term ids; filters and facet counts read
 * per-document value numbers; only the requested page is ranked in full (a bounded heap).
 * Documents, bodies included, stay in memory; the store keeps them on disk.
 */
import type { SearchDocument } from '../documents';
import { parseQuery, type ParsedQuery, type QueryWord } from '../query';
import { FacetTable } from './facet-table';
import { hitOf } from './hit';
import { Lexicon } from './lexicon';
import { PostingList } from './postings';
import { indexTerms } from './terms';
import { TopK } from './top-k';
import type {
	SearchEngine,
	SearchHit,
	SearchOutcome,
	SearchQuery,
} from './types';

/** Field order in postings: title, excerpt, body, terms (taxonomies), author. */
const WEIGHTS = [ 4, 2, 1, 1, 1 ];

/** Fields per posting (a local constant: an imported binding costs a getter call per use in some builds). */
const FIELD_COUNT = 5;

/** BM25+ parameters (as MiniSearch's defaults). */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** A prefix match counts this much of an exact one (less the longer the completion), a typo match this much. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** A brand-new post scores up to this much more than an old one, and half of that after this many days. */
const RECENCY_WEIGHT = 0.2;
const RECENCY_HALF_LIFE_DAYS = 90;
const DAY_MS = 86_400_000;

/** Field separator in the per-document term sequence, so a phrase never spans two fields. */
const SEPARATOR = -1;

/**
 * Typos tolerated in a word: none up to 3 letters, one up to 7, two beyond.
 *
 * @param term Normalized term.
 */
export function typoBudget( term: string ): number {
	if ( term.length <= 3 ) {
		return 0;
	}
	return term.length <= 7 ? 1 : 2;
}

/** One term a query word matches, with how much a match counts. */
interface Expansion {
	term: number;
	weight: number;
}

/**
 * The texts of a document's fields, in posting order.
 *
 * @param document The document.
 */
function fieldTexts( document: SearchDocument ): string[] {
	return [
		document.title,
		document.excerpt,
		document.body,
		Object.values( document.terms )
			.flat()
			.map( ( term ) => term.name )
			.join( '\n' ),
		document.author.name,
	];
}

export class InvertedIndexEngine implements SearchEngine {
	private readonly lexicon = new Lexicon();

	/** Postings by term id. */
	private readonly postings: PostingList[] = [];

	private readonly facets = new FacetTable();

	/** Documents by slot; a slot is never reused (an update takes a new one). */
	private readonly documentsBySlot: ( SearchDocument | undefined )[] = [];

	/** Term ids of each document's fields, in order, fields separated by SEPARATOR. */
	private readonly sequences: ( Int32Array | undefined )[] = [];

	private readonly slotsById = new Map< number, number >();

	private capacity = 1024;

	private alive = new Uint8Array( this.capacity );

	/** Field lengths (terms) per slot, FIELD_COUNT per slot. */
	private lengths = new Float32Array( this.capacity * FIELD_COUNT );

	/** Total field lengths over live documents. */
	private readonly totalLengths = new Float64Array( FIELD_COUNT );

	/** Per-query scratch, by slot: generation stamp, clauses matched, score. */
	private stamps = new Int32Array( this.capacity );

	private matched = new Uint8Array( this.capacity );

	private scores = new Float64Array( this.capacity );

	private generation = 0;

	/** Per-document scratch: frequency per field by term id, and the last slot (plus one) that used each term. */
	private frequencyScratch = new Int32Array( 1024 * FIELD_COUNT );

	private termStamps = new Int32Array( 1024 );

	private sequenceScratch = new Int32Array( 4096 );

	private deadSlots = 0;

	/** Bumped by every change; the length norms are valid for `normsVersion`. */
	private version = 0;

	private normsVersion = -1;

	private norms = new Float64Array( 0 );

	get size(): number {
		return this.slotsById.size;
	}

	upsert( document: SearchDocument ): void {
		const previous = this.slotsById.get( document.id );
		if ( previous !== undefined ) {
			this.release( previous );
		}
		const slot = this.documentsBySlot.length;
		this.ensureCapacity( slot + 1 );
		this.documentsBySlot.push( document );
		this.slotsById.set( document.id, slot );

		// One reusable buffer, copied out once: building a JS array and converting it cost more than the index.
		let sequence = this.sequenceScratch;
		let length = 0;
		const touched: number[] = [];
		const texts = fieldTexts( document );
		for ( let field = 0; field < FIELD_COUNT; field++ ) {
			const terms = indexTerms( texts[ field ] as string );
			if ( length + terms.length + 1 > sequence.length ) {
				const grown = new Int32Array(
					Math.max( length + terms.length + 1, sequence.length * 2 )
				);
				grown.set( sequence.subarray( 0, length ) );
				sequence = this.sequenceScratch = grown;
			}
			if ( field > 0 ) {
				sequence[ length++ ] = SEPARATOR;
			}
			this.lengths[ slot * FIELD_COUNT + field ] = terms.length;
			this.totalLengths[ field ] =
				( this.totalLengths[ field ] as number ) + terms.length;
			for ( const term of terms ) {
				const id = this.lexicon.intern( term );
				sequence[ length++ ] = id;
				if ( id >= this.termStamps.length ) {
					this.growTermScratch( id + 1 );
				}
				if ( this.termStamps[ id ] !== slot + 1 ) {
					this.termStamps[ id ] = slot + 1;
					touched.push( id );
				}
				const at = id * FIELD_COUNT + field;
				this.frequencyScratch[ at ] =
					( this.frequencyScratch[ at ] as number ) + 1;
			}
		}
		for ( const id of touched ) {
			const base = id * FIELD_COUNT;
			( this.postings[ id ] ??= new PostingList() ).add(
				slot,
				this.frequencyScratch,
				base
			);
			for ( let f = 0; f < FIELD_COUNT; f++ ) {
				this.frequencyScratch[ base + f ] = 0;
			}
			this.lexicon.frequencies[ id ] =
				( this.lexicon.frequencies[ id ] as number ) + 1;
		}
		this.sequences[ slot ] = sequence.slice( 0, length );
		this.facets.set( slot, document );
		this.alive[ slot ] = 1;
		this.version++;
	}

	remove( id: number ): boolean {
		const slot = this.slotsById.get( id );
		if ( slot === undefined ) {
			return false;
		}
		this.release( slot );
		this.slotsById.delete( id );
		return true;
	}

	get( id: number ): SearchDocument | undefined {
		const slot = this.slotsById.get( id );
		return slot === undefined ? undefined : this.documentsBySlot[ slot ];
	}

	*documents(): IterableIterator< SearchDocument > {
		for ( const document of this.documentsBySlot ) {
			if ( document !== undefined ) {
				yield document;
			}
		}
	}

	search( query: SearchQuery ): SearchOutcome {
		const parsed = parseQuery( query.text );
		const phrases = parsed.phrases.map( ( phrase ) =>
			phrase.map( ( token ) => token.term )
		);
		const counter = this.facets.counter( query.filters );
		const suggestion = this.suggest( query.text, parsed );
		const wordClauses = parsed.words.map( ( word ) => this.expand( word ) );
		// Phrase words must be there as they are; unknown ones mean no document can match.
		const phraseClauses: Expansion[][] = [];
		for ( const term of phrases.flat() ) {
			const id = this.lexicon.id( term );
			phraseClauses.push(
				id === undefined || ! this.lexicon.has( term )
					? []
					: [ { term: id, weight: 1 } ]
			);
		}

		let candidates = this.match( [ ...wordClauses, ...phraseClauses ] );
		if ( candidates.length === 0 && wordClauses.length > 1 ) {
			// Not every word matches anywhere: any of them may (phrases are still required).
			candidates = this.match( [ wordClauses.flat(), ...phraseClauses ] );
		}

		const phraseIds = phrases.map( ( phrase ) =>
			phrase.map( ( term ) => this.lexicon.id( term ) ?? -2 )
		);
		// Each phrase is looked for from its rarest word (fewest documents hold it, so it occurs least).
		const frequencies = this.lexicon.frequencies;
		const anchors = phraseIds.map( ( phrase ) => {
			let best = 0;
			phrase.forEach( ( id, at ) => {
				const rarer =
					id < 0 ||
					( ( phrase[ best ] as number ) >= 0 &&
						( frequencies[ id ] as number ) <
							( frequencies[
								phrase[ best ] as number
							] as number ) );
				if ( rarer ) {
					best = at;
				}
			} );
			return best;
		} );
		const now = Date.now();
		const times = this.facets.times;
		const scores = this.scores;
		const byRelevance = ( a: number, b: number ) =>
			( scores[ a ] as number ) > ( scores[ b ] as number ) ||
			( scores[ a ] === scores[ b ] &&
				( ( times[ a ] as number ) > ( times[ b ] as number ) ||
					( times[ a ] === times[ b ] &&
						this.idOf( a ) > this.idOf( b ) ) ) );
		const byDate = ( a: number, b: number ) =>
			( times[ a ] as number ) > ( times[ b ] as number ) ||
			( times[ a ] === times[ b ] &&
				( this.idOf( a ) > this.idOf( b ) ||
					( this.idOf( a ) === this.idOf( b ) &&
						( scores[ a ] as number ) >
							( scores[ b ] as number ) ) ) );
		const top = new TopK(
			query.page * query.perPage,
			query.sort === 'date' ? byDate : byRelevance
		);
		let total = 0;
		for ( const slot of candidates ) {
			if (
				phraseIds.length > 0 &&
				! this.hasPhrases( slot, phraseIds, anchors )
			) {
				continue;
			}
			if ( ! counter.add( slot ) ) {
				continue;
			}
			total++;
			const ageDays =
				Math.max( 0, now - ( times[ slot ] as number ) ) / DAY_MS;
			scores[ slot ] =
				( scores[ slot ] as number ) *
				( 1 +
					RECENCY_WEIGHT *
						0.5 ** ( ageDays / RECENCY_HALF_LIFE_DAYS ) );
			top.offer( slot );
		}

		const expanded = new Set(
			[ ...wordClauses, ...phraseClauses ].flat().map( ( e ) => e.term )
		);
		const hits: SearchHit[] = top
			.sorted()
			.slice( ( query.page - 1 ) * query.perPage )
			.map( ( slot ) =>
				hitOf(
					this.documentsBySlot[ slot ] as SearchDocument,
					scores[ slot ] as number,
					this.matchedTerms( slot, expanded ),
					phrases
				)
			);
		return { hits, total, facets: counter.result(), suggestion };
	}

	/**
	 * The slots that match every clause (a clause matches when one of its expansions does), their scores in
	 * `this.scores`.
	 *
	 * @param clauses One list of expansions per required clause.
	 */
	private match( clauses: Expansion[][] ): number[] {
		if ( clauses.length === 0 || clauses.some( ( c ) => c.length === 0 ) ) {
			return [];
		}
		const generation = ++this.generation;
		const { stamps, matched, scores, alive } = this;
		const frequencies = this.lexicon.frequencies;
		const live = this.size;
		const norms = this.lengthNorms();
		// The rarest clause first: later clauses then only touch documents that are still in.
		const ordered = clauses
			.map( ( clause ) => ( {
				clause,
				size: clause.reduce(
					( sum, e ) =>
						sum + ( this.postings[ e.term ]?.length ?? 0 ),
					0
				),
			} ) )
			.sort( ( a, b ) => a.size - b.size );
		const candidates: number[] = [];
		ordered.forEach( ( { clause }, index ) => {
			for ( const { term, weight } of clause ) {
				const list = this.postings[ term ];
				if ( list === undefined ) {
					continue;
				}
				const df = frequencies[ term ] as number;
				const idf = Math.log( 1 + ( live - df + 0.5 ) / ( df + 0.5 ) );
				const { slots, frequencies: tf } = list;
				for ( let i = 0; i < list.length; i++ ) {
					const slot = slots[ i ] as number;
					if ( alive[ slot ] !== 1 ) {
						continue;
					}
					if ( stamps[ slot ] !== generation ) {
						if ( index > 0 ) {
							continue;
						}
						stamps[ slot ] = generation;
						matched[ slot ] = 0;
						scores[ slot ] = 0;
						candidates.push( slot );
					}
					const count = matched[ slot ] as number;
					if ( count === index ) {
						matched[ slot ] = index + 1;
					} else if ( count !== index + 1 ) {
						continue;
					}
					let score = 0;
					const base = i * FIELD_COUNT;
					const slotBase = slot * FIELD_COUNT;
					for ( let f = 0; f < FIELD_COUNT; f++ ) {
						const frequency = tf[ base + f ] as number;
						if ( frequency === 0 ) {
							continue;
						}
						score +=
							( WEIGHTS[ f ] as number ) *
							( ( frequency * ( K1 + 1 ) ) /
								( frequency +
									( norms[ slotBase + f ] as number ) ) +
								DELTA );
					}
					scores[ slot ] =
						( scores[ slot ] as number ) + weight * idf * score;
				}
			}
		} );
		const required = ordered.length;
		return candidates.filter( ( slot ) => matched[ slot ] === required );
	}

	/**
	 * K1 times BM25's length normalization, per slot and field. It depends on the average field lengths, so it
	 * is rebuilt (one pass over the slots) at the first query after the index changed; every posting a query
	 * scores then reads one number instead of dividing.
	 */
	private lengthNorms(): Float64Array {
		if ( this.normsVersion === this.version ) {
			return this.norms;
		}
		const live = this.size;
		const averages = Array.from(
			this.totalLengths,
			( totalLength ) => totalLength / Math.max( 1, live ) || 1
		);
		const count = this.documentsBySlot.length * FIELD_COUNT;
		if ( this.norms.length < count ) {
			this.norms = new Float64Array( this.capacity * FIELD_COUNT );
		}
		const { norms, lengths } = this;
		for ( let at = 0; at < count; at++ ) {
			const norm =
				1 -
				B +
				( B * ( lengths[ at ] as number ) ) /
					( averages[ at % FIELD_COUNT ] as number );
			norms[ at ] = K1 * norm;
		}
		this.normsVersion = this.version;
		return norms;
	}

	/**
	 * The terms a query word matches: itself; for the word being typed, the words it starts; for a word the
	 * index does not know, the words within its typo budget.
	 *
	 * @param word Query word.
	 */
	private expand( word: QueryWord ): Expansion[] {
		const expansions: Expansion[] = [];
		const exact = this.lexicon.id( word.term );
		if ( exact !== undefined && this.lexicon.has( word.term ) ) {
			expansions.push( { term: exact, weight: 1 } );
		}
		if ( word.prefix ) {
			for ( const id of this.lexicon.withPrefix( word.term ) ) {
				if ( id !== exact ) {
					const extra =
						( this.lexicon.terms[ id ] as string ).length -
						word.term.length;
					expansions.push( {
						term: id,
						weight:
							( PREFIX_WEIGHT * word.term.length ) /
							( word.term.length + 0.3 * extra ),
					} );
				}
			}
		}
		if ( expansions.length === 0 ) {
			// Unknown: typos are tolerated only here, so a known word never drags in its neighbours.
			for ( const { term, distance } of this.lexicon.near(
				word.term,
				typoBudget( word.term ),
				word.prefix
			) ) {
				expansions.push( {
					term,
					weight:
						( FUZZY_WEIGHT * word.term.length ) /
						( word.term.length + distance ),
				} );
			}
		}
		return expansions;
	}

	/**
	 * Whether a document holds every phrase, in order, within one field.
	 *
	 * @param slot    Document slot.
	 * @param phrases Phrases as term ids.
	 * @param anchors Per phrase, the position of its rarest word.
	 */
	private hasPhrases(
		slot: number,
		phrases: number[][],
		anchors: number[]
	): boolean {
		const sequence = this.sequences[ slot ] as Int32Array;
		for ( let p = 0; p < phrases.length; p++ ) {
			const phrase = phrases[ p ] as number[];
			const at = anchors[ p ] as number;
			const anchor = phrase[ at ] as number;
			const last = sequence.length - phrase.length + at;
			let found = false;
			// indexOf on a typed array is a native scan; it stops at the rarest word, not at every "the".
			for (
				let i = sequence.indexOf( anchor, at );
				i !== -1 && i <= last;
				i = sequence.indexOf( anchor, i + 1 )
			) {
				const start = i - at;
				let j = 0;
				while (
					j < phrase.length &&
					sequence[ start + j ] === phrase[ j ]
				) {
					j++;
				}
				if ( j === phrase.length ) {
					found = true;
					break;
				}
			}
			if ( ! found ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The expanded query terms a document holds, as text (for highlighting).
	 *
	 * @param slot     Document slot.
	 * @param expanded Term ids of every expansion.
	 */
	private matchedTerms(
		slot: number,
		expanded: Set< number >
	): Set< string > {
		const found = new Set< string >();
		for ( const id of this.sequences[ slot ] as Int32Array ) {
			if ( expanded.has( id ) ) {
				found.add( this.lexicon.terms[ id ] as string );
			}
		}
		return found;
	}

	/**
	 * Whether the index holds a word (or, for the word being typed, a word starting with it).
	 *
	 * @param word Query word.
	 */
	private known( word: QueryWord ): boolean {
		return (
			this.lexicon.has( word.term ) ||
			( word.prefix && this.lexicon.hasPrefix( word.term ) )
		);
	}

	/**
	 * The query with each unknown word replaced by the closest known one; null when nothing changed.
	 *
	 * @param text   Query as typed.
	 * @param parsed Parsed query.
	 */
	private suggest( text: string, parsed: ParsedQuery ): string | null {
		let suggestion = '';
		let cursor = 0;
		let changed = false;
		for ( const word of parsed.words ) {
			if ( this.known( word ) ) {
				continue;
			}
			const correction = this.lexicon.correct(
				word.term,
				typoBudget( word.term )
			);
			if ( correction === null ) {
				continue;
			}
			suggestion += text.slice( cursor, word.start ) + correction;
			cursor = word.end;
			changed = true;
		}
		return changed ? suggestion + text.slice( cursor ) : null;
	}

	private idOf( slot: number ): number {
		return ( this.documentsBySlot[ slot ] as SearchDocument ).id;
	}

	/**
	 * Takes a document out: its slot stops matching, its terms stop counting.
	 *
	 * @param slot Slot.
	 */
	private release( slot: number ): void {
		const sequence = this.sequences[ slot ] as Int32Array;
		const distinct = new Set( sequence );
		distinct.delete( SEPARATOR );
		for ( const id of distinct ) {
			this.lexicon.frequencies[ id ] =
				( this.lexicon.frequencies[ id ] as number ) - 1;
		}
		for ( let f = 0; f < FIELD_COUNT; f++ ) {
			this.totalLengths[ f ] =
				( this.totalLengths[ f ] as number ) -
				( this.lengths[ slot * FIELD_COUNT + f ] as number );
		}
		this.alive[ slot ] = 0;
		this.version++;
		this.documentsBySlot[ slot ] = undefined;
		this.sequences[ slot ] = undefined;
		this.facets.clear( slot );
		this.deadSlots++;
		// Dead postings cost time at every query: drop them once they are as many as the live documents.
		if ( this.deadSlots > 1000 && this.deadSlots > this.size ) {
			for ( const list of this.postings ) {
				list?.compact( this.alive );
			}
			this.deadSlots = 0;
		}
	}

	/**
	 * Grows the per-term scratch arrays.
	 *
	 * @param terms Terms needed.
	 */
	private growTermScratch( terms: number ): void {
		const length = Math.max( terms, this.termStamps.length * 2 );
		const stamps = new Int32Array( length );
		stamps.set( this.termStamps );
		this.termStamps = stamps;
		const frequencies = new Int32Array( length * FIELD_COUNT );
		frequencies.set( this.frequencyScratch );
		this.frequencyScratch = frequencies;
	}

	/**
	 * Grows the per-slot arrays.
	 *
	 * @param slots Slots needed.
	 */
	private ensureCapacity( slots: number ): void {
		if ( slots <= this.capacity ) {
			return;
		}
		let capacity = this.capacity;
		while ( capacity < slots ) {
			capacity *= 2;
		}
		const grow = <
			T extends Uint8Array | Int32Array | Float32Array | Float64Array,
		>(
			array: T,
			make: ( length: number ) => T,
			length: number
		): T => {
			const grown = make( length );
			grown.set( array );
			return grown;
		};
		this.alive = grow( this.alive, ( n ) => new Uint8Array( n ), capacity );
		this.lengths = grow(
			this.lengths,
			( n ) => new Float32Array( n ),
			capacity * FIELD_COUNT
		);
		this.stamps = grow(
			this.stamps,
			( n ) => new Int32Array( n ),
			capacity
		);
		this.matched = grow(
			this.matched,
			( n ) => new Uint8Array( n ),
			capacity
		);
		this.scores = grow(
			this.scores,
			( n ) => new Float64Array( n ),
			capacity
		);
		this.capacity = capacity;
	}
}
