/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { newAttemptKey } from './attempt-key';

/** The part of the core/block-editor store's selectors used here. */
interface BlockEditorSelectors {
	getClientIdsWithDescendants: () => string[];
	getBlockAttributes: (
		clientId: string
	) => Record< string, unknown > | null;
}

/**
 * A new block id: 16 URL-safe random characters (BlockPrice::BLOCK_ID_PATTERN).
 *
 * @return The id.
 */
export function newBlockId(): string {
	return newAttemptKey().slice( 0, 16 );
}

/**
 * Gives the block a stable `blockId` (how the server finds the saved block to price a payment): one on
 * insertion, and a new one when another block earlier in the editor already has it (a duplicate, a
 * copy pasted in), so two blocks never share one. The first of the two keeps its id, so duplicating
 * never changes the block payments were already taken with.
 *
 * @param clientId      The block's client id.
 * @param blockId       Its `blockId` attribute.
 * @param setAttributes Updates attributes.
 */
export function useBlockId(
	clientId: string,
	blockId: string,
	setAttributes: ( update: { blockId: string } ) => void
): void {
	const taken = useSelect(
		( select ) => {
			if ( ! blockId ) {
				return false;
			}
			const editor = select(
				'core/block-editor'
			) as unknown as BlockEditorSelectors;
			for ( const id of editor.getClientIdsWithDescendants() ) {
				if ( id === clientId ) {
					return false;
				}
				if ( editor.getBlockAttributes( id )?.blockId === blockId ) {
					return true;
				}
			}
			return false;
		},
		[ clientId, blockId ]
	);
	useEffect( () => {
		if ( ! blockId || taken ) {
			setAttributes( { blockId: newBlockId() } );
		}
	}, [ blockId, taken, setAttributes ] );
}
