/**
 * Internal dependencies
 */
import type { AttributesOf } from '../shared/types/block-json';
import type metadata from './block.json';

/** The search block's attributes, read from its block.json. */
export type SearchAttributes = AttributesOf< typeof metadata >;
