/**
 * Internal dependencies
 */
import type { AttributesOf } from '../shared/types/block-json';
import type metadata from './block.json';

/** The feed block's attributes, read from its block.json. */
export type FeedAttributes = AttributesOf< typeof metadata >;

/** One of the feed's layouts, as block.json enumerates them. */
export type FeedLayout = FeedAttributes[ 'layout' ];

/** Which posts the server list shows before any personalization. */
export type FeedFallback = FeedAttributes[ 'fallback' ];
