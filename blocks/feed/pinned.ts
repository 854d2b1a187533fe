/** Most pinned posts: a block shows at most 12 posts. */
export const MAX_PINNED = 12;

/**
 * The pinned ids with one more at the end (once, and within MAX_PINNED).
 *
 * @param ids Pinned ids now.
 * @param id  Post to pin.
 * @return The new list.
 */
export function pin( ids: readonly number[], id: number ): number[] {
	return ids.includes( id ) || ids.length >= MAX_PINNED
		? [ ...ids ]
		: [ ...ids, id ];
}

/**
 * The pinned ids without one.
 *
 * @param ids Pinned ids now.
 * @param id  Post to unpin.
 * @return The new list.
 */
export function unpin( ids: readonly number[], id: number ): number[] {
	return ids.filter( ( pinned ) => pinned !== id );
}

/**
 * The pinned ids with one moved up (-1) or down (+1); unchanged at either end.
 *
 * @param ids   Pinned ids now.
 * @param index Position of the post to move.
 * @param step  -1 or +1.
 * @return The new list.
 */
export function move(
	ids: readonly number[],
	index: number,
	step: -1 | 1
): number[] {
	const next = [ ...ids ];
	const target = index + step;
	if ( target < 0 || target >= next.length ) {
		return next;
	}
	[ next[ index ], next[ target ] ] = [ next[ target ], next[ index ] ];
	return next;
}
