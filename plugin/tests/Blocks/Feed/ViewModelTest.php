<?php
/**
 * Tests of the feed block's view model.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Feed;

use Switchboard\Blocks\Feed\FeedItem;
use Switchboard\Blocks\Feed\ViewModel;
use Switchboard\Tests\Blocks\BlockTestCase;

/**
 * Which posts the cache-safe list holds, in which order, and what each shows.
 */
final class ViewModelTest extends BlockTestCase {

	/**
	 * Starts from a site without posts, so the list holds only what each test creates.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->delete_existing_posts();
	}

	/**
	 * Titles of the listed posts, in order.
	 *
	 * @param ViewModel $view The feed.
	 * @return list<string>
	 */
	private function titles( ViewModel $view ): array {
		return array_map( fn( FeedItem $item ): string => $item->title, $view->items );
	}

	/**
	 * The query arguments are bounded and typed whatever the attributes hold.
	 */
	public function test_query_arguments_are_clamped_and_sanitized(): void {
		$args = ViewModel::query_args(
			array(
				'count'             => 50,
				'includeCategories' => array( '3', 'x', -4, 3, 0 ),
				'excludeCategories' => 'nope',
				'fallback'          => 'popular',
			),
			42
		);

		$this->assertSame( 'post', $args['post_type'] );
		$this->assertSame( 'publish', $args['post_status'] );
		$this->assertFalse( $args['has_password'] );
		$this->assertSame( 12, $args['posts_per_page'] );
		$this->assertSame( array( 3 ), $args['category__in'] );
		$this->assertArrayNotHasKey( 'category__not_in', $args );
		$this->assertSame( array( 42 ), $args['post__not_in'] );
		$this->assertSame(
			array(
				'comment_count' => 'DESC',
				'date'          => 'DESC',
			),
			$args['orderby']
		);
		$this->assertSame( 1, ViewModel::query_args( array( 'count' => 0 ), 0 )['posts_per_page'] );
		$this->assertSame( 6, ViewModel::query_args( array(), 0 )['posts_per_page'] );
		$this->assertArrayNotHasKey( 'post__not_in', ViewModel::query_args( array(), 0 ) );
	}

	/**
	 * Site owners can change the query through a filter.
	 */
	public function test_query_is_filterable(): void {
		add_filter(
			'switchboard_feed_query_args',
			function ( array $args, array $attributes, int $current ): array {
				$args['post_type'] = array( 'post', 'page' );
				$args['current']   = $current;
				$args['count']     = $attributes['count'];

				return $args;
			},
			10,
			3
		);

		$args = ViewModel::query_args( array( 'count' => 4 ), 7 );

		$this->assertSame( array( 'post', 'page' ), $args['post_type'] );
		$this->assertSame( 7, $args['current'] );
		$this->assertSame( 4, $args['count'] );
	}

	/**
	 * Recent: newest published posts first, never drafts, protected posts or the post being read.
	 */
	public function test_lists_recent_published_posts_except_the_current_one(): void {
		$this->create_post(
			array(
				'post_title' => 'Older',
				'post_date'  => '2024-01-01 00:00:00',
			)
		);
		$current = $this->create_post(
			array(
				'post_title' => 'Being read',
				'post_date'  => '2024-01-03 00:00:00',
			)
		);
		$this->create_post(
			array(
				'post_title' => 'Newest',
				'post_date'  => '2024-01-04 00:00:00',
			)
		);
		$this->create_post(
			array(
				'post_title' => 'Middle',
				'post_date'  => '2024-01-02 00:00:00',
			)
		);
		$this->create_post(
			array(
				'post_title'  => 'Draft',
				'post_status' => 'draft',
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Protected',
				'post_password' => 'secret',
			)
		);

		$view = ViewModel::from_attributes( array( 'count' => 3 ), $current );

		$this->assertSame( array( 'Newest', 'Middle', 'Older' ), $this->titles( $view ) );
		$this->assertSame( 'Latest posts', $view->heading );
		$this->assertSame( 'list', $view->layout );
	}

