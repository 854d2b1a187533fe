/**
 * Internal dependencies
 */
import type {
	FeedSlot,
	PreviewRequest,
	SampleProfileWeights,
} from '../shared/types/feed';
import type { FeedAttributes } from './types';

/** The attributes a slot is made of. */
export type SlotAttributes = Pick<
	FeedAttributes,
	| 'count'
	| 'includeCategories'
	| 'excludeCategories'
	| 'includeTags'
	| 'excludeTags'
	| 'pinned'
>;

/**
 * The block's slot, as the view asks `POST /feed/personal` for it (render.php's Scope::slot()).
 *
 * @param attributes The block's attributes.
 * @return The slot.
 */
export function slotOf( attributes: SlotAttributes ): FeedSlot {
	return {
		count: attributes.count,
		category: [ ...attributes.includeCategories ],
		exclude_category: [ ...attributes.excludeCategories ],
		tag: [ ...attributes.includeTags ],
		exclude_tag: [ ...attributes.excludeTags ],
		pinned: [ ...attributes.pinned ],
	};
}

/**
 * The `POST /feed/preview` body: this block as the only slot, read by a sample reader.
 *
 * @param attributes The block's attributes.
 * @param profile    The sample reader's weights.
 * @param postId     The post being edited (never listed), 0 for none.
 * @return The body.
 */
export function previewRequest(
	attributes: SlotAttributes,
	profile: SampleProfileWeights,
	postId: number
): PreviewRequest {
	return {
		...( postId > 0 ? { context: postId } : {} ),
		exclude: [],
		slots: [ slotOf( attributes ) ],
		profile,
	};
}
