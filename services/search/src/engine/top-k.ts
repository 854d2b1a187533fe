/**
 * The best k of many candidates without sorting them all: a binary heap whose root is the worst kept one.
 */
export class TopK {
	private readonly slots: Int32Array;

	private size = 0;

	/**
	 * @param k      How many to keep.
	 * @param better Whether candidate a ranks before candidate b.
	 */
	constructor(
		private readonly k: number,
		private readonly better: ( a: number, b: number ) => boolean
	) {
		this.slots = new Int32Array( Math.max( 1, k ) );
	}

	/**
	 * The worst kept candidate once k are kept (a candidate not better than it would be dropped), else -1.
	 * Lets a caller skip `offer` for most candidates with one comparison of its own, no call.
	 */
	threshold(): number {
		return this.size === this.k && this.k > 0
			? ( this.slots[ 0 ] as number )
			: -1;
	}

	/**
	 * Offers a candidate.
	 *
	 * @param slot Candidate.
	 */
	offer( slot: number ): void {
		if ( this.k === 0 ) {
			return;
		}
		const heap = this.slots;
		if ( this.size < this.k ) {
			let i = this.size++;
			heap[ i ] = slot;
			while ( i > 0 ) {
				const parent = Math.floor( ( i - 1 ) / 2 );
				if (
					! this.better(
						heap[ parent ] as number,
						heap[ i ] as number
					)
				) {
					break;
				}
				[ heap[ parent ], heap[ i ] ] = [
					heap[ i ] as number,
					heap[ parent ] as number,
				];
				i = parent;
			}
			return;
		}
		// Not better than the worst kept: dropped.
		if ( ! this.better( slot, heap[ 0 ] as number ) ) {
			return;
		}
		heap[ 0 ] = slot;
		let i = 0;
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let worst = i;
			if (
				left < this.size &&
				this.better( heap[ worst ] as number, heap[ left ] as number )
			) {
				worst = left;
			}
			if (
				right < this.size &&
				this.better( heap[ worst ] as number, heap[ right ] as number )
			) {
				worst = right;
			}
			if ( worst === i ) {
				return;
			}
			[ heap[ worst ], heap[ i ] ] = [
				heap[ i ] as number,
				heap[ worst ] as number,
			];
			i = worst;
		}
	}

	/** The kept candidates, best first. */
	sorted(): number[] {
		return [ ...this.slots.subarray( 0, this.size ) ].sort( ( a, b ) =>
			this.better( a, b ) ? -1 : 1
		);
	}
}
