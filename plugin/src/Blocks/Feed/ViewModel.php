<?php
/**
 * What the feed block shows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Feed\ReasonText;
use Switchboard\Feed\RecentPosts;
use WP_Post;
use WP_Query;

/**
 * Everything render.php prints for switchboard/feed, as plain values.
 *
 * The server list is the same for every visitor, so full-page caches can keep the page: the pinned posts,
 * then the most recent or most popular posts within the block's scope, never the post being read and never
 * a post a feed block above listed. Personalization happens in the browser, after consent, from the
 * context this model gives the view (`context`).
 *
 * @phpstan-import-type ItemArray from FeedItem
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
	 * Holds the values; use from_attributes().
	 *
	 * @param string         $heading       Heading text.
	 * @param string         $uid           Unique prefix of the block's element ids.
	 * @param string         $layout        One of LAYOUTS.
	 * @param bool           $show_image    Whether items show their featured image.
	 * @param bool           $show_excerpt  Whether items show their excerpt.
	 * @param bool           $show_date     Whether items show their date.
	 * @param bool           $show_author   Whether items show their author.
	 * @param bool           $show_category Whether items show their category.
	 * @param bool           $show_reason   Whether items show why they are listed.
	 * @param bool           $personalize   Whether the browser may personalize the list after consent.
	 * @param Scope          $scope         Categories, tags and pinned posts.
	 * @param int            $count         Posts the block asks for.
	 * @param list<FeedItem> $items         The server list, in order.
	 */
	private function __construct(
		public readonly string $heading,
		public readonly string $uid,
		public readonly string $layout,
		public readonly bool $show_image,
		public readonly bool $show_excerpt,
		public readonly bool $show_date,
		public readonly bool $show_author,
		public readonly bool $show_category,
		public readonly bool $show_reason,
		public readonly bool $personalize,
		public readonly Scope $scope,
		public readonly int $count,
		public readonly array $items
	) {}

	/**
	 * Builds the feed for a block, and records its posts in the page's registry.
	 *
	 * @param array<string, mixed> $attributes      Block attributes, as WordPress passes them to render.php.
	 * @param int                  $current_post_id The post being read (block context `postId`), 0 when none; never listed.
	 * @param RenderedPosts|null   $rendered        Posts listed by the page's other feed blocks; the page's own by default.
	 * @param GatewayFeed|null     $gateway         Source of the popular list.
	 * @return self
	 */
	public static function from_attributes( array $attributes, int $current_post_id, ?RenderedPosts $rendered = null, ?GatewayFeed $gateway = null ): self {
		$rendered ??= RenderedPosts::current();
		$layout     = self::one_of( $attributes['layout'] ?? null, self::LAYOUTS );
		$fallback   = self::one_of( $attributes['fallback'] ?? null, self::FALLBACKS );
		$scope      = Scope::from_attributes( $attributes );
		$count      = self::count( $attributes );

		$exclude = $rendered->ids();
		if ( $current_post_id > 0 ) {
			$exclude[] = $current_post_id;
		}

		$items = self::pinned( $scope, $exclude, $count );
		$taken = array_merge( $exclude, array_map( fn( FeedItem $item ): int => $item->post_id, $items ) );
		$left  = $count - count( $items );
		if ( $left > 0 && 'popular' === $fallback ) {
			$ids = ( $gateway ?? new GatewayFeed() )->popular( $scope, $left, $taken );
			if ( null !== $ids ) {
				$popular = self::posts_in( array_values( array_diff( $ids, $taken ) ), $left, ReasonText::of( 'popular' ) );
				$items   = array_merge( $items, $popular );
				$taken   = array_merge( $taken, array_map( fn( FeedItem $item ): int => $item->post_id, $popular ) );
				$left   -= count( $popular );
			}
		}
		if ( $left > 0 ) {
			$items = array_merge( $items, self::listed( $attributes, $current_post_id, $taken, $left, $fallback ) );
		}
		$rendered->add( array_map( fn( FeedItem $item ): int => $item->post_id, $items ) );

		$heading = is_string( $attributes['heading'] ?? null ) ? trim( $attributes['heading'] ) : '';
		if ( '' === $heading ) {
			$heading = 'popular' === $fallback ? __( 'Popular posts', 'switchboard' ) : __( 'Latest posts', 'switchboard' );
		}

		return new self(
			$heading,
			wp_unique_id( 'switchboard-feed-' ),
			$layout,
			'compact' !== $layout && (bool) ( $attributes['showImage'] ?? true ),
			'compact' !== $layout && (bool) ( $attributes['showExcerpt'] ?? true ),
			(bool) ( $attributes['showDate'] ?? true ),
			(bool) ( $attributes['showAuthor'] ?? false ),
			(bool) ( $attributes['showCategory'] ?? false ),
			(bool) ( $attributes['showReason'] ?? true ),
			(bool) ( $attributes['personalize'] ?? true ),
			$scope,
			$count,
			$items
		);
	}

	/**
	 * The `id` of the block's heading, which labels the section.
	 *
	 * @return string
	 */
	public function heading_id(): string {
		return $this->uid . '-heading';
	}

	/**
	 * The `id` of an item's title, which labels its image link when the image has no alt text. By position,
	 * so it stays right when the browser swaps the item's content.
	 *
	 * @param int $position Item position, from 0.
	 * @return string
	 */
	public function title_id( int $position ): string {
		return $this->uid . '-item-' . $position;
	}

	/**
	 * The block's Interactivity context: its slot in `POST /feed/personal`, whether it takes part, and the
	 * server list (contract item JSON), which the view keeps to fill a short answer and to restore.
	 *
	 * @return array{personalize: bool, slot: array<string, int|list<int>>, items: list<ItemArray>}
	 */
	public function context(): array {
		return array(
			'personalize' => $this->personalize,
			'slot'        => $this->scope->slot( $this->count ),
			'items'       => array_map( fn( FeedItem $item ): array => $item->to_array(), $this->items ),
		);
	}

	/**
	 * The `WP_Query` arguments of the server list, filterable with `switchboard_feed_query_args`.
	 *
	 * @param array<string, mixed> $attributes      Block attributes.
	 * @param int                  $current_post_id Post to leave out, 0 for none.
	 * @param list<int>            $exclude         Other posts to leave out.
	 * @param int|null             $count           Posts to fetch; the block's count when null.
	 * @return array<string, mixed>
	 */
	public static function query_args( array $attributes, int $current_post_id, array $exclude = array(), ?int $count = null ): array {
		$not_in = $exclude;
		if ( $current_post_id > 0 ) {
			$not_in[] = $current_post_id;
		}
		$args  = RecentPosts::query_args(
			min( self::COUNT_MAX, max( self::COUNT_MIN, $count ?? self::count( $attributes ) ) ),
			$not_in,
			self::one_of( $attributes['fallback'] ?? null, self::FALLBACKS )
		);
		$args += Scope::from_attributes( $attributes )->query_args();

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
	 * The pinned posts that are published and not excluded, in the editor's order.
	 *
	 * @param Scope     $scope   The block's scope.
	 * @param list<int> $exclude Posts to leave out.
	 * @param int       $count   At most this many.
	 * @return list<FeedItem>
	 */
	private static function pinned( Scope $scope, array $exclude, int $count ): array {
		$ids = array_values( array_diff( $scope->pinned, $exclude ) );

		return self::posts_in( $ids, $count, ReasonText::of( 'pinned' ) );
	}

	/**
	 * Published, unprotected posts among IDs, in the IDs' order.
	 *
	 * @param list<int> $ids    Post IDs.
	 * @param int       $count  At most this many.
	 * @param string    $reason Reason of each item.
	 * @return list<FeedItem>
	 */
	private static function posts_in( array $ids, int $count, string $reason ): array {
		if ( array() === $ids ) {
			return array();
		}
		$query = new WP_Query(
			array(
				'post_type'           => 'post',
				'post_status'         => 'publish',
				'has_password'        => false,
				'post__in'            => $ids,
				'orderby'             => 'post__in',
				'posts_per_page'      => $count, // phpcs:ignore WordPress.WP.PostsPerPage.posts_per_page_posts_per_page -- at most COUNT_MAX (12).
				'ignore_sticky_posts' => true,
				'no_found_rows'       => true,
			)
		);

		return self::items( $query, $reason );
	}

	/**
	 * The recent or popular posts of the block's own query.
	 *
	 * @param array<string, mixed> $attributes      Block attributes.
	 * @param int                  $current_post_id The post being read.
	 * @param list<int>            $exclude         Posts to leave out.
	 * @param int                  $count           How many.
	 * @param string               $fallback        `recent` or `popular`.
	 * @return list<FeedItem>
	 */
	private static function listed( array $attributes, int $current_post_id, array $exclude, int $count, string $fallback ): array {
		$query = new WP_Query( self::query_args( $attributes, $current_post_id, $exclude, $count ) );

		return self::items( $query, ReasonText::of( 'popular' === $fallback ? 'popular' : 'recent' ) );
	}

	/**
	 * The query's posts as items.
	 *
	 * @param WP_Query $query  A run query.
	 * @param string   $reason Reason of each item.
	 * @return list<FeedItem>
	 */
	private static function items( WP_Query $query, string $reason ): array {
		update_post_thumbnail_cache( $query );
		$items = array();
		foreach ( $query->posts ?? array() as $post ) {
			if ( $post instanceof WP_Post ) {
				$items[] = FeedItem::from_post( $post, $reason );
			}
		}

		return $items;
	}

	/**
	 * The block's `count`, within bounds.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return int
	 */
	private static function count( array $attributes ): int {
		$count = is_numeric( $attributes['count'] ?? null ) ? (int) $attributes['count'] : self::COUNT_DEFAULT;

		return min( self::COUNT_MAX, max( self::COUNT_MIN, $count ) );
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
