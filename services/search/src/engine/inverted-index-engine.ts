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
import { accumulate, B, K1, type Scratch } from './accumulate';
import { FacetTable, type FacetCounter } from './facet-table';
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

/** Fields per posting (a local constant: an imported binding costs a getter call per use in some builds). */
const FIELD_COUNT = 5;

/** A prefix match counts this much of an exact one (less the longer the completion), a typo match this much. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** A brand-new post scores up to this much more than an old one, and half of that after this many days. */
const RECENCY_WEIGHT = 0.2;
const RECENCY_HALF_LIFE_MS = 90 * 86_400_000;

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

/**
 * A term's occurrences in the document being indexed: its frequencies over every field.
 *
 * @param frequencies Per-document frequency scratch.
 * @param base        The term's first field in it.
 */
function occurrences( frequencies: Int32Array, base: number ): number {
	let count = 0;
	for ( let f = 0; f < FIELD_COUNT; f++ ) {
		count += frequencies[ base + f ] as number;
	}
	return count;
}

/** A phrase's words' postings while a query walks its candidates, and where each walk stands. */
interface PhraseCursor {
	lists: PostingList[];
	/** Per word, the posting index of the last candidate that had the word (the next seek starts there). */
	cursors: number[];
	/** The rarest word's place in the phrase. */
	anchor: number;
}

/**
 * Whether the words sit next to each other in order somewhere in one document: from each position of the
 * rarest word, every other word is looked for where it must be; positions only grow, so each word's list is
 * walked once (a merge, not a search per position).
 *
 * @param lists   Each word's postings.
 * @param indexes Each word's posting index for the document.
 * @param at      The rarest word's place in the phrase.
 */
function hasPhraseAt(
	lists: PostingList[],
	indexes: number[],
	at: number
): boolean {
	const anchor = lists[ at ] as PostingList;
	const anchorIndex = indexes[ at ] as number;
	const anchorEnd = anchor.end( anchorIndex );
	const pointers = indexes.map(
		( index, j ) => ( lists[ j ] as PostingList ).starts[ index ] as number
	);
	for ( let i = anchor.starts[ anchorIndex ] as number; i < anchorEnd; i++ ) {
		const start = ( anchor.positions[ i ] as number ) - at;
		let all = true;
		for ( let j = 0; j < lists.length && all; j++ ) {
			if ( j === at ) {
				continue;
			}
			const list = lists[ j ] as PostingList;
			const end = list.end( indexes[ j ] as number );
			const wanted = start + j;
			let pointer = pointers[ j ] as number;
			while (
				pointer < end &&
				( list.positions[ pointer ] as number ) < wanted
			) {
				pointer++;
			}
			pointers[ j ] = pointer;
			if ( pointer === end ) {
				return false;
			}
			all = list.positions[ pointer ] === wanted;
		}
		if ( all ) {
			return true;
		}
	}
	return false;
}

export class InvertedIndexEngine implements SearchEngine {
	private readonly lexicon = new Lexicon();

	/** Postings by term id. */
	private readonly postings: PostingList[] = [];

	private readonly facets = new FacetTable();

	/** Documents by slot; a slot is never reused (an update takes a new one). */
	private readonly documentsBySlot: ( SearchDocument | undefined )[] = [];

	private readonly slotsById = new Map< number, number >();

	/**
	 * Per slot, the recency decay (0.5 per half-life of age) as of `recencyEpoch`: a query scales it by one
	 * number for its own time instead of raising 0.5 to a power for every match.
	 */
	private recency = new Float64Array( 1024 );

	private readonly recencyEpoch = Date.now();

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

	/** The scoring kernel's view of the scratch above (its arrays are replaced when they grow). */
	private readonly scratch: Scratch = {
		alive: this.alive,
		stamps: this.stamps,
		matched: this.matched,
		scores: this.scores,
		generation: 0,
		candidates: new Int32Array( 1024 ),
		count: 0,
	};

	/** Per-document scratch: frequency per field by term id, and the last slot (plus one) that used each term. */
	private frequencyScratch = new Int32Array( 1024 * FIELD_COUNT );

	private termStamps = new Int32Array( 1024 );

	private sequenceScratch = new Int32Array( 4096 );

	/** Per-document scratch: each term's positions, grouped by term, and a cursor per term while grouping. */
	private positionScratch = new Int32Array( 4096 );

	private termCursors = new Int32Array( 1024 );

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
		// Group the positions by term (a counting sort over the sequence), so each posting gets its own run.
		if ( this.positionScratch.length < length ) {
			this.positionScratch = new Int32Array( length * 2 );
		}
		const positions = this.positionScratch;
		const cursors = this.termCursors;
		const frequencies = this.frequencyScratch;
		let offset = 0;
		for ( const id of touched ) {
			cursors[ id ] = offset;
			offset += occurrences( frequencies, id * FIELD_COUNT );
		}
		for ( let at = 0; at < length; at++ ) {
			const id = sequence[ at ] as number;
			if ( id !== SEPARATOR ) {
				positions[ cursors[ id ] as number ] = at;
				cursors[ id ] = ( cursors[ id ] as number ) + 1;
			}
		}
		for ( const id of touched ) {
			const base = id * FIELD_COUNT;
			const end = cursors[ id ] as number;
			( this.postings[ id ] ??= new PostingList() ).add(
				slot,
				frequencies,
				base,
				positions,
				end - occurrences( frequencies, base ),
				end
			);
			for ( let f = 0; f < FIELD_COUNT; f++ ) {
				frequencies[ base + f ] = 0;
			}
			this.lexicon.frequencies[ id ] =
				( this.lexicon.frequencies[ id ] as number ) + 1;
		}
		this.facets.set( slot, document );
		this.recency[ slot ] =
			0.5 **
				( ( this.recencyEpoch -
					( this.facets.times[ slot ] as number ) ) /
					RECENCY_HALF_LIFE_MS ) || 0;
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
		const total = this.rank(
			candidates,
			phraseIds.map( ( phrase, p ) => ( {
				lists: phrase.map(
					( id ) =>
						( id < 0 ? undefined : this.postings[ id ] ) ??
						new PostingList()
				),
				cursors: phrase.map( () => 0 ),
				anchor: anchors[ p ] as number,
			} ) ),
			counter,
			top,
			query.sort !== 'date',
			now
		);

