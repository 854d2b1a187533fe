/**
 * The embedded engine: MiniSearch (BM25+ per field, field boosts, prefix and fuzzy matching) for retrieval
 * and scoring; phrases, recency, filters, facets, highlights and spelling suggestions on top.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';

import type { SearchDocument } from '../documents';
import { highlightRanges, phraseStarts } from '../highlight';
import { parseQuery, type ParsedQuery, type QueryWord } from '../query';
import { terms, tokenize } from '../text';
import { FacetCounter, indexedDocument, type IndexedDocument } from './facets';
import type {
	SearchEngine,
	SearchHit,
	SearchOutcome,
	SearchQuery,
} from './types';
import { Vocabulary } from './vocabulary';

type Field = 'title' | 'excerpt' | 'taxonomies' | 'author';

const FIELDS: Field[] = [ 'title', 'excerpt', 'taxonomies', 'author' ];

/** Field weights: title over excerpt over terms and author. */
const BOOST: Record< Field, number > = {
	title: 4,
	excerpt: 2,
	taxonomies: 1,
	author: 1,
};

/** A brand-new post scores up to this much more than an old one... */
const RECENCY_WEIGHT = 0.2;
/** ...and half of that after this many days. */
const RECENCY_HALF_LIFE_DAYS = 90;

const DAY_MS = 86_400_000;

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

/**
 * The text of one field of a document.
 *
 * @param document The document.
 * @param field    The field.
 */
function fieldText( document: SearchDocument, field: Field ): string {
	switch ( field ) {
		case 'title':
			return document.title;
		case 'excerpt':
			return document.excerpt;
		case 'author':
			return document.author.name;
		case 'taxonomies':
			return Object.values( document.terms )
				.flat()
				.map( ( term ) => term.name )
				.join( '\n' );
	}
}

/**
 * Distinct terms of a document over all fields.
 *
 * @param document The document.
 */
function documentTerms( document: SearchDocument ): Set< string > {
	return new Set(
		FIELDS.flatMap( ( field ) => terms( fieldText( document, field ) ) )
	);
}

/**
 * Whether a document holds every phrase, in order, within one field.
 *
 * @param document The document.
 * @param phrases  Normalized phrases.
 */
function hasPhrases(
	document: SearchDocument,
	phrases: readonly string[][]
): boolean {
	if ( phrases.length === 0 ) {
		return true;
	}
	const fields = FIELDS.map( ( field ) =>
		tokenize( fieldText( document, field ) )
	);
	return phrases.every( ( phrase ) =>
		fields.some( ( tokens ) => phraseStarts( tokens, phrase ).length > 0 )
	);
}

export class MiniSearchEngine implements SearchEngine {
	private readonly store = new Map< number, IndexedDocument >();

	private readonly vocabulary = new Vocabulary();

	private readonly index = new MiniSearch< SearchDocument >( {
		fields: FIELDS,
		idField: 'id',
		extractField: ( document, field ) =>
			field === 'id'
				? ( document.id as unknown as string )
				: fieldText( document, field as Field ),
		// Tokens are already words; processTerm normalizes them exactly as highlighting does.
		tokenize: ( text ) => tokenize( text ).map( ( token ) => token.term ),
		processTerm: ( term ) => term,
		searchOptions: { boost: BOOST },
	} );

	get size(): number {
		return this.store.size;
	}

	upsert( document: SearchDocument ): void {
		const previous = this.store.get( document.id );
		if ( previous !== undefined ) {
			this.vocabulary.count( documentTerms( previous.document ), -1 );
			this.index.replace( document );
		} else {
			this.index.add( document );
		}
		this.vocabulary.count( documentTerms( document ), 1 );
		this.store.set( document.id, indexedDocument( document ) );
	}

	remove( id: number ): boolean {
		const previous = this.store.get( id );
		if ( previous === undefined ) {
			return false;
		}
		this.vocabulary.count( documentTerms( previous.document ), -1 );
		this.index.discard( id );
		this.store.delete( id );
		return true;
	}

	get( id: number ): SearchDocument | undefined {
		return this.store.get( id )?.document;
	}

	*documents(): IterableIterator< SearchDocument > {
		for ( const entry of this.store.values() ) {
			yield entry.document;
		}
	}

