<?php
/**
 * The shape in which gateway routes return posts.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Routes;

use WP_Post;

/**
 * One post as search results and feed items carry it: id, title, URL, excerpt and date, each checked the
 * same way whether a service or WordPress's own fallback produced it.
 */
final class PostSummary {

	/**
	 * The JSON schema of one post, with any route-specific properties added.
	 *
	 * @param array<string, array<string, mixed>> $extra More properties.
	 * @return array<string, mixed>
	 */
	public static function schema( array $extra = array() ): array {
		return array(
			'type'       => 'object',
			'required'   => array( 'id', 'title', 'url' ),
			'properties' => array(
				'id'      => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'title'   => array(
					'type'      => 'string',
					'maxLength' => 1000,
				),
				'url'     => array(
					'type'   => 'string',
					'format' => 'uri',
				),
				'excerpt' => array(
					'type'      => 'string',
					'maxLength' => 5000,
				),
				'date'    => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
			) + $extra,
		);
	}

	/**
	 * A published post in that shape (plain-text title and excerpt).
	 *
	 * @param WP_Post $post Post.
	 * @return array{id: int, title: string, url: string, excerpt: string, date: string}
	 */
	public static function of( WP_Post $post ): array {
		$title = trim( wp_strip_all_tags( get_the_title( $post ) ) );

		return array(
			'id'      => $post->ID,
			'title'   => '' === $title ? __( '(no title)', 'switchboard' ) : $title,
			'url'     => (string) get_permalink( $post ),
			'excerpt' => trim( wp_strip_all_tags( get_the_excerpt( $post ) ) ),
			'date'    => (string) get_the_date( DATE_W3C, $post ),
		);
	}
}
