/**
 * Internal dependencies
 */
import type { HighlightRange } from '../shared/types/search';

/** A plain run, then the marked run after it (`m` holds zero or one string). */
export interface Segment {
	t: string;
	m: string[];
}

/**
 * Whether an offset falls between the two halves of a surrogate pair.
 *
 * @param text   Text.
 * @param offset UTF-16 offset.
 */
function splitsPair( text: string, offset: number ): boolean {
	const unit = text.charCodeAt( offset );
	return offset > 0 && unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Splits a text at its highlight ranges, as the server's Highlight class does: each segment is printed
 * as a text node, then its marked text inside `<mark>`, so nothing from the service is parsed as HTML.
 *
 * @param text   Plain text.
 * @param ranges `[start, end)` UTF-16 ranges; invalid, overlapping and out-of-bounds ones are dropped or clamped.
 * @return Segments covering the whole text.
 */
export function segments(
	text: string,
	ranges: readonly HighlightRange[] = []
): Segment[] {
	const clean = ranges
		.filter(
			( range ) =>
				Array.isArray( range ) &&
				Number.isInteger( range[ 0 ] ) &&
				Number.isInteger( range[ 1 ] )
		)
		.map( ( [ start, end ] ): HighlightRange => [
			Math.max( 0, start ),
			Math.min( text.length, end ),
		] )
		.filter( ( [ start, end ] ) => end > start )
		.sort( ( a, b ) => a[ 0 ] - b[ 0 ] );
	const out: Segment[] = [];
	let cursor = 0;
	for ( const range of clean ) {
		let start = Math.max( range[ 0 ], cursor );
		let end = range[ 1 ];
		start -= splitsPair( text, start ) ? 1 : 0;
		end -= splitsPair( text, end ) ? 1 : 0;
		if ( end <= start ) {
			continue;
		}
		out.push( {
			t: text.slice( cursor, start ),
			m: [ text.slice( start, end ) ],
		} );
		cursor = end;
	}
	if ( cursor < text.length || ! out.length ) {
		out.push( { t: text.slice( cursor ), m: [] } );
	}
	return out;
}
