<?php
/**
 * Sample readers for the editor's preview.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

/**
 * "Preview as": one sample reader per top category (by post count), who has read a few posts in it. Built
 * from WordPress, so the picker names the site's own categories and needs no service.
 */
final class SampleProfiles {

	/**
	 * Categories offered.
	 */
	private const COUNT = 6;

	/**
	 * Reads the sample reader has in their category.
	 */
	private const READS = 3;

	/**
	 * The profiles.
	 *
	 * @return list<array{id: string, label: string, profile: array{category: object, tag: object, author: object}}>
	 */
	public static function all(): array {
		$terms = get_terms(
			array(
				'taxonomy'   => 'category',
				'orderby'    => 'count',
				'order'      => 'DESC',
				'hide_empty' => true,
				'number'     => self::COUNT,
			)
		);

		$profiles = array();
		foreach ( is_array( $terms ) ? $terms : array() as $term ) {
			$name       = trim( html_entity_decode( wp_strip_all_tags( $term->name ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
			$profiles[] = array(
				'id'      => 'category-' . $term->term_id,
				/* translators: %s: category name. */
				'label'   => sprintf( __( 'A reader of %s', 'switchboard' ), $name ),
				'profile' => array(
					// Objects, so that JSON has `{}` for an empty map, as the preview route takes it.
					'category' => (object) array( (string) $term->term_id => self::READS ),
					'tag'      => (object) array(),
					'author'   => (object) array(),
				),
			);
		}

		return $profiles;
	}
}
