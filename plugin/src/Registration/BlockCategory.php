<?php
/**
 * The inserter category of the plugin's blocks.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Registration;

use Switchboard\Module;

/**
 * Adds a "Switchboard" category to the block inserter, for blocks whose `block.json` names it.
 */
final class BlockCategory implements Module {

	/**
	 * Category slug, as used in the blocks' `category` field.
	 */
	public const SLUG = 'switchboard';

	/**
	 * Adds the category through `block_categories_all`, which covers every editor (post, site, widgets).
	 */
	public function register_hooks(): void {
		add_filter( 'block_categories_all', array( $this, 'add_category' ) );
	}

	/**
	 * Appends the category unless one with the same slug exists (the `block_categories_all` filter).
	 *
	 * @param array<int|string, mixed> $categories Categories so far, each an array with `slug`, `title` and `icon`.
	 * @return array<int|string, mixed>
	 */
	public function add_category( array $categories ): array {
		foreach ( $categories as $category ) {
			if ( is_array( $category ) && isset( $category['slug'] ) && self::SLUG === $category['slug'] ) {
				return $categories;
			}
		}

		$categories[] = array(
			'slug'  => self::SLUG,
			'title' => __( 'Switchboard', 'switchboard' ),
			'icon'  => null,
		);

		return $categories;
	}
}
