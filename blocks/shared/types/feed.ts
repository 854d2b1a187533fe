/**
 * The feed's payloads (issue 6 contract), as the gateway's `switchboard/v1/feed*` routes pass them to the
 * browser and the editor. Items are built by PHP (Switchboard\Blocks\Feed\FeedItem::to_array()).
 */

export interface FeedImage {
	src: string;
	srcset: string;
	sizes: string;
	width: number;
	height: number;
	alt: string;
}

/** One post, every field filled; each block shows the fields it is set to show. */
export interface FeedItem {
	id: number;
	title: string;
	url: string;
	excerpt: string;
	date_iso: string;
	date_display: string;
	author: string;
	category: string;
	category_url: string;
	/** Translated, e.g. "Because you read News"; may be empty. */
	reason: string;
	image: FeedImage | null;
}

/** A block's place in `POST /feed/personal`: how many posts, within which scope, which pinned first. */
export interface FeedSlot {
	count: number;
	category: number[];
	exclude_category: number[];
	tag: number[];
	exclude_tag: number[];
	pinned: number[];
}

/** `POST /feed/personal`. */
export interface PersonalRequest {
	visitor?: string;
	context?: number;
	exclude: number[];
	slots: FeedSlot[];
}

/** `fallback`: the service did not answer and the gateway sent non-personal lists. */
export type FeedMode = 'personalized' | 'holdout' | 'cold' | 'fallback';

/** Answer of `POST /feed/personal` and `POST /feed/preview`. */
export interface PersonalAnswer {
	request_id: string;
	mode: FeedMode;
	slots: Array< { items: FeedItem[] } >;
}

/** Weights (reads) per term or author id. */
export interface SampleProfileWeights {
	category: Record< string, number >;
	tag: Record< string, number >;
	author: Record< string, number >;
}

/** `POST /feed/preview`: a personal request as a sample reader. */
export interface PreviewRequest {
	context?: number;
	exclude: number[];
	slots: FeedSlot[];
	profile: SampleProfileWeights;
}

/** One entry of `GET /feed/profiles`. */
export interface SampleProfile {
	id: string;
	label: string;
	profile: SampleProfileWeights;
}

export type FeedEventType = 'impression' | 'view' | 'click';

/** One visitor event of `POST /feed/events`. */
export interface FeedEvent {
	type: FeedEventType;
	post: number;
	/** The request id of the feed answer that showed the post; absent for `view`. */
	feed?: string;
	position?: number;
}

/** `POST /feed/events`. */
export interface EventsRequest {
	visitor?: string;
	events: FeedEvent[];
}
