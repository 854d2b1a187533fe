<?php
/**
 * One search result.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * A found post, as plain text values for render.php to escape.
 */
final class Result {

	/**
	 * Holds the values.
	 *
	 * @param int    $post_id      Post ID.
	 * @param string $title        Title as text (may hold HTML entities, never tags).
	 * @param string $url          Permalink.
	 * @param string $excerpt      Excerpt as text (may hold HTML entities, never tags).
	 * @param string $date_iso     Publication date in W3C format, for `<time datetime>`.
	 * @param string $date_display Publication date in the site's date format.
	 * @param string $type_label   Singular name of the post type, e.g. "Page".
	 * @param int    $thumbnail_id Featured image attachment ID, 0 when there is none.
	 */
	public function __construct(
		public readonly int $post_id,
		public readonly string $title,
		public readonly string $url,
		public readonly string $excerpt,
		public readonly string $date_iso,
		public readonly string $date_display,
		public readonly string $type_label,
		public readonly int $thumbnail_id
	) {}
}
