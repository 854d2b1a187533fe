<?php
/**
 * Tests of the feed block's server render.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Feed;

use Switchboard\Tests\Blocks\BlockTestCase;
use WP_Block_Type_Registry;

/**
 * The markup visitors get from `render.php`: a labelled section listing articles, the same for everyone.
 */
final class RenderTest extends BlockTestCase {

	/**
	 * Starts from a site without posts, so the list holds only what each test creates.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->delete_existing_posts();
	}

	/**
	 * The block is registered, server-rendered, with no view module (nothing runs in the browser yet).
	 */
	public function test_block_is_registered_without_a_view_module(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'switchboard/feed' );

		$this->assertNotNull( $type );
		$this->assertTrue( $type->is_dynamic() );
		$this->assertSame( array(), $type->view_script_module_ids );
		$this->assertSame( array( 'postId' ), $type->get_uses_context() );
	}

	/**
	 * A section labelled by its heading, holding one article per post, with linked titles and dates.
	 */
	public function test_renders_a_labelled_list_of_articles(): void {
		$post = $this->create_post(
			array(
				'post_title'   => 'Fish & Chips <em>daily</em>',
				'post_excerpt' => 'Vinegar <strong>optional</strong>.',
				'post_date'    => '2024-05-06 07:08:09',
			)
		);

		$html = $this->render(
			'switchboard/feed',
			array(
				'heading' => 'From the kitchen',
				'layout'  => 'grid',
			)
		);

		$section = $this->tag( $html, array( 'tag_name' => 'section' ) );
		$heading = $this->tag( $html, array( 'tag_name' => 'h2' ) );
		$this->assertTrue( $section->has_class( 'wp-block-switchboard-feed' ) );
		$this->assertTrue( $section->has_class( 'wp-block-switchboard-feed--grid' ) );
		$this->assertNotEmpty( $heading->get_attribute( 'id' ) );
		$this->assertSame( $heading->get_attribute( 'id' ), $section->get_attribute( 'aria-labelledby' ) );
		$this->assertSame( 'From the kitchen', $this->text( $html, array( 'tag_name' => 'h2' ) ) );

		$this->assertCount( 1, $this->tags( $html, array( 'tag_name' => 'article' ) ) );
		$this->assertSame( 'Fish & Chips daily', $this->text( $html, array( 'tag_name' => 'h3' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'em' ) ), 'Titles print as text.' );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'strong' ) ), 'Excerpts print as text.' );
		$this->assertSame( 'Vinegar optional.', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-feed__excerpt' ) ) );
		$this->assertSame( get_permalink( $post ), $this->tag( $html, array( 'tag_name' => 'a' ) )->get_attribute( 'href' ) );
		$this->assertSame( '2024-05-06T07:08:09+00:00', $this->tag( $html, array( 'tag_name' => 'time' ) )->get_attribute( 'datetime' ) );
	}

	/**
	 * An image with alt text keeps it; one without is decorative and its link is named by the post title.
	 */
	public function test_image_links_always_have_a_name(): void {
		$described = $this->create_post(
			array(
				'post_title' => 'Described',
				'post_date'  => '2024-01-02 00:00:00',
			)
		);
		$plain     = $this->create_post(
			array(
				'post_title' => 'Plain',
				'post_date'  => '2024-01-01 00:00:00',
			)
		);
		set_post_thumbnail( $described, $this->create_image( 'A bowl of soup' ) );
		set_post_thumbnail( $plain, $this->create_image( '' ) );

		$html = $this->render( 'switchboard/feed' );

		$links  = $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-feed__image-link' ) );
		$images = $this->tags( $html, array( 'tag_name' => 'img' ) );
		$titles = $this->tags( $html, array( 'tag_name' => 'h3' ) );
		$this->assertCount( 2, $links );
		$this->assertSame( 'A bowl of soup', $images[0]->get_attribute( 'alt' ) );
		$this->assertNull( $links[0]->get_attribute( 'aria-labelledby' ) );
		$this->assertSame( '', $images[1]->get_attribute( 'alt' ) );
		$this->assertSame( $titles[1]->get_attribute( 'id' ), $links[1]->get_attribute( 'aria-labelledby' ) );
		$this->assertSame( 'Plain', $this->texts( $html, array( 'tag_name' => 'h3' ) )[1] );
		$this->assertNotEmpty( $images[0]->get_attribute( 'srcset' ) );
	}

	/**
	 * Author and category appear in the details line when enabled.
	 */
	public function test_renders_author_and_category(): void {
		$author   = $this->create_user( 'Bo Reporter' );
		$category = $this->create_category( 'Harbour news' );
		$this->create_post(
			array(
				'post_author'   => $author,
				'post_category' => array( $category ),
			)
		);

		$html = $this->render(
			'switchboard/feed',
			array(
				'showAuthor'   => true,
				'showCategory' => true,
				'showDate'     => false,
			)
		);

		$this->assertSame( 'By Bo Reporter', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-feed__author' ) ) );
		$this->assertSame( 'Harbour news', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-feed__category' ) ) );
		$this->assertSame( get_category_link( $category ), $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-feed__category' ) )->get_attribute( 'href' ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'time' ) ) );
	}

	/**
	 * The post being read (block context, as in its own content) is never listed.
	 */
	public function test_leaves_out_the_post_being_read(): void {
		$this->create_post( array( 'post_title' => 'Other' ) );
		$reading = $this->create_post( array( 'post_title' => 'Reading' ) );

		$GLOBALS['post'] = get_post( $reading ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the post a visitor is reading.
		try {
			$html = $this->render( 'switchboard/feed' );
		} finally {
			unset( $GLOBALS['post'] );
		}

		$this->assertSame( array( 'Other' ), $this->texts( $html, array( 'tag_name' => 'h3' ) ) );
	}

	/**
	 * With nothing to list, the section says so.
	 */
	public function test_renders_the_empty_state(): void {
		$html = $this->render( 'switchboard/feed', array( 'includeCategories' => array( 999999 ) ) );

		$this->assertSame( 'Latest posts', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$this->assertSame( 'No posts to show yet.', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-feed__empty' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'ul' ) ) );
	}

	/**
	 * Safe for full-page caches: an administrator and an anonymous visitor get the same markup.
	 */
	public function test_markup_is_the_same_for_every_visitor(): void {
		$this->create_post( array( 'post_title' => 'Shared' ) );
		$this->create_post(
			array(
				'post_title'  => 'Private notes',
				'post_status' => 'private',
			)
		);
		$without_ids = fn( string $html ): string => (string) preg_replace( '/switchboard-feed-\d+/', 'ID', $html );

		$anonymous = $without_ids( $this->render( 'switchboard/feed', array( 'showAuthor' => true ) ) );
		$this->log_in_as( 'administrator' );
		$admin = $without_ids( $this->render( 'switchboard/feed', array( 'showAuthor' => true ) ) );

		$this->assertSame( $anonymous, $admin );
		$this->assertStringNotContainsString( 'Private notes', $admin );
	}
}
