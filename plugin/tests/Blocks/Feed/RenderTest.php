<?php
/**
 * Tests of the feed block's server render.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Feed;

use Switchboard\Blocks\Feed\ReadingSignal;
use Switchboard\Blocks\Feed\RenderedPosts;
use Switchboard\Blocks\Feed\ViewConfig;
use Switchboard\Feed\Consent;
use Switchboard\Tests\Blocks\BlockTestCase;
use Switchboard\Tests\Blocks\Search\ReadsArrays;
use WP_Block_Type_Registry;
use WP_Query;

/**
 * The markup visitors get from `render.php`: a labelled section listing articles, the same for everyone, with
 * the Interactivity context and config the view script personalizes it from.
 */
final class RenderTest extends BlockTestCase {

	use ReadsArrays;

	/**
	 * Starts from a site without posts, so the list holds only what each test creates.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->delete_existing_posts();
		RenderedPosts::reset();
	}

	/**
	 * Forgets the page's listed posts and the queried post.
	 */
	protected function tear_down(): void {
		RenderedPosts::reset();
		unset( $GLOBALS['post'] );
		$GLOBALS['wp_query'] = $GLOBALS['wp_the_query']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores the main query.
		parent::tear_down();
	}

	/**
	 * Makes a post the page being read, as a single post's request does.
	 *
	 * @param int $post_id Post ID.
	 */
	private function read( int $post_id ): void {
		$GLOBALS['wp_query'] = new WP_Query( array( 'p' => $post_id ) ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the request of a single post.
		$GLOBALS['post']     = get_post( $post_id ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the post a visitor is reading.
	}

	/**
	 * The block is registered, server-rendered, with its view script module and apiFetch.
	 */
	public function test_block_is_registered_with_its_view_module(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'switchboard/feed' );

		$this->assertNotNull( $type );
		$this->assertTrue( $type->is_dynamic() );
		$this->assertSame( array( ViewConfig::MODULE ), $type->view_script_module_ids );
		$this->assertSame( array( 'wp-api-fetch' ), $type->view_script_handles );
		$this->assertSame( array( 'postId' ), $type->get_uses_context() );
	}

	/**
	 * The section is an Interactivity region whose context is the block's slot and server list.
	 */
	public function test_section_carries_the_interactivity_context(): void {
		$post = $this->create_post( array( 'post_title' => 'Listed' ) );

		$html = $this->render(
			'switchboard/feed',
			array(
				'count'       => 3,
				'includeTags' => array( 4 ),
			)
		);

		$section = $this->tag( $html, array( 'tag_name' => 'section' ) );
		$this->assertSame( 'switchboard/feed', $section->get_attribute( 'data-wp-interactive' ) );
		$this->assertSame( 'callbacks.init', $section->get_attribute( 'data-wp-init' ) );
		$context = json_decode( (string) $section->get_attribute( 'data-wp-context' ), true );
		$this->assertTrue( self::value_at( $context, 'personalize' ) );
		$this->assertSame( 3, self::value_at( $context, 'slot', 'count' ) );
		$this->assertSame( array( 4 ), self::value_at( $context, 'slot', 'tag' ) );
		$this->assertSame( array(), self::value_at( $context, 'items' ), 'No post has tag 4.' );

		RenderedPosts::reset();
		$html    = $this->render( 'switchboard/feed' );
		$context = json_decode( (string) $this->tag( $html, array( 'tag_name' => 'section' ) )->get_attribute( 'data-wp-context' ), true );
		$this->assertSame( $post, self::value_at( $context, 'items', 0, 'id' ) );
		$this->assertSame( 'Listed', self::value_at( $context, 'items', 0, 'title' ) );
	}

	/**
	 * The page's Interactivity config: consent (as Switchboard\Feed\Consent decides), the
	 * post being read and the dwell time, filterable.
	 */
	public function test_config_names_consent_the_post_being_read_and_the_dwell(): void {
		$this->create_post( array( 'post_title' => 'Other' ) );
		$reading = $this->create_post( array( 'post_title' => 'Reading' ) );
		add_filter( 'switchboard_feed_view_dwell', fn(): int => 5000 );
		$this->read( $reading );

		$this->render( 'switchboard/feed' );
		$config = wp_interactivity_config( 'switchboard/feed' );

		$this->assertSame( $reading, self::value_at( $config, 'reading' ) );
		$this->assertSame( 5000, self::value_at( $config, 'dwell' ) );
		$this->assertSame( 'By %s', self::value_at( $config, 'strings', 'by' ) );
		$this->assertSame( Consent::for_browser(), self::value_at( $config, 'consent' ) );
	}

	/**
	 * On a single post without any feed block, the view module is still enqueued (to count the read); not on
	 * other pages.
	 */
	public function test_single_posts_get_the_view_module_for_reads(): void {
		// Other renders in this process enqueued them; start from a page that has neither.
		wp_dequeue_script( 'wp-api-fetch' );
		wp_dequeue_script_module( ViewConfig::MODULE );
		$signal = new ReadingSignal();
		$signal->register_hooks();
		$this->assertNotFalse( has_action( 'wp_enqueue_scripts', array( $signal, 'enqueue' ) ) );

		$signal->enqueue();
		$this->assertFalse( wp_script_is( 'wp-api-fetch', 'enqueued' ), 'Not on a page that is not a single post.' );

		$this->read( $this->create_post( array( 'post_title' => 'Reading' ) ) );
		$signal->enqueue();

		$this->assertTrue( wp_script_is( 'wp-api-fetch', 'enqueued' ) );
		$modules = $this->capture_output( fn() => wp_script_modules()->print_enqueued_script_modules() );
		$this->assertStringContainsString( 'feed/view.js', $modules );
	}

	/**
	 * With the built-in prompt, the first personalizing block holds a consent prompt and a stop control, both
	 * hidden until the view script shows one; later blocks and blocks that do not personalize hold none.
	 */
	public function test_one_hidden_consent_prompt_per_page(): void {
		add_filter( 'switchboard_feed_consent_mode', fn(): string => 'prompt' );
		foreach ( range( 1, 4 ) as $day ) {
			$this->create_post( array( 'post_title' => 'Post ' . $day ) );
		}

		$opted_out = $this->render(
			'switchboard/feed',
			array(
				'count'       => 1,
				'personalize' => false,
			)
		);
		$first     = $this->render( 'switchboard/feed', array( 'count' => 1 ) );
		$second    = $this->render( 'switchboard/feed', array( 'count' => 1 ) );

		$this->assertSame( array(), $this->tags( $opted_out, array( 'class_name' => 'wp-block-switchboard-feed__prompt' ) ) );
		$this->assertSame( array(), $this->tags( $second, array( 'class_name' => 'wp-block-switchboard-feed__prompt' ) ) );
		$prompt = $this->tag( $first, array( 'class_name' => 'wp-block-switchboard-feed__prompt' ) );
		$stop   = $this->tag( $first, array( 'class_name' => 'wp-block-switchboard-feed__stop' ) );
		$this->assertTrue( $prompt->get_attribute( 'hidden' ) );
		$this->assertSame( '!state.asking', $prompt->get_attribute( 'data-wp-bind--hidden' ) );
		$this->assertTrue( $stop->get_attribute( 'hidden' ) );
		$this->assertSame(
			array( 'Personalize', 'Not now' ),
			array_slice( $this->texts( $first, array( 'tag_name' => 'button' ) ), 0, 2 )
		);
		$this->assertSame( 'Stop personalizing', $this->text( $first, array( 'class_name' => 'wp-block-switchboard-feed__stop-button' ) ) );
	}

	/**
	 * Two blocks on one page show different posts.
	 */
	public function test_two_blocks_on_a_page_show_no_duplicate(): void {
		foreach ( range( 1, 4 ) as $day ) {
			$this->create_post(
				array(
					'post_title' => 'Day ' . $day,
					'post_date'  => sprintf( '2024-01-%02d 00:00:00', $day ),
				)
			);
		}

		$html = do_blocks(
			get_comment_delimited_block_content( 'switchboard/feed', array( 'count' => 2 ), '' )
			. get_comment_delimited_block_content(
				'switchboard/feed',
				array(
					'count'    => 3,
					'fallback' => 'recent',
				),
				''
			)
		);

		$this->assertSame( array( 'Day 4', 'Day 3', 'Day 2', 'Day 1' ), $this->texts( $html, array( 'tag_name' => 'h3' ) ) );
	}

	/**
	 * Reasons print in their own line when shown.
	 */
	public function test_prints_reasons_when_shown(): void {
		$pick = $this->create_post( array( 'post_title' => 'Pick' ) );
		$this->create_post( array( 'post_title' => 'Fresh' ) );

		$html = $this->render(
			'switchboard/feed',
			array(
				'pinned' => array( $pick ),
			)
		);
		RenderedPosts::reset();
		$hidden = $this->render(
			'switchboard/feed',
			array(
				'showReason' => false,
			)
		);

		$this->assertSame( array( 'Editor’s pick', 'New' ), $this->texts( $html, array( 'class_name' => 'wp-block-switchboard-feed__reason' ) ) );
		$this->assertSame( array(), $this->tags( $hidden, array( 'class_name' => 'wp-block-switchboard-feed__reason' ) ) );
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

		$links  = $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-feed__media' ) );
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
	 * A post without a featured image keeps an empty image box (same size as the others), not a link.
	 */
	public function test_a_post_without_image_keeps_an_empty_image_box(): void {
		$this->create_post( array( 'post_title' => 'Bare' ) );

		$html = $this->render( 'switchboard/feed' );

		$box = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-feed__media' ) );
		$this->assertSame( 'SPAN', $box->get_tag() );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'img' ) ) );
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

		$this->read( $reading );
		$html = $this->render( 'switchboard/feed' );

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
		RenderedPosts::reset();
		$this->log_in_as( 'administrator' );
		$admin = $without_ids( $this->render( 'switchboard/feed', array( 'showAuthor' => true ) ) );

		$this->assertSame( $anonymous, $admin );
		$this->assertStringNotContainsString( 'Private notes', $admin );
	}
}
