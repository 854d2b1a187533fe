/**
 * The index vocabulary with document frequencies, for spelling suggestions.
 */
import SearchableMap from 'minisearch/SearchableMap';

export class Vocabulary {
	private readonly frequencies = new SearchableMap< number >();

	/**
	 * Counts a document's distinct terms in (delta 1) or out (delta -1).
	 *
	 * @param terms Distinct terms of one document.
	 * @param delta 1 or -1.
	 */
	count( terms: Iterable< string >, delta: 1 | -1 ): void {
		for ( const term of terms ) {
			const next = ( this.frequencies.get( term ) ?? 0 ) + delta;
			if ( next > 0 ) {
				this.frequencies.set( term, next );
			} else {
				this.frequencies.delete( term );
			}
		}
	}

	has( term: string ): boolean {
		return this.frequencies.has( term );
	}

	/**
	 * Whether some term starts with `prefix`.
	 *
	 * @param prefix Normalized prefix.
	 */
	hasPrefix( prefix: string ): boolean {
		return this.frequencies.atPrefix( prefix ).size > 0;
	}

	/**
	 * The closest known term within the edit distance allowed for this length (fewest edits, then most
	 * documents); null when none.
	 *
	 * @param term        Normalized term that is not in the vocabulary.
	 * @param maxDistance Largest edit distance accepted.
	 */
	correct( term: string, maxDistance: number ): string | null {
		if ( maxDistance < 1 ) {
			return null;
		}
		let best: { term: string; distance: number; frequency: number } | null =
			null;
		for ( const [
			candidate,
			[ frequency, distance ],
		] of this.frequencies.fuzzyGet( term, maxDistance ) ) {
			if (
				best === null ||
				distance < best.distance ||
				( distance === best.distance && frequency > best.frequency ) ||
				( distance === best.distance &&
					frequency === best.frequency &&
					candidate < best.term )
			) {
				best = { term: candidate, distance, frequency };
			}
		}
		return best?.term ?? null;
	}
}
