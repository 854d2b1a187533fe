/**
 * The holdout: a stable share of profiles gets the non-personalized ranking, so the lift of personalization
 * can be measured. The same key always lands on the same side (in every process and after restarts): the
 * first 32 bits of its SHA-256, as a fraction of 2^32, compared with the share.
 */
import { createHash } from 'node:crypto';

/**
 * Where a profile key falls in [0, 1).
 *
 * @param key Profile key.
 */
export function bucketOf( key: string ): number {
	return (
		createHash( 'sha256' ).update( key ).digest().readUInt32BE( 0 ) /
		2 ** 32
	);
}

/**
 * Whether a profile is held out of personalization.
 *
 * @param key   Profile key.
 * @param share Holdout share, 0 to 1.
 */
export function isHeldOut( key: string, share: number ): boolean {
	return bucketOf( key ) < share;
}
