<?php
/**
 * The feed service's gateway routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Routes;

use Switchboard\Gateway\Route;
use WP_Post;
use WP_Query;

/**
 * `GET switchboard/v1/feed`: a visitor's feed. Personalized, so never stored by the gateway, a browser or a
 * CDN; when the service fails the visitor gets the most recent posts instead.
 */
final class FeedRoutes {

	/**
	 * The routes.
	 *
	 * @return list<Route>
	 */
	public static function routes(): array {
		return array(
			new Route(
				'feed/items',
				'feed',
				'/feed',
				'GET',
				'/v1/feed',
				Route::ACCESS_PUBLIC,
				array(
					'per_page' => array(
						'description' => __( 'Items to return.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 24,
						'default'     => 6,
					),
				),
				self::response_schema(),
				null,
				null,
				static fn( array $args ): array => self::recent( is_int( $args['per_page'] ?? null ) ? $args['per_page'] : 6 )
			),
		);
	}

	/**
	 * The fields passed back to the browser.
	 *
	 * @return array<string, mixed>
	 */
	public static function response_schema(): array {
		return array(
			'type'       => 'object',
			'required'   => array( 'items' ),
			'properties' => array(
				'items' => array(
					'type'     => 'array',
					'maxItems' => 24,
					'items'    => PostSummary::schema(),
				),
			),
		);
	}

	/**
	 * The most recent published posts, in the feed's shape.
	 *
	 * @param int $count How many.
	 * @return array{items: list<array<string, int|string>>}
	 */
	private static function recent( int $count ): array {
		$query = new WP_Query(
			array(
				'post_type'              => 'post',
				'post_status'            => 'publish',
				'has_password'           => false,
				'posts_per_page'         => $count,
				'ignore_sticky_posts'    => true,
				'no_found_rows'          => true,
				'update_post_term_cache' => false,
			)
		);

		$items = array();
		foreach ( $query->posts ?? array() as $post ) {
			if ( $post instanceof WP_Post ) {
				$items[] = PostSummary::of( $post );
			}
		}

		return array( 'items' => $items );
	}
}
