/**
 * A stand-in for @wordpress/block-editor in Jest: the inspector is a slot filled only inside a full
 * editor, so here its controls render in place, and the block wrapper's props are the block's own.
 *
 * Use: jest.mock( '@wordpress/block-editor', () => jest.requireActual( '<path to this file>' ) );
 */

/**
 * External dependencies
 */
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * The inspector's controls, rendered where they stand.
 *
 * @param props          Component props.
 * @param props.children The controls.
 */
export function InspectorControls( { children }: { children?: ReactNode } ) {
	return <>{ children }</>;
}

/**
 * The block wrapper's props, without the editor's own.
 *
 * @param props The block's own wrapper props.
 * @return The same props.
 */
export function useBlockProps( props: HTMLAttributes< HTMLElement > = {} ) {
	return props;
}
