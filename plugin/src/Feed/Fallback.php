<?php
/**
 * The feed routes' answers when the service fails.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

/**
 * Answers in the routes' final shape from WordPress alone: recent posts within each scope, never the post
 * being read, never a post twice, pinned posts first. No request id (nothing to attribute events to) and,
 * for the slot routes, mode `fallback`.
 */
final class Fallback {

	/**
	 * The non-personal feed (`GET /feed`).
	 *
	 * @param array<mixed> $args The route's validated arguments.
	 * @return array{items: list<array<string, mixed>>, request_id: null}
	 */
	public static function items( array $args ): array {
		$order = 'popular' === ( $args['order'] ?? 'popular' ) ? 'popular' : 'recent';
		$posts = RecentPosts::find( is_int( $args['per_page'] ?? null ) ? $args['per_page'] : 6, $args, Ids::from( $args['exclude'] ?? null ), $order );
		$text  = ReasonText::of( $order );

		return array(
			'items'      => Hydrator::of_posts( $posts, array_fill( 0, count( $posts ), $text ) ),
			'request_id' => null,
		);
	}

	/**
	 * The slot feeds (`POST /feed/personal`, `POST /feed/preview`).
	 *
	 * @param array<mixed> $args The route's validated body.
	 * @return array{request_id: null, mode: string, slots: list<array{items: list<array<string, mixed>>}>}
	 */
	public static function slots( array $args ): array {
		$used = Ids::from( $args['exclude'] ?? null );
		if ( is_int( $args['context'] ?? null ) ) {
			$used[] = $args['context'];
		}
		$slots = is_array( $args['slots'] ?? null ) ? array_values( array_filter( $args['slots'], 'is_array' ) ) : array();

		$pinned_ids = array();
		foreach ( $slots as $slot ) {
			$pinned_ids = array_merge( $pinned_ids, Ids::from( $slot['pinned'] ?? null ) );
		}
		$pinned = Hydrator::showable( Ids::from( $pinned_ids ) );

		$answer = array();
		foreach ( $slots as $slot ) {
			$count   = is_int( $slot['count'] ?? null ) ? $slot['count'] : 6;
			$posts   = array();
			$reasons = array();
			foreach ( Ids::from( $slot['pinned'] ?? null ) as $id ) {
				if ( isset( $pinned[ $id ] ) && ! in_array( $id, $used, true ) && count( $posts ) < $count ) {
					$posts[]   = $pinned[ $id ];
					$reasons[] = ReasonText::of( 'pinned' );
					$used[]    = $id;
				}
			}
			foreach ( RecentPosts::find( $count - count( $posts ), $slot, $used ) as $post ) {
				$posts[]   = $post;
				$reasons[] = ReasonText::of( 'recent' );
				$used[]    = $post->ID;
			}
			$answer[] = array( 'items' => Hydrator::of_posts( $posts, $reasons ) );
		}

		return array(
			'request_id' => null,
			'mode'       => 'fallback',
			'slots'      => $answer,
		);
	}
}
