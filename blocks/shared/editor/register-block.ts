/**
 * WordPress dependencies
 */
import {
	registerBlockType,
	type BlockConfiguration,
	type BlockEditProps,
	type BlockType,
} from '@wordpress/blocks';
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import type {
	AttributesOf,
	BlockJson,
	CheckedBlockJson,
} from '../types/block-json';

/** What a block adds to its `block.json` in the editor. */
export interface BlockEditorSettings< M extends BlockJson > {
	edit: ComponentType< BlockEditProps< AttributesOf< M > > >;
}

/**
 * Registers a block from its `block.json`, with an edit component typed by that same file.
 *
 * The attribute types come from the metadata (see `AttributesOf`), so an edit component written for
 * other attributes, or a `default` that does not match its `type`, fails to compile here.
 *
 * @param metadata The block's `block.json`, imported.
 * @param settings The editor-only settings.
 * @return The registered block type, or undefined when WordPress refused it.
 */
export function registerBlock< M extends BlockJson >(
	metadata: CheckedBlockJson< M >,
	settings: BlockEditorSettings< M >
): BlockType | undefined {
	// The one cast: a literal, read-only `block.json` has checked attribute types that
	// @wordpress/blocks' looser, mutable `BlockConfiguration` cannot express.
	const configuration = metadata as unknown as BlockConfiguration<
		AttributesOf< M >
	>;
	return registerBlockType( configuration, settings );
}
