/**
 * WordPress dependencies
 */
import { useRegistry } from '@wordpress/data';
import { useEffect } from '@wordpress/element';

/** The part of the core/editor store's actions used here. */
interface EditorActions {
	lockPostSaving?: ( key: string ) => void;
	unlockPostSaving?: ( key: string ) => void;
}

/**
 * Keeps the post from being saved or published while `locked`, under the block's own lock name, and
 * releases the lock when the block goes away. Editors without core/editor (the widgets screen) have no
 * post to lock, so nothing happens there.
 *
 * @param locked  Whether saving must wait.
 * @param lockKey The lock's name, unique to the block.
 */
export function usePostSavingLock( locked: boolean, lockKey: string ): void {
	const registry = useRegistry();
	useEffect( () => {
		let editor: EditorActions | undefined;
		try {
			editor = registry.dispatch( 'core/editor' ) as EditorActions;
		} catch {
			return;
		}
		if ( locked ) {
			editor?.lockPostSaving?.( lockKey );
		} else {
			editor?.unlockPostSaving?.( lockKey );
		}
		return () => editor?.unlockPostSaving?.( lockKey );
	}, [ registry, locked, lockKey ] );
}
