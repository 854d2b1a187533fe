<?php
/**
 * What the feed block shows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Blocks\Image;
use WP_Post;
use WP_Query;

/**
 * Everything render.php prints for switchboard/feed, as plain values.
 *
 * The list is the same for every visitor (published posts within the chosen categories, never the post
 * being read), so full-page caches can keep the page; personalization will happen in the browser, after
 * consent. "Popular" means most commented until the feed service provides real popularity.
 */
final class ViewModel {

	/**
	 * Bounds and default of the `count` attribute.
	 */
	public const COUNT_MIN     = 1;
	public const COUNT_MAX     = 12;
	public const COUNT_DEFAULT = 6;

	/**
	 * Layouts and fallbacks block.json allows; the first of each is the default.
	 */
	public const LAYOUTS   = array( 'list', 'grid', 'compact' );
	public const FALLBACKS = array( 'recent', 'popular' );

	/**
	 * Featured image size per layout that shows images.
	 */
	private const IMAGE_SIZES = array(
		'list' => 'medium',
		'grid' => 'medium_large',
	);

	/**
	 * Holds the values; use from_attributes().
	 *
	 * @param string         $heading    Heading text.
	 * @param string         $heading_id Unique `id` of the heading, which labels the section.
	 * @param string         $layout     One of LAYOUTS.
	 * @param bool           $show_date  Whether posts show their date.
	 * @param list<FeedItem> $items      The posts, in order.
	 */
	private function __construct(
		public readonly string $heading,
		public readonly string $heading_id,
		public readonly string $layout,
		public readonly bool $show_date,
		public readonly array $items
	) {}

	/**
	 * Builds the feed for a block.
	 *
	 * @param array<string, mixed> $attributes      Block attributes, as WordPress passes them to render.php.
	 * @param int                  $current_post_id The post being read (block context `postId`), 0 when none; never listed.
	 * @return self
	 */
	public static function from_attributes( array $attributes, int $current_post_id ): self {
		$layout   = self::one_of( $attributes['layout'] ?? null, self::LAYOUTS );
		$fallback = self::one_of( $attributes['fallback'] ?? null, self::FALLBACKS );
		$uid      = wp_unique_id( 'switchboard-feed-' );

		$show_image    = 'compact' !== $layout && (bool) ( $attributes['showImage'] ?? true );
		$show_excerpt  = 'compact' !== $layout && (bool) ( $attributes['showExcerpt'] ?? true );
		$show_author   = (bool) ( $attributes['showAuthor'] ?? false );
		$show_category = (bool) ( $attributes['showCategory'] ?? false );
		$image_size    = self::IMAGE_SIZES[ $layout ] ?? 'medium';

		$query = new WP_Query( self::query_args( $attributes, $current_post_id ) );
		if ( $show_image ) {
			update_post_thumbnail_cache( $query );
		}

		$items = array();
		foreach ( $query->posts ?? array() as $post ) {
			if ( ! $post instanceof WP_Post ) {
				continue;
			}
			$title    = trim( wp_strip_all_tags( get_the_title( $post ) ) );
			$category = $show_category ? self::first_category( $post ) : null;
			$items[]  = new FeedItem(
				$post->ID,
				$uid . '-post-' . $post->ID,
				'' === $title ? __( '(no title)', 'switchboard' ) : $title,
				(string) get_permalink( $post ),
				$show_excerpt ? trim( wp_strip_all_tags( get_the_excerpt( $post ) ) ) : '',
				(string) get_the_date( DATE_W3C, $post ),
				(string) get_the_date( '', $post ),
				$show_author ? (string) get_the_author_meta( 'display_name', (int) $post->post_author ) : '',
				null === $category ? '' : $category->name,
				null === $category ? '' : (string) get_category_link( $category ),
				$show_image ? Image::from_attachment( (int) get_post_thumbnail_id( $post ), $image_size ) : null
			);
		}

		$heading = is_string( $attributes['heading'] ?? null ) ? trim( $attributes['heading'] ) : '';
		if ( '' === $heading ) {
			$heading = 'popular' === $fallback ? __( 'Popular posts', 'switchboard' ) : __( 'Latest posts', 'switchboard' );
		}

		return new self( $heading, $uid . '-heading', $layout, (bool) ( $attributes['showDate'] ?? true ), $items );
	}

