/**
 * Parses what a visitor types: words, "quoted phrases", and a last word still being typed (matched as a prefix).
 */
import { tokenize, type Token } from './text';

export interface QueryWord extends Token {
	/** Matched as a prefix: the last word, when the query does not end with a space. */
	prefix: boolean;
}

export interface ParsedQuery {
	/** Words outside quotes. */
	words: QueryWord[];
	/** Quoted phrases of two or more words, each a run of tokens that must appear in this order. */
	phrases: Token[][];
}

/** Shortest word matched as a prefix: one letter would match most of the vocabulary. */
const MIN_PREFIX_LENGTH = 2;

/**
 * @param text The query as typed.
 */
export function parseQuery( text: string ): ParsedQuery {
	const words: QueryWord[] = [];
	const phrases: Token[][] = [];
	const quotes = [ ...text.matchAll( /"/g ) ].map( ( match ) => match.index );
	// An unmatched last quote is ignored: while typing `"big ne`, the words are still words.
	const pairs = quotes.length - ( quotes.length % 2 );

	let cursor = 0;
	const addWords = ( from: number, to: number ) => {
		for ( const token of tokenize( text.slice( from, to ) ) ) {
			words.push( {
				term: token.term,
				start: token.start + from,
				end: token.end + from,
				prefix: false,
			} );
		}
	};
	for ( let i = 0; i < pairs; i += 2 ) {
		const open = quotes[ i ] as number;
		const close = quotes[ i + 1 ] as number;
		addWords( cursor, open );
		const phrase = tokenize( text.slice( open + 1, close ) ).map(
			( token ) => ( {
				term: token.term,
				start: token.start + open + 1,
				end: token.end + open + 1,
			} )
		);
		if ( phrase.length === 1 ) {
			words.push( { ...( phrase[ 0 ] as Token ), prefix: false } );
		} else if ( phrase.length > 1 ) {
			phrases.push( phrase );
		}
		cursor = close + 1;
	}
	addWords( cursor, text.length );

	const last = words[ words.length - 1 ];
	if (
		last !== undefined &&
		last.end === text.length &&
		last.term.length >= MIN_PREFIX_LENGTH
	) {
		last.prefix = true;
	}
	return { words, phrases };
}
