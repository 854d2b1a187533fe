/**
 * Internal dependencies
 */
import type { FeedItem, FeedSlot, PersonalRequest } from '../shared/types/feed';

/** A feed block as render.php describes it in its Interactivity context (ViewModel::context()). */
export interface BlockSpec {
	personalize: boolean;
	slot: FeedSlot;
	/** The server list, in order; the swap keeps this many items. */
	items: FeedItem[];
}

/** The service's limits (contract): slots per request, ids per list. */
export const MAX_SLOTS = 6;
export const MAX_IDS = 50;

/**
 * The indexes of the blocks that take part, in document order: those that personalize and list
 * something, up to MAX_SLOTS.
 *
 * @param blocks The page's feed blocks, in document order.
 * @return Block indexes, one per slot.
 */
export function slotBlocks( blocks: readonly BlockSpec[] ): number[] {
	return blocks
		.map( ( block, index ) =>
			block.personalize && block.items.length ? index : -1
		)
		.filter( ( index ) => index >= 0 )
		.slice( 0, MAX_SLOTS );
}

/**
 * The one `POST /feed/personal` body for every block on the page. Blocks that do not take part keep
 * their server list, so their posts are excluded from the others.
 *
 * @param blocks  The page's feed blocks, in document order.
 * @param visitor The anonymous visitor id.
 * @param reading The post being read, 0 when none.
 * @return The body.
 */
export function personalRequest(
	blocks: readonly BlockSpec[],
	visitor: string,
	reading: number
): PersonalRequest {
	const taking = slotBlocks( blocks );
	const exclude = blocks
		.filter( ( _block, index ) => ! taking.includes( index ) )
		.flatMap( ( block ) => block.items.map( ( item ) => item.id ) );
	return {
		visitor,
		...( reading > 0 ? { context: reading } : {} ),
		exclude: [ ...new Set( exclude ) ].slice( 0, MAX_IDS ),
		slots: taking.map( ( index ) => ( {
			...blocks[ index ].slot,
			count: blocks[ index ].items.length,
		} ) ),
	};
}

/**
 * The lists to show: each taking block gets its answer's items first, then its own server items to
 * keep its length, never a post another block on the page shows.
 *
 * @param blocks  The page's feed blocks, in document order.
 * @param answers Items per slot, in slot order (slotBlocks()).
 * @return One list per block; the server list for blocks that do not take part.
 */
export function mergeLists(
	blocks: readonly BlockSpec[],
	answers: ReadonlyArray< readonly FeedItem[] | undefined >
): FeedItem[][] {
	const taking = slotBlocks( blocks );
	const used = new Set< number >();
	blocks.forEach( ( block, index ) => {
		if ( ! taking.includes( index ) ) {
			block.items.forEach( ( item ) => used.add( item.id ) );
		}
	} );
	return blocks.map( ( block, index ) => {
		const slot = taking.indexOf( index );
		if ( slot < 0 ) {
			return block.items;
		}
		const list: FeedItem[] = [];
		// The answer first, then this block's server items, then any other block's: a box left as the
		// server printed it could repeat a post another block now shows.
		const pool = [
			...( answers[ slot ] ?? [] ),
			...block.items,
			...blocks.flatMap( ( other ) => other.items ),
		];
		for ( const item of pool ) {
			if ( list.length < block.items.length && ! used.has( item.id ) ) {
				used.add( item.id );
				list.push( item );
			}
		}
		// Gaps remain only when the page has too few posts.
		return list;
	} );
}
