/**
 * The part of @wordpress/block-editor the blocks use. The package ships JavaScript without type
 * declarations, so this types only what is imported, as the package documents it.
 */
declare module '@wordpress/block-editor' {
	import type {
		ComponentType,
		HTMLAttributes,
		ReactNode,
		RefCallback,
	} from 'react';

	/**
	 * The wrapper props a block must spread on its outermost element in the editor.
	 *
	 * @param props Props of the block's own to merge in (class names, style, attributes).
	 * @return Props to spread, including the ref the editor tracks the block by.
	 */
	export function useBlockProps(
		props?: HTMLAttributes< HTMLElement >
	): HTMLAttributes< HTMLElement > & { ref: RefCallback< HTMLElement > };

	/** A slot that renders its children in the block inspector (the settings sidebar). */
	export const InspectorControls: ComponentType< {
		children?: ReactNode;
		group?: 'default' | 'settings' | 'styles' | 'advanced';
	} >;
}