	/**
	 * Popular: most commented first, for now.
	 */
	public function test_popular_ranks_by_comment_count(): void {
		$this->create_post( array( 'post_title' => 'Quiet' ) );
		$loud = $this->create_post( array( 'post_title' => 'Loud' ) );
		$some = $this->create_post( array( 'post_title' => 'Some' ) );
		foreach ( array( $loud, $loud, $loud, $some ) as $post_id ) {
			wp_insert_comment(
				array(
					'comment_post_ID'  => $post_id,
					'comment_content'  => 'Nice.',
					'comment_approved' => 1,
				)
			);
		}

		$view = ViewModel::from_attributes( array( 'fallback' => 'popular' ), 0 );

		$this->assertSame( array( 'Loud', 'Some', 'Quiet' ), $this->titles( $view ) );
		$this->assertSame( 'Popular posts', $view->heading );
	}

	/**
	 * Included categories limit the list; excluded ones are left out.
	 */
	public function test_filters_by_category(): void {
		$food   = $this->create_category( 'Food' );
		$travel = $this->create_category( 'Travel' );
		$this->create_post(
			array(
				'post_title'    => 'Soup',
				'post_category' => array( $food ),
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Soup on a train',
				'post_category' => array( $food, $travel ),
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Train',
				'post_category' => array( $travel ),
			)
		);

		$included = ViewModel::from_attributes( array( 'includeCategories' => array( $food ) ), 0 );
		$both     = ViewModel::from_attributes(
			array(
				'includeCategories' => array( $food ),
				'excludeCategories' => array( $travel ),
			),
			0
		);

		$this->assertEqualsCanonicalizing( array( 'Soup', 'Soup on a train' ), $this->titles( $included ) );
		$this->assertSame( array( 'Soup' ), $this->titles( $both ) );
	}

	/**
	 * Author and category are read only when shown; compact shows neither images nor excerpts.
	 */
	public function test_item_details_follow_the_settings(): void {
		$author = $this->create_user( 'Ada Writer' );
		$zebra  = $this->create_category( 'Zebras' );
		$apples = $this->create_category( 'Apples' );
		$post   = $this->create_post(
			array(
				'post_title'    => 'Details',
				'post_author'   => $author,
				'post_excerpt'  => 'Short and sweet.',
				'post_category' => array( $zebra, $apples ),
			)
		);
		set_post_thumbnail( $post, $this->create_image( 'A plate' ) );

		$full    = ViewModel::from_attributes(
			array(
				'showAuthor'   => true,
				'showCategory' => true,
				'heading'      => '  Fresh  ',
			),
			0
		)->items[0];
		$compact = ViewModel::from_attributes( array( 'layout' => 'compact' ), 0 )->items[0];

		$this->assertSame( 'Ada Writer', $full->author );
		$this->assertSame( 'Apples', $full->category, 'The first category by name.' );
		$this->assertSame( get_category_link( $apples ), $full->category_url );
		$this->assertSame( 'Short and sweet.', $full->excerpt );
		$this->assertNotNull( $full->image );
		$this->assertSame( 'A plate', $full->image->alt );
		$this->assertSame( 300, $full->image->width, 'The list layout uses the medium size.' );

		$this->assertSame( '', $compact->author );
		$this->assertSame( '', $compact->category );
		$this->assertSame( '', $compact->excerpt );
		$this->assertNull( $compact->image );
		$this->assertSame( 'Fresh', ViewModel::from_attributes( array( 'heading' => '  Fresh  ' ), 0 )->heading );
	}

	/**
	 * Unknown layouts and fallbacks fall back to the defaults.
	 */
	public function test_unknown_values_fall_back_to_defaults(): void {
		$view = ViewModel::from_attributes(
			array(
				'layout'   => 'carousel',
				'fallback' => 'random',
			),
			0
		);

		$this->assertSame( 'list', $view->layout );
		$this->assertSame( 'Latest posts', $view->heading );
	}
}
