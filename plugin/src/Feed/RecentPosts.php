<?php
/**
 * WordPress's own feed, for when the service cannot answer.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use WP_Post;
use WP_Query;

/**
 * Recent (or most commented) published posts within a feed's scope: the categories and tags to include
 * or leave out, and posts never to list.
 */
final class RecentPosts {

	/**
	 * The posts.
	 *
	 * @param int          $count   How many, at most.
	 * @param array<mixed> $scope   `category`, `exclude_category`, `tag`, `exclude_tag`: id lists or
	 *                              comma-separated ids, as the routes validated them.
	 * @param list<int>    $exclude Posts never to list.
	 * @param string       $order   `recent` or `popular` (most commented first).
	 * @return list<WP_Post>
	 */
	public static function find( int $count, array $scope, array $exclude, string $order = 'recent' ): array {
		if ( $count < 1 ) {
			return array();
		}

		$args  = self::query_args( $count, $exclude, $order );
		$lists = array(
			'category'         => 'category__in',
			'exclude_category' => 'category__not_in',
			'tag'              => 'tag__in',
			'exclude_tag'      => 'tag__not_in',
		);
		foreach ( $lists as $name => $query_var ) {
			$ids = Ids::from( $scope[ $name ] ?? null );
			if ( array() !== $ids ) {
				$args[ $query_var ] = $ids;
			}
		}

		return array_values( Hydrator::prime( new WP_Query( $args ) ) );
	}

	/**
	 * The `WP_Query` arguments every feed list without the service shares (the gateway's fallback here, the
	 * block's server-rendered list): the feed's post types, published and unprotected, newest or most
	 * commented first, without the excluded posts. Callers add the scope.
	 *
	 * @param int       $count   How many, at most.
	 * @param list<int> $exclude Posts never to list.
	 * @param string    $order   `recent` or `popular` (most commented first).
	 * @return array<string, mixed>
	 */
	public static function query_args( int $count, array $exclude, string $order ): array {
		$args = array(
			'post_type'              => Hydrator::post_types(),
			'post_status'            => 'publish',
			'has_password'           => false,
			'posts_per_page'         => $count,
			'ignore_sticky_posts'    => true,
			'no_found_rows'          => true,
			'update_post_term_cache' => true,
			'orderby'                => 'popular' === $order
				? array(
					'comment_count' => 'DESC',
					'date'          => 'DESC',
				)
				: array(
					'date' => 'DESC',
					'ID'   => 'DESC',
				),
		);
		if ( array() !== $exclude ) {
			$args['post__not_in'] = array_values( array_unique( $exclude ) ); // phpcs:ignore WordPressVIPMinimum.Performance.WPQueryParams.PostNotIn_post__not_in -- at most a page's feed posts plus 50 ids.
		}

		return $args;
	}
}
