/**
 * A snippet of a long text around its first highlight, for a hit whose match is only in the body (contract C3):
 * at most a given length, cut at word boundaries, with "…" on each side that was cut, ranges shifted into it.
 */
import type { Range } from './engine/types';

const ELLIPSIS = '\u2026';

/** Longest snippet, ellipses included (UTF-16 code units). */
export const SNIPPET_LENGTH = 300;

/** How much of the text before the first match the snippet tries to keep, as context. */
const LEAD = 60;

export interface Snippet {
	text: string;
	ranges: Range[];
}

/**
 * Whether a position is between two words (or at an end), so cutting there splits no word.
 *
 * @param text     The text.
 * @param position Offset.
 */
function atBoundary( text: string, position: number ): boolean {
	return (
		position <= 0 ||
		position >= text.length ||
		text[ position - 1 ] === ' ' ||
		text[ position ] === ' '
	);
}

/**
 * @param text   Plain text (white space already collapsed).
 * @param ranges Sorted, disjoint highlight ranges in `text`; the snippet starts near the first.
 * @param limit  Longest snippet.
 */
export function snippet(
	text: string,
	ranges: readonly Range[],
	limit = SNIPPET_LENGTH
): Snippet {
	if ( text.length <= limit ) {
		return { text, ranges: ranges.map( ( [ s, e ] ) => [ s, e ] ) };
	}
	const first = ranges[ 0 ] ?? [ 0, 0 ];
	// Room for an ellipsis on both sides.
	const room = limit - 2;
	let start = Math.max( 0, first[ 0 ] - LEAD );
	if ( start + room > text.length ) {
		start = Math.max( 0, text.length - room );
	}
	// Move forward to a word start, but never past the match itself.
	while ( start > 0 && start < first[ 0 ] && ! atBoundary( text, start ) ) {
		start++;
	}
	let end = Math.min( text.length, start + room );
	while ( end > start && ! atBoundary( text, end ) ) {
		end--;
	}
	if ( end <= first[ 0 ] ) {
		// One very long "word": cut inside it rather than lose the match.
		end = Math.min( text.length, start + room );
	}
	// Never split a surrogate pair.
	if ( /[\ud800-\udbff]/.test( text[ end - 1 ] ?? '' ) ) {
		end--;
	}
	if ( /[\udc00-\udfff]/.test( text[ start ] ?? '' ) ) {
		start++;
	}
	const body = text.slice( start, end );
	const lead = body.trimStart();
	const trimmedStart = start + ( body.length - lead.length );
	const piece = lead.trimEnd();
	const prefix = trimmedStart > 0 ? ELLIPSIS : '';
	const suffix = trimmedStart + piece.length < text.length ? ELLIPSIS : '';
	const shift = prefix.length - trimmedStart;
	const inside: Range[] = [];
	for ( const [ s, e ] of ranges ) {
		const from = Math.max( s, trimmedStart );
		const to = Math.min( e, trimmedStart + piece.length );
		if ( from < to ) {
			inside.push( [ from + shift, to + shift ] );
		}
	}
	return { text: prefix + piece + suffix, ranges: inside };
}
