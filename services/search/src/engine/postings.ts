/**
 * One term's postings: the documents (slots) that hold it, with its frequency in each field, in growable
 * typed arrays (a few bytes per posting, nothing for the garbage collector to walk).
 */
/** Fields per posting: title, excerpt, body, terms, author (the engine's order). */
const FIELDS = 5;

/** Largest frequency stored per field; more adds nothing to a saturating BM25 score. */
const MAX_FREQUENCY = 255;

export class PostingList {
	slots = new Int32Array( 4 );

	/** FIELDS frequencies per posting. */
	frequencies = new Uint8Array( 4 * FIELDS );

	length = 0;

	/**
	 * Appends a posting (slots only grow, so the list stays sorted).
	 *
	 * @param slot        Document slot.
	 * @param frequencies Frequencies per field, from `offset` on.
	 * @param offset      Where this document's frequencies start in `frequencies`.
	 */
	add( slot: number, frequencies: Int32Array, offset: number ): void {
		if ( this.length === this.slots.length ) {
			const slots = new Int32Array( this.length * 2 );
			slots.set( this.slots );
			this.slots = slots;
			const grown = new Uint8Array( this.length * 2 * FIELDS );
			grown.set( this.frequencies );
			this.frequencies = grown;
		}
		this.slots[ this.length ] = slot;
		const base = this.length * FIELDS;
		for ( let field = 0; field < FIELDS; field++ ) {
			const frequency = frequencies[ offset + field ] as number;
			this.frequencies[ base + field ] =
				frequency > MAX_FREQUENCY ? MAX_FREQUENCY : frequency;
		}
		this.length++;
	}

	/**
	 * Drops the postings of slots no longer alive.
	 *
	 * @param alive Whether a slot holds a live document.
	 */
	compact( alive: Uint8Array ): void {
		let kept = 0;
		for ( let i = 0; i < this.length; i++ ) {
			const slot = this.slots[ i ] as number;
			if ( alive[ slot ] !== 1 ) {
				continue;
			}
			this.slots[ kept ] = slot;
			this.frequencies.copyWithin(
				kept * FIELDS,
				i * FIELDS,
				( i + 1 ) * FIELDS
			);
			kept++;
		}
		this.length = kept;
	}
}
