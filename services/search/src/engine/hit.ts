/**
 * A hit as the API returns it: highlights in the title and excerpt, and, when the query matched only the body,
 * a snippet of the body in place of the excerpt (contract C3).
 */
import type { SearchDocument } from '../documents';
import { highlightRanges } from '../highlight';
import { snippet } from '../snippet';
import type { SearchHit } from './types';

/**
 * @param document The document.
 * @param score    Its score.
 * @param matched  Normalized terms it matched (after prefix and typo expansion).
 * @param phrases  Normalized phrases of the query.
 */
export function hitOf(
	document: SearchDocument,
	score: number,
	matched: ReadonlySet< string >,
	phrases: readonly string[][]
): SearchHit {
	const title = highlightRanges( document.title, matched, phrases );
	const excerpt = highlightRanges( document.excerpt, matched, phrases );
	if ( excerpt.length === 0 && document.body !== '' ) {
		const body = highlightRanges( document.body, matched, phrases );
		if ( body.length > 0 ) {
			const cut = snippet( document.body, body );
			return {
				document,
				score,
				excerpt: cut.text,
				highlights: { title, excerpt: cut.ranges },
			};
		}
	}
	return {
		document,
		score,
		excerpt: document.excerpt,
		highlights: { title, excerpt },
	};
}
