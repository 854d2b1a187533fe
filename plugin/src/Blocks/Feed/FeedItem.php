<?php
/**
 * One post in the feed.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Blocks\Image;

/**
 * A post as the feed shows it, as plain values for render.php to escape.
 */
final class FeedItem {

	/**
	 * Holds the values.
	 *
	 * @param int        $post_id       Post ID.
	 * @param string     $title_id      Unique `id` of the title, which labels the image link when the image has no alt text.
	 * @param string     $title         Title as text (may hold HTML entities, never tags).
	 * @param string     $url           Permalink.
	 * @param string     $excerpt       Excerpt as text; empty when not shown.
	 * @param string     $date_iso      Publication date in W3C format, for `<time datetime>`.
	 * @param string     $date_display  Publication date in the site's date format.
	 * @param string     $author        Author's display name; empty when not shown.
	 * @param string     $category      Name of the post's first category; empty when not shown.
	 * @param string     $category_url  Archive URL of that category.
	 * @param Image|null $image         Featured image; null when there is none or it is not shown.
	 */
	public function __construct(
		public readonly int $post_id,
		public readonly string $title_id,
		public readonly string $title,
		public readonly string $url,
		public readonly string $excerpt,
		public readonly string $date_iso,
		public readonly string $date_display,
		public readonly string $author,
		public readonly string $category,
		public readonly string $category_url,
		public readonly ?Image $image
	) {}
}
