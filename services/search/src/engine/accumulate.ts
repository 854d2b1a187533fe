/**
 * The scoring kernel: adds one term's BM25+ contribution to every document in its postings that is still a
 * candidate. A plain function over typed arrays, kept apart from the engine's query planning so V8 optimizes
 * it once and keeps it optimized: when it lived inside `search`, rarely taken branches there (phrases,
 * suggestions) threw the whole function back to the interpreter again and again.
 */
import type { PostingList } from './postings';

/** Field weights in posting order: title, excerpt, body, terms (taxonomies), author. */
const WEIGHTS = new Float64Array( [ 4, 2, 1, 1, 1 ] );

/** Fields per posting. */
const FIELD_COUNT = 5;

/** BM25+ parameters (as MiniSearch's defaults); the length norms arrive multiplied by K1 already. */
export const K1 = 1.2;
export const B = 0.7;
const DELTA = 0.5;

/** Per-query scratch by slot, shared by every term of the query. */
export interface Scratch {
	alive: Uint8Array;
	/** The generation that last touched a slot (a slot with an older one is not a candidate yet). */
	stamps: Int32Array;
	/** How many clauses a candidate has matched. */
	matched: Uint8Array;
	scores: Float64Array;
	generation: number;
	/** Candidates in the order they were found, `count` of them. */
	candidates: Int32Array;
	count: number;
}

/**
 * Scores one term's postings for the clause at `clause` (0 is the rarest clause, which alone may add
 * candidates; later clauses only score documents that matched every clause before them).
 *
 * @param scratch Per-query scratch.
 * @param list    The term's postings.
 * @param clause  Index of the clause the term belongs to.
 * @param weight  The expansion's weight times the term's idf.
 * @param norms   K1 × length normalization per slot and field.
 */
export function accumulate(
	scratch: Scratch,
	list: PostingList,
	clause: number,
	weight: number,
	norms: Float64Array
): void {
	const { alive, stamps, matched, scores, generation } = scratch;
	const { slots, frequencies } = list;
	const length = list.length;
	let candidates = scratch.candidates;
	let count = scratch.count;
	for ( let i = 0; i < length; i++ ) {
		const slot = slots[ i ] as number;
		if ( alive[ slot ] !== 1 ) {
			continue;
		}
		if ( stamps[ slot ] !== generation ) {
			if ( clause > 0 ) {
				continue;
			}
			stamps[ slot ] = generation;
			matched[ slot ] = 0;
			scores[ slot ] = 0;
			if ( count === candidates.length ) {
				const grown = new Int32Array( candidates.length * 2 );
				grown.set( candidates );
				candidates = scratch.candidates = grown;
			}
			candidates[ count++ ] = slot;
		}
		const seen = matched[ slot ] as number;
		if ( seen === clause ) {
			matched[ slot ] = clause + 1;
		} else if ( seen !== clause + 1 ) {
			continue;
		}
		let score = 0;
		const base = i * FIELD_COUNT;
		const slotBase = slot * FIELD_COUNT;
		for ( let f = 0; f < FIELD_COUNT; f++ ) {
			const frequency = frequencies[ base + f ] as number;
			if ( frequency !== 0 ) {
				score +=
					( WEIGHTS[ f ] as number ) *
					( ( frequency * ( K1 + 1 ) ) /
						( frequency + ( norms[ slotBase + f ] as number ) ) +
						DELTA );
			}
		}
		scores[ slot ] = ( scores[ slot ] as number ) + weight * score;
	}
	scratch.count = count;
}
