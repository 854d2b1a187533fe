<?php
/**
 * Turns the feed service's post ids into items.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use Switchboard\Blocks\Feed\FeedItem;
use WP_Post;
use WP_Query;

/**
 * The service ranks ids; WordPress says what they are (the block's FeedItem, so an item reads the same
 * as in the server-rendered list). Only published posts without a password, of the
 * types the feed lists, become items, so a stale catalogue can never show a private, draft or trashed
 * post. The service's order is kept; ids WordPress does not know (or will not show) are dropped.
 *
 * All the ids of an answer (every slot) are read with one query, with their featured images, terms and
 * authors primed, so hydrating costs the same few queries for 6 items or 72.
 */
final class Hydrator {

	/**
	 * Items for the service's references, in order.
	 *
	 * @param list<array<mixed>> $refs `{id, reason: {kind, id?}}` as the route's response schema checked them.
	 * @return list<array<string, mixed>>
	 */
	public static function items( array $refs ): array {
		return self::slots( array( $refs ) )[0];
	}

	/**
	 * Items for several slots' references, each slot in order, with one query for all of them.
	 *
	 * @param list<list<array<mixed>>> $slots References per slot.
	 * @return list<list<array<string, mixed>>>
	 */
	public static function slots( array $slots ): array {
		$ids = array();
		foreach ( $slots as $refs ) {
			foreach ( $refs as $ref ) {
				$ids[] = $ref['id'] ?? null;
			}
		}
		$posts = self::showable( Ids::from( $ids ) );

		$hydrated = array();
		foreach ( $slots as $refs ) {
			$items = array();
			foreach ( $refs as $ref ) {
				$id   = is_int( $ref['id'] ?? null ) ? $ref['id'] : 0;
				$post = $posts[ $id ] ?? null;
				if ( null === $post ) {
					continue;
				}
				$reason  = is_array( $ref['reason'] ?? null ) ? $ref['reason'] : array();
				$items[] = self::item( $post, ReasonText::of( is_string( $reason['kind'] ?? null ) ? $reason['kind'] : '', is_int( $reason['id'] ?? null ) ? $reason['id'] : 0 ) );
			}
			$hydrated[] = $items;
		}

		return $hydrated;
	}

	/**
	 * Items for posts WordPress chose itself (the fallbacks), with the same text.
	 *
	 * @param list<WP_Post> $posts   Posts, already limited to published ones.
	 * @param list<string>  $reasons Reason text per post, by position.
	 * @return list<array<string, mixed>>
	 */
	public static function of_posts( array $posts, array $reasons ): array {
		$items = array();
		foreach ( $posts as $index => $post ) {
			$items[] = self::item( $post, $reasons[ $index ] ?? '' );
		}

		return $items;
	}

	/**
	 * The post types the feed lists (`post` unless filtered).
	 *
	 * @return list<string>
	 */
	public static function post_types(): array {
		/**
		 * Filters the post types the personalized feed may show.
		 *
		 * @param list<string> $types Default `array( 'post' )`.
		 */
		$types = apply_filters( 'switchboard_feed_post_types', array( 'post' ) );
		$types = is_array( $types ) ? array_values( array_filter( $types, 'is_string' ) ) : array();

		return array() === $types ? array( 'post' ) : $types;
	}

	/**
	 * The showable posts among ids, in the ids' order, keyed by id, with what items read primed.
	 *
	 * @param list<int> $ids Post ids.
	 * @return array<int, WP_Post>
	 */
	public static function showable( array $ids ): array {
		if ( array() === $ids ) {
			return array();
		}

		$query = new WP_Query(
			array(
				'post_type'              => self::post_types(),
				'post_status'            => 'publish',
				'has_password'           => false,
				'post__in'               => $ids,
				'orderby'                => 'post__in',
				'posts_per_page'         => count( $ids ), // phpcs:ignore WordPress.WP.PostsPerPage.posts_per_page_posts_per_page -- at most 72 (6 slots of 12), bounded by the route's schema.
				'ignore_sticky_posts'    => true,
				'no_found_rows'          => true,
				'update_post_term_cache' => true,
				'update_post_meta_cache' => true,
			)
		);

		return self::prime( $query );
	}

	/**
	 * Primes featured images and authors of a query's posts and keys them by id.
	 *
	 * @param WP_Query $query Query that ran.
	 * @return array<int, WP_Post>
	 */
	public static function prime( WP_Query $query ): array {
		$posts   = array();
		$authors = array();
		foreach ( $query->posts ?? array() as $post ) {
			if ( $post instanceof WP_Post ) {
				$posts[ $post->ID ]                  = $post;
				$authors[ (int) $post->post_author ] = (int) $post->post_author;
			}
		}
		if ( array() !== $posts ) {
			update_post_thumbnail_cache( $query );
			cache_users( array_values( $authors ) );
		}

		return $posts;
	}

	/**
	 * One item.
	 *
	 * @param WP_Post $post   Post.
	 * @param string  $reason Reason text.
	 * @return array<string, mixed>
	 */
	private static function item( WP_Post $post, string $reason ): array {
		return FeedItem::from_post( $post, $reason )->to_array();
	}
}
