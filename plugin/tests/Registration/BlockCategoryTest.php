<?php
/**
 * Tests the block inserter category.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Registration;

use Switchboard\Registration\BlockCategory;
use Switchboard\Tests\TestCase;
use WP_Block_Editor_Context;

/**
 * Every editor lists a "Switchboard" category, once.
 */
final class BlockCategoryTest extends TestCase {

	/**
	 * The category is appended after the existing ones.
	 */
	public function test_appends_the_category(): void {
		$text = array(
			'slug'  => 'text',
			'title' => 'Text',
			'icon'  => null,
		);

		$categories = ( new BlockCategory() )->add_category( array( $text ) );

		$this->assertSame(
			array(
				$text,
				array(
					'slug'  => 'switchboard',
					'title' => 'Switchboard',
					'icon'  => null,
				),
			),
			$categories
		);
	}

	/**
	 * A category with the same slug is left alone rather than duplicated.
	 */
	public function test_keeps_an_existing_category(): void {
		$existing = array(
			array(
				'slug'  => 'switchboard',
				'title' => 'Renamed by the site',
				'icon'  => 'admin-site',
			),
		);

		$this->assertSame( $existing, ( new BlockCategory() )->add_category( $existing ) );
	}

	/**
	 * Each editor of this site offers the category exactly once.
	 *
	 * @testWith ["core/edit-post"]
	 *           ["core/edit-site"]
	 *           ["core/edit-widgets"]
	 *
	 * @param string $editor Editor context name.
	 */
	public function test_every_editor_offers_the_category( string $editor ): void {
		$categories = get_block_categories( new WP_Block_Editor_Context( array( 'name' => $editor ) ) );

		$matching = array_values( wp_list_filter( $categories, array( 'slug' => 'switchboard' ) ) );
		$this->assertCount( 1, $matching );
		$this->assertIsArray( $matching[0] );
		$this->assertSame( 'Switchboard', $matching[0]['title'] ?? null );
	}
}
