/**
 * The gateway's proof-of-work challenge (a 428 answer when it suspects automated card testing): find a
 * decimal `solution` such that the SHA-256 of `salt + solution`, in hex, starts with `difficulty` zeros.
 */

/** A SHA-256 digest: `crypto.subtle` in browsers, Node's webcrypto in tests. */
export type Digest = (
	data: Uint8Array< ArrayBuffer >
) => Promise< ArrayBuffer >;

/** The challenge, as `data.challenge` of the 428 answer. */
export interface Challenge {
	token: string;
	algorithm: string;
	salt: string;
	difficulty: number;
}

/** Hex digits of difficulty the solver accepts; more would take a visitor's browser too long. */
export const MAX_DIFFICULTY = 8;

const sha256: Digest = ( data ) => crypto.subtle.digest( 'SHA-256', data );

/**
 * Whether a digest starts with `zeros` zero hex digits.
 *
 * @param digest Digest bytes.
 * @param zeros  Leading zero hex digits wanted.
 * @return True when it does.
 */
export function hasLeadingZeros( digest: Uint8Array, zeros: number ): boolean {
	const whole = Math.floor( zeros / 2 );
	for ( let i = 0; i < whole; i++ ) {
		if ( digest[ i ] !== 0 ) {
			return false;
		}
	}
	// An odd count: the high half of the next byte is zero too.
	return zeros % 2 === 0 || digest[ whole ] < 16;
}

/**
 * Finds the smallest solution, counting from 0.
 *
 * @param challenge The challenge.
 * @param digest    SHA-256 implementation.
 * @param signal    Stops the search (the visitor left or started over).
 * @return The solution, as decimal text.
 */
export async function solveChallenge(
	challenge: Pick< Challenge, 'algorithm' | 'salt' | 'difficulty' >,
	digest: Digest = sha256,
	signal?: AbortSignal
): Promise< string > {
	const { salt, difficulty } = challenge;
	if (
		challenge.algorithm.toUpperCase() !== 'SHA-256' ||
		! Number.isInteger( difficulty ) ||
		difficulty < 0 ||
		difficulty > MAX_DIFFICULTY
	) {
		throw new Error( 'Unsupported challenge' );
	}
	const encoder = new TextEncoder();
	// Bounded: 64 times the expected number of tries makes a miss vanishingly unlikely.
	const limit = 64 * 16 ** difficulty;
	for ( let n = 0; n < limit; n++ ) {
		if ( signal?.aborted ) {
			throw new Error( 'Aborted' );
		}
		const bytes = new Uint8Array(
			await digest( encoder.encode( salt + n ) )
		);
		if ( hasLeadingZeros( bytes, difficulty ) ) {
			return String( n );
		}
	}
	throw new Error( 'No solution found' );
}