		// Plain loops: a spread-and-flat here kept deoptimizing the whole method for want of type feedback.
		const expanded = new Set< number >();
		for ( const clause of wordClauses.concat( phraseClauses ) ) {
			for ( const expansion of clause ) {
				expanded.add( expansion.term );
			}
		}
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
	 * Filters, counts and offers the candidates to the top k; returns how many pass the filters. Its own
	 * method because V8 compiles a hot loop on the stack: inside `search`, the code after it then had no type
	 * feedback and sent every query back to the interpreter.
	 *
	 * @param candidates Matching slots, scored.
	 * @param phrases    The query's phrases, with their walks over the postings.
	 * @param counter    The query's facet counter and filters.
	 * @param top        The best slots so far.
	 * @param byScore    Whether the top k is by score (then most candidates are dropped by one comparison).
	 * @param now        The query's time.
	 */
	private rank(
		candidates: number[],
		phrases: PhraseCursor[],
		counter: FacetCounter,
		top: TopK,
		byScore: boolean,
		now: number
	): number {
		const scores = this.scores;
		let total = 0;
		const recency = this.recency;
		const recencyScale =
			0.5 ** ( ( now - this.recencyEpoch ) / RECENCY_HALF_LIFE_MS );
		const hasPhrases = phrases.length > 0;
		for ( let c = 0; c < candidates.length; c++ ) {
			const slot = candidates[ c ] as number;
			if ( hasPhrases && ! this.hasPhrases( slot, phrases ) ) {
				continue;
			}
			if ( ! counter.add( slot ) ) {
				continue;
			}
			total++;
			// Age decay, capped at "brand new" for a post dated in the future.
			const decay = ( recency[ slot ] as number ) * recencyScale;
			const score =
				( scores[ slot ] as number ) *
				( 1 + RECENCY_WEIGHT * ( decay > 1 ? 1 : decay ) );
			scores[ slot ] = score;
			// Most candidates score below the worst one kept: one comparison here instead of a call.
			const worst = top.threshold();
			if (
				byScore &&
				worst !== -1 &&
				score < ( scores[ worst ] as number )
			) {
				continue;
			}
			top.offer( slot );
		}
		return total;
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
		const scratch = this.scratch;
		scratch.alive = alive;
		scratch.stamps = stamps;
		scratch.matched = matched;
		scratch.scores = scores;
		scratch.generation = generation;
		scratch.count = 0;
		for ( let index = 0; index < ordered.length; index++ ) {
			const { clause } = ordered[ index ] as { clause: Expansion[] };
			for ( const { term, weight } of clause ) {
				const list = this.postings[ term ];
				if ( list === undefined ) {
					continue;
				}
				const df = frequencies[ term ] as number;
				const idf = Math.log( 1 + ( live - df + 0.5 ) / ( df + 0.5 ) );
				accumulate( scratch, list, index, weight * idf, norms );
			}
		}
		const required = ordered.length;
		const candidates: number[] = [];
		for ( let c = 0; c < scratch.count; c++ ) {
			const slot = scratch.candidates[ c ] as number;
			if ( matched[ slot ] === required ) {
				candidates.push( slot );
			}
		}
		return candidates;
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
	 * @param phrases The query's phrases, with their walks over the postings.
	 */
	private hasPhrases( slot: number, phrases: PhraseCursor[] ): boolean {
		for ( const phrase of phrases ) {
			// Each word's posting for this document (one seek from the last candidate's); none: no phrase.
			const { lists, cursors, anchor: at } = phrase;
			for ( let j = 0; j < lists.length; j++ ) {
				const list = lists[ j ] as PostingList;
				const index = list.seek( slot, cursors[ j ] as number );
				if ( index === -1 ) {
					return false;
				}
				cursors[ j ] = index;
			}
			if ( ! hasPhraseAt( lists, cursors, at ) ) {
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
		for ( const id of expanded ) {
			if ( ( this.postings[ id ]?.find( slot ) ?? -1 ) !== -1 ) {
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
		// The document's terms, found again from its text (every one was interned when it was indexed).
		const distinct = new Set< number >();
		for ( const text of fieldTexts(
			this.documentsBySlot[ slot ] as SearchDocument
		) ) {
			for ( const term of indexTerms( text ) ) {
				distinct.add( this.lexicon.id( term ) as number );
			}
		}
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
		this.termCursors = new Int32Array( length );
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
		this.recency = grow(
			this.recency,
			( n ) => new Float64Array( n ),
			capacity
		);
		this.capacity = capacity;
	}
}