	search( query: SearchQuery ): SearchOutcome {
		const parsed = parseQuery( query.text );
		const phrases = parsed.phrases.map( ( phrase ) =>
			phrase.map( ( token ) => token.term )
		);
		const counter = new FacetCounter( query.filters );

		const hits: { result: SearchResult; entry: IndexedDocument }[] = [];
		for ( const result of this.retrieve( parsed ) ) {
			const entry = this.store.get( result.id as number );
			if (
				entry !== undefined &&
				( phrases.length === 0 ||
					hasPhrases( entry.document, phrases ) ) &&
				counter.add( entry )
			) {
				hits.push( { result, entry } );
			}
		}

		const byDate = ( a: IndexedDocument, b: IndexedDocument ) =>
			b.time - a.time || b.document.id - a.document.id;
		hits.sort( ( a, b ) =>
			query.sort === 'date'
				? byDate( a.entry, b.entry ) || b.result.score - a.result.score
				: b.result.score - a.result.score || byDate( a.entry, b.entry )
		);

		const from = ( query.page - 1 ) * query.perPage;
		const page: SearchHit[] = hits
			.slice( from, from + query.perPage )
			.map( ( { result, entry: { document } } ) => {
				const matched = new Set( result.terms );
				return {
					document,
					score: result.score,
					highlights: {
						title: highlightRanges(
							document.title,
							matched,
							phrases
						),
						excerpt: highlightRanges(
							document.excerpt,
							matched,
							phrases
						),
					},
				};
			} );

		return {
			hits: page,
			total: hits.length,
			facets: counter.result(),
			suggestion: this.suggest( query.text, parsed ),
		};
	}

	/**
	 * Candidates for a parsed query: every word and phrase word must match (a word may match by prefix or
	 * within its typo budget); when that finds nothing, any word may match, phrases still required.
	 *
	 * @param parsed Parsed query.
	 */
	private retrieve( parsed: ParsedQuery ): SearchResult[] {
		const words: Query[] = parsed.words.map( ( word ) => ( {
			queries: [ word.term ],
			prefix: word.prefix,
			// Typos are tolerated only for words the index does not know: a known word matches itself,
			// and expanding it to its neighbours would only add noise (and time).
			fuzzy: this.known( word ) ? false : typoBudget( word.term ),
		} ) );
		const phraseWords: Query[] = parsed.phrases.flat().map( ( token ) => ( {
			queries: [ token.term ],
			prefix: false,
			fuzzy: false,
		} ) );
		if ( words.length + phraseWords.length === 0 ) {
			return [];
		}

		const now = Date.now();
		const boosts = new Map< number, number >();
		const boostDocument = ( id: number ) => {
			let boost = boosts.get( id );
			if ( boost === undefined ) {
				const entry = this.store.get( id );
				const ageDays =
					entry === undefined
						? Infinity
						: Math.max( 0, now - entry.time ) / DAY_MS;
				boost =
					1 +
					RECENCY_WEIGHT *
						0.5 ** ( ageDays / RECENCY_HALF_LIFE_DAYS );
				boosts.set( id, boost );
			}
			return boost;
		};
		const search = ( combineWith: 'AND' | 'OR' ) =>
			this.index.search(
				{
					combineWith: 'AND',
					queries:
						combineWith === 'AND'
							? [ ...words, ...phraseWords ]
							: [
									...( words.length > 0
										? [
												{
													combineWith: 'OR' as const,
													queries: words,
												},
											]
										: [] ),
									...phraseWords,
								],
				},
				{ boost: BOOST, boostDocument }
			);

		const all = search( 'AND' );
		return all.length > 0 || words.length < 2 ? all : search( 'OR' );
	}

	/**
	 * Whether the index holds a word (or, for the word being typed, a word starting with it).
	 *
	 * @param word Query word.
	 */
	private known( word: QueryWord ): boolean {
		return (
			this.vocabulary.has( word.term ) ||
			( word.prefix && this.vocabulary.hasPrefix( word.term ) )
		);
	}

	/**
	 * The query with each word that is not in the vocabulary (nor, for the word being typed, a prefix of a
	 * word in it) replaced by the closest word that is; null when nothing changed.
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
			const correction = this.vocabulary.correct(
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
}
