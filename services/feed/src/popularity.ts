/**
 * Popularity counters that decay: a view or click adds to a post's count, and every count halves each
 * half-life. Counts are kept relative to a base time (value × 2^((t − base) / halfLife)), so adding is one
 * multiplication and comparing two posts needs no decay at all; the base moves forward before the numbers
 * could overflow. The durable copy is one row per post with its value at the time it was written.
 */

/** Past this exponent the base is moved forward (2^600 is far from a double's limit of 2^1023). */
const REBASE_EXPONENT = 600;

export class Popularity {
	private readonly scaled = new Map< number, number >();

	private base: number;

	/**
	 * @param halfLifeMs Time after which a count is worth half.
	 * @param now        Current time (ms), the first base.
	 */
	constructor(
		private readonly halfLifeMs: number,
		now: number
	) {
		this.base = now;
	}

	/**
	 * 2^((at − base) / halfLife), moving the base forward first when the exponent grows too large.
	 *
	 * @param at Time (ms).
	 */
	private growth( at: number ): number {
		let exponent = ( at - this.base ) / this.halfLifeMs;
		if ( exponent > REBASE_EXPONENT ) {
			const factor = 2 ** -exponent;
			for ( const [ id, value ] of this.scaled ) {
				this.scaled.set( id, value * factor );
			}
			this.base = at;
			exponent = 0;
		}
		return 2 ** exponent;
	}

	/**
	 * Adds to a post's count at a time; returns the post's decayed count at that time, for the durable copy.
	 *
	 * @param id     Post id.
	 * @param amount What the signal is worth.
	 * @param at     When it happened (ms).
	 */
	add( id: number, amount: number, at: number ): number {
		const growth = this.growth( at );
		const next = ( this.scaled.get( id ) ?? 0 ) + amount * growth;
		this.scaled.set( id, next );
		return next / growth;
	}

	/**
	 * Restores a count from its durable copy.
	 *
	 * @param id    Post id.
	 * @param value Count at `at`.
	 * @param at    When it was written (ms).
	 */
	load( id: number, value: number, at: number ): void {
		this.scaled.set( id, value * this.growth( at ) );
	}

	/**
	 * A post's decayed count at a time.
	 *
	 * @param id Post id.
	 * @param at Time (ms).
	 */
	value( id: number, at: number ): number {
		const scaled = this.scaled.get( id );
		return scaled === undefined
			? 0
			: scaled / 2 ** ( ( at - this.base ) / this.halfLifeMs );
	}

	/**
	 * A reader of many posts' counts at one time: the decay is computed once, each count is one lookup.
	 *
	 * @param at Time (ms).
	 */
	reader( at: number ): ( id: number ) => number {
		const decay = 2 ** ( -( at - this.base ) / this.halfLifeMs );
		return ( id ) => ( this.scaled.get( id ) ?? 0 ) * decay;
	}

	/**
	 * Forgets a post (removed from the catalogue).
	 *
	 * @param id Post id.
	 */
	delete( id: number ): void {
		this.scaled.delete( id );
	}

	/** Posts with a count, for the periodic top list. */
	ids(): IterableIterator< number > {
		return this.scaled.keys();
	}
}
