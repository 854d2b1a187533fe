/**
 * One term's postings: the documents (slots) that hold it, with its frequency in each field and its positions
 * (indexes in the document's term sequence, fields separated by one unused position), in growable typed arrays
 * (a few bytes per posting, nothing for the garbage collector to walk).
 */
/** Fields per posting: title, excerpt, body, terms, author (the engine's order). */
const FIELDS = 5;

/** Largest frequency stored per field; more adds nothing to a saturating BM25 score. */
const MAX_FREQUENCY = 255;

export class PostingList {
	slots = new Int32Array( 4 );

	/** FIELDS frequencies per posting. */
	frequencies = new Uint8Array( 4 * FIELDS );

	/** Where each posting's positions start in `positions` (they end where the next posting's start). */
	starts = new Int32Array( 4 );

	positions = new Int32Array( 8 );

	positionLength = 0;

	length = 0;

	/**
	 * Appends a posting (slots only grow, so the list stays sorted).
	 *
	 * @param slot        Document slot.
	 * @param frequencies Frequencies per field, from `offset` on.
	 * @param offset      Where this document's frequencies start in `frequencies`.
	 * @param positions   Positions of the term in the document, ascending, `from` to `to` (exclusive).
	 * @param from        First position's index in `positions`.
	 * @param to          End index.
	 */
	add(
		slot: number,
		frequencies: Int32Array,
		offset: number,
		positions: Int32Array,
		from: number,
		to: number
	): void {
		if ( this.length === this.slots.length ) {
			const slots = new Int32Array( this.length * 2 );
			slots.set( this.slots );
			this.slots = slots;
			const starts = new Int32Array( this.length * 2 );
			starts.set( this.starts );
			this.starts = starts;
			const grown = new Uint8Array( this.length * 2 * FIELDS );
			grown.set( this.frequencies );
			this.frequencies = grown;
		}
		const needed = this.positionLength + to - from;
		if ( needed > this.positions.length ) {
			const grown = new Int32Array(
				Math.max( needed, this.positions.length * 2 )
			);
			grown.set( this.positions.subarray( 0, this.positionLength ) );
			this.positions = grown;
		}
		this.slots[ this.length ] = slot;
		this.starts[ this.length ] = this.positionLength;
		// A plain copy: a subarray per posting (hundreds per document) was most of the indexing cost.
		const into = this.positions;
		let at = this.positionLength;
		for ( let k = from; k < to; k++ ) {
			into[ at++ ] = positions[ k ] as number;
		}
		this.positionLength = needed;
		const base = this.length * FIELDS;
		for ( let field = 0; field < FIELDS; field++ ) {
			const frequency = frequencies[ offset + field ] as number;
			this.frequencies[ base + field ] =
				frequency > MAX_FREQUENCY ? MAX_FREQUENCY : frequency;
		}
		this.length++;
	}

	/**
	 * The index of a slot's posting, or -1 (binary search: slots are sorted).
	 *
	 * @param slot Document slot.
	 */
	find( slot: number ): number {
		return this.search( slot, 0, this.length - 1 );
	}

	/**
	 * The index of a slot's posting, searching forward from `from` (galloping, so a caller that asks for
	 * ascending slots pays about one step per call); -1 when the slot has none. Falls back to a full binary
	 * search when the slot lies before `from`.
	 *
	 * @param slot Document slot.
	 * @param from Index to start from (a cursor the caller keeps).
	 */
	seek( slot: number, from: number ): number {
		const slots = this.slots;
		if ( from >= this.length || ( slots[ from ] as number ) > slot ) {
			return this.find( slot );
		}
		let step = 1;
		let low = from;
		let high = from + 1;
		while ( high < this.length && ( slots[ high ] as number ) < slot ) {
			low = high;
			step *= 2;
			high = from + step;
		}
		return this.search( slot, low, Math.min( high, this.length - 1 ) );
	}

	/**
	 * Binary search for a slot's posting between two indexes (inclusive); -1 when it is not there.
	 *
	 * @param slot Document slot.
	 * @param low  First index.
	 * @param high Last index.
	 */
	private search( slot: number, low: number, high: number ): number {
		while ( low <= high ) {
			const middle = Math.floor( ( low + high ) / 2 );
			const value = this.slots[ middle ] as number;
			if ( value === slot ) {
				return middle;
			}
			if ( value < slot ) {
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}
		return -1;
	}

	/**
	 * Where the positions of the posting at `index` end.
	 *
	 * @param index Posting index.
	 */
	end( index: number ): number {
		return index + 1 < this.length
			? ( this.starts[ index + 1 ] as number )
			: this.positionLength;
	}

	/**
	 * Drops the postings of slots no longer alive.
	 *
	 * @param alive Whether a slot holds a live document.
	 */
	compact( alive: Uint8Array ): void {
		let kept = 0;
		let keptPositions = 0;
		for ( let i = 0; i < this.length; i++ ) {
			const slot = this.slots[ i ] as number;
			const start = this.starts[ i ] as number;
			const end = this.end( i );
			if ( alive[ slot ] !== 1 ) {
				continue;
			}
			this.slots[ kept ] = slot;
			this.frequencies.copyWithin(
				kept * FIELDS,
				i * FIELDS,
				( i + 1 ) * FIELDS
			);
			this.positions.copyWithin( keptPositions, start, end );
			this.starts[ kept ] = keptPositions;
			keptPositions += end - start;
			kept++;
		}
		this.length = kept;
		this.positionLength = keptPositions;
	}
}
