/**
 * Internal dependencies
 */
import type { FeedItem } from '../../shared/types/feed';
import type { BlockSpec } from '../slots';

/**
 * An item as the gateway sends it.
 *
 * @param id    Post id.
 * @param extra Fields to change.
 * @return The item.
 */
export function item( id: number, extra: Partial< FeedItem > = {} ): FeedItem {
	return {
		id,
		title: `Post ${ id }`,
		url: `https://example.test/?p=${ id }`,
		excerpt: `Excerpt ${ id }`,
		date_iso: '2024-01-02T03:04:05+00:00',
		date_display: 'January 2, 2024',
		author: `Author ${ id }`,
		category: `Category ${ id }`,
		category_url: `https://example.test/?cat=${ id }`,
		reason: 'New',
		image: null,
		...extra,
	};
}

/**
 * A block's context as render.php prints it.
 *
 * @param ids         Server list post ids.
 * @param personalize Whether it takes part.
 * @return The spec.
 */
export function block( ids: number[], personalize = true ): BlockSpec {
	return {
		personalize,
		slot: {
			count: 6,
			category: [ 4 ],
			exclude_category: [],
			tag: [],
			exclude_tag: [ 9 ],
			pinned: [ 2 ],
		},
		items: ids.map( ( id ) => item( id ) ),
	};
}
