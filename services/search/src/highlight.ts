/**
 * Highlight ranges: where a hit's matching words are in the text returned to the caller.
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive.
 */
import type { Range } from './engine/types';
import { tokenize, type Token } from './text';

/**
 * Ranges of the words of `text` that are in `matched`, and of each occurrence of each phrase, merged and sorted.
 *
 * @param text    Plain text as returned to the caller.
 * @param matched Normalized terms the document matched (after prefix and typo expansion).
 * @param phrases Normalized phrases, each a list of terms.
 */
export function highlightRanges(
	text: string,
	matched: ReadonlySet< string >,
	phrases: readonly string[][] = []
): Range[] {
	const tokens = tokenize( text );
	const ranges: Range[] = [];
	for ( const token of tokens ) {
		if ( matched.has( token.term ) ) {
			ranges.push( [ token.start, token.end ] );
		}
	}
	for ( const phrase of phrases ) {
		for ( const start of phraseStarts( tokens, phrase ) ) {
			const first = tokens[ start ] as Token;
			const last = tokens[ start + phrase.length - 1 ] as Token;
			ranges.push( [ first.start, last.end ] );
		}
	}
	return merge( ranges );
}

/**
 * Indices in `tokens` where `phrase` starts.
 *
 * @param tokens Tokens of a text.
 * @param phrase Normalized terms.
 */
export function phraseStarts(
	tokens: readonly { term: string }[],
	phrase: readonly string[]
): number[] {
	const starts: number[] = [];
	if ( phrase.length === 0 ) {
		return starts;
	}
	for ( let i = 0; i + phrase.length <= tokens.length; i++ ) {
		let j = 0;
		while ( j < phrase.length && tokens[ i + j ]?.term === phrase[ j ] ) {
			j++;
		}
		if ( j === phrase.length ) {
			starts.push( i );
		}
	}
	return starts;
}

/**
 * Sorted ranges with overlapping ones joined.
 *
 * @param ranges Ranges in any order.
 */
function merge( ranges: Range[] ): Range[] {
	ranges.sort( ( a, b ) => a[ 0 ] - b[ 0 ] || a[ 1 ] - b[ 1 ] );
	const merged: Range[] = [];
	for ( const range of ranges ) {
		const previous = merged[ merged.length - 1 ];
		if ( previous !== undefined && range[ 0 ] <= previous[ 1 ] ) {
			previous[ 1 ] = Math.max( previous[ 1 ], range[ 1 ] );
		} else {
			merged.push( [ range[ 0 ], range[ 1 ] ] );
		}
	}
	return merged;
}