	/**
	 * The `WP_Query` arguments of the feed, filterable with `switchboard_feed_query_args`.
	 *
	 * @param array<string, mixed> $attributes      Block attributes.
	 * @param int                  $current_post_id Post to leave out, 0 for none.
	 * @return array<string, mixed>
	 */
	public static function query_args( array $attributes, int $current_post_id ): array {
		$count = is_numeric( $attributes['count'] ?? null ) ? (int) $attributes['count'] : self::COUNT_DEFAULT;

		$args = array(
			'post_type'              => 'post',
			'post_status'            => 'publish',
			'has_password'           => false,
			'posts_per_page'         => min( self::COUNT_MAX, max( self::COUNT_MIN, $count ) ), // phpcs:ignore WordPress.WP.PostsPerPage.posts_per_page_posts_per_page -- at most COUNT_MAX (12).
			'ignore_sticky_posts'    => true,
			'no_found_rows'          => true,
			'update_post_term_cache' => (bool) ( $attributes['showCategory'] ?? false ),
			'orderby'                => 'popular' === self::one_of( $attributes['fallback'] ?? null, self::FALLBACKS )
				? array(
					'comment_count' => 'DESC',
					'date'          => 'DESC',
				)
				: array(
					'date' => 'DESC',
					'ID'   => 'DESC',
				),
		);
		if ( $current_post_id > 0 ) {
			$args['post__not_in'] = array( $current_post_id );
		}
		$include = self::term_ids( $attributes['includeCategories'] ?? array() );
		if ( array() !== $include ) {
			$args['category__in'] = $include;
		}
		$exclude = self::term_ids( $attributes['excludeCategories'] ?? array() );
		if ( array() !== $exclude ) {
			$args['category__not_in'] = $exclude;
		}

		/**
		 * Filters the query of the feed block's server-rendered list (for example to add a custom post type).
		 * The list is shown to every visitor and cached with the page: keep it free of per-visitor data.
		 *
		 * @param array<string, mixed> $args            `WP_Query` arguments.
		 * @param array<string, mixed> $attributes      The block's attributes.
		 * @param int                  $current_post_id The post being read, 0 when none.
		 */
		$filtered = (array) apply_filters( 'switchboard_feed_query_args', $args, $attributes, $current_post_id );

		// `WP_Query` reads only named arguments; a numeric key a filter may have added means nothing to it.
		return array_filter( $filtered, 'is_string', ARRAY_FILTER_USE_KEY );
	}

	/**
	 * The post's first category, by name, the way themes usually show one.
	 *
	 * @param WP_Post $post A post.
	 * @return \WP_Term|null
	 */
	private static function first_category( WP_Post $post ): ?\WP_Term {
		$categories = get_the_category( $post->ID );
		usort( $categories, fn( \WP_Term $a, \WP_Term $b ): int => strcasecmp( $a->name, $b->name ) );

		return $categories[0] ?? null;
	}

	/**
	 * Positive, unique term IDs from an attribute.
	 *
	 * @param mixed $value Attribute value.
	 * @return list<int>
	 */
	private static function term_ids( mixed $value ): array {
		if ( ! is_array( $value ) ) {
			return array();
		}

		$ids = array_map( 'intval', array_filter( $value, 'is_numeric' ) );

		return array_values( array_unique( array_filter( $ids, fn( int $id ): bool => $id > 0 ) ) );
	}

	/**
	 * A value from a list, or the list's first value.
	 *
	 * @param mixed              $value   Attribute value.
	 * @param array<int, string> $allowed Allowed values, the default first.
	 * @return string
	 */
	private static function one_of( mixed $value, array $allowed ): string {
		return in_array( $value, $allowed, true ) ? (string) $value : $allowed[0];
	}
}
