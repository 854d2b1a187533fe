<?php
/**
 * Tests of the feed block's view model.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Feed;

use Switchboard\Blocks\Feed\FeedItem;
use Switchboard\Blocks\Feed\RenderedPosts;
use Switchboard\Blocks\Feed\ViewModel;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Blocks\BlockTestCase;
use Switchboard\Tests\Blocks\Search\ReadsArrays;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Which posts the cache-safe list holds, in which order, and what each shows.
 */
final class ViewModelTest extends BlockTestCase {

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
	 * Forgets the page's listed posts for the next test.
	 */
	protected function tear_down(): void {
		RenderedPosts::reset();
		delete_option( ServiceRegistry::OPTION );
		parent::tear_down();
	}

	/**
	 * Answers the gateway's `GET /switchboard/v1/feed` in-process, as the service would (or fails it).
	 *
	 * @param list<int>|null            $ids      Post IDs to answer, null to fail the route.
	 * @param array<string, mixed>|null $seen     Receives the request's query arguments.
	 * @param bool                      $fallback Whether the answer is the gateway's own fallback.
	 */
	private function gateway_answers( ?array $ids, ?array &$seen = null, bool $fallback = false ): void {
		// The block asks the gateway only when the feed service has an address (never called here).
		update_option( ServiceRegistry::OPTION, array( 'feed' => 'http://127.0.0.1:9' ) );
		add_filter(
			'rest_pre_dispatch',
			function ( mixed $result, mixed $server, WP_REST_Request $request ) use ( $ids, &$seen, $fallback ): mixed {
				if ( '/switchboard/v1/feed' !== $request->get_route() ) {
					return $result;
				}
				$seen = $request->get_query_params();
				if ( null === $ids ) {
					return new WP_Error( 'switchboard_service_unavailable', 'Down.', array( 'status' => 503 ) );
				}

				return new WP_REST_Response(
					array(
						'items'      => array_map( fn( int $id ): array => array( 'id' => $id ), $ids ),
						'request_id' => 'f_test',
					),
					200,
					$fallback ? array( 'X-Switchboard-Fallback' => 'native' ) : array()
				);
			},
			10,
			3
		);
	}

	/**
	 * Reasons of the listed posts, in order.
	 *
	 * @param ViewModel $view The feed.
	 * @return list<string>
	 */
	private function reasons( ViewModel $view ): array {
		return array_map( fn( FeedItem $item ): string => $item->reason, $view->items );
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

		// The feed's post types (filter switchboard_feed_post_types), as the personalized list has them.
		$this->assertSame( array( 'post' ), $args['post_type'] );
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
		$this->assertSame( array( 'New', 'New', 'New' ), $this->reasons( $view ) );
	}

	/**
	 * Popular, while the service is down: most commented first.
	 */
	public function test_popular_ranks_by_comment_count_when_the_service_is_down(): void {
		$this->gateway_answers( null );
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
		$this->assertSame( array( 'Popular', 'Popular', 'Popular' ), $this->reasons( $view ) );
	}

	/**
	 * The gateway's own fallback (recent posts, while the service is down) is not popularity: the block
	 * ranks by comments itself.
	 */
	public function test_popular_ignores_the_gateway_fallback(): void {
		$quiet = $this->create_post( array( 'post_title' => 'Quiet' ) );
		$loud  = $this->create_post( array( 'post_title' => 'Loud' ) );
		wp_insert_comment(
			array(
				'comment_post_ID'  => $loud,
				'comment_content'  => 'Nice.',
				'comment_approved' => 1,
			)
		);
		$this->gateway_answers( array( $quiet ), $seen, true );

		$view = ViewModel::from_attributes( array( 'fallback' => 'popular' ), 0 );

		$this->assertSame( array( 'Loud', 'Quiet' ), $this->titles( $view ) );
	}

	/**
	 * Without an address for the feed service the gateway is not asked at all (no failure recorded on every
	 * page view of a site that has not set the feed up): popular is the local ranking.
	 */
	public function test_without_a_feed_service_popular_is_ranked_locally(): void {
		$asked = 0;
		add_filter(
			'rest_pre_dispatch',
			function ( mixed $result, mixed $server, WP_REST_Request $request ) use ( &$asked ): mixed {
				if ( '/switchboard/v1/feed' === $request->get_route() ) {
					++$asked;
				}
				return $result;
			},
			10,
			3
		);
		$this->create_post( array( 'post_title' => 'Only' ) );

		$view = ViewModel::from_attributes( array( 'fallback' => 'popular' ), 0 );

		$this->assertSame( array( 'Only' ), $this->titles( $view ) );
		$this->assertSame( 0, $asked );
	}

	/**
	 * Popular comes from the gateway's feed route, with the scope and exclusions as its arguments; IDs it
	 * answers that are not published posts never show, and the local ranking fills what is missing.
	 */
	public function test_popular_comes_from_the_gateway_in_scope(): void {
		$news    = $this->create_category( 'News' );
		$first   = $this->create_post( array( 'post_title' => 'Ranked first' ) );
		$second  = $this->create_post( array( 'post_title' => 'Ranked second' ) );
		$draft   = $this->create_post(
			array(
				'post_title'  => 'Draft',
				'post_status' => 'draft',
			)
		);
		$reading = $this->create_post( array( 'post_title' => 'Reading' ) );
		$this->create_post( array( 'post_title' => 'Local' ) );
		$this->gateway_answers( array( $second, $draft, $first ), $seen );

		$view = ViewModel::from_attributes(
			array(
				'fallback'          => 'popular',
				'count'             => 3,
				'includeCategories' => array( 1 ),
				'excludeCategories' => array( $news ),
				'excludeTags'       => array( 8, 9 ),
			),
			$reading
		);

		$this->assertSame( array( 'Ranked second', 'Ranked first', 'Local' ), $this->titles( $view ) );
		$this->assertIsArray( $seen );
		$this->assertSame( '1', $seen['category'] );
		$this->assertSame( (string) $news, $seen['exclude_category'] );
		$this->assertSame( '8,9', $seen['exclude_tag'] );
		$this->assertArrayNotHasKey( 'tag', $seen );
		$this->assertSame( 'popular', $seen['order'] );
		$this->assertSame( 3, $seen['per_page'] );
		$this->assertSame( (string) $reading, $seen['exclude'] );
	}

	/**
	 * Included categories and tags limit the list; excluded ones are left out.
	 */
	public function test_filters_by_category_and_tag(): void {
		$food   = $this->create_category( 'Food' );
		$travel = $this->create_category( 'Travel' );
		$this->create_post(
			array(
				'post_title'    => 'Soup',
				'post_category' => array( $food ),
				'tags_input'    => array( 'hot' ),
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Soup on a train',
				'post_category' => array( $food, $travel ),
				'tags_input'    => array( 'hot', 'rail' ),
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Train',
				'post_category' => array( $travel ),
				'tags_input'    => array( 'rail' ),
			)
		);
		$hot  = (int) get_term_by( 'name', 'hot', 'post_tag' )->term_id; // @phpstan-ignore property.nonObject
		$rail = (int) get_term_by( 'name', 'rail', 'post_tag' )->term_id; // @phpstan-ignore property.nonObject

		$included = ViewModel::from_attributes( array( 'includeCategories' => array( $food ) ), 0 );
		RenderedPosts::reset();
		$both = ViewModel::from_attributes(
			array(
				'includeCategories' => array( $food ),
				'excludeCategories' => array( $travel ),
			),
			0
		);
		RenderedPosts::reset();
		$tagged = ViewModel::from_attributes( array( 'includeTags' => array( $rail ) ), 0 );
		RenderedPosts::reset();
		$untagged = ViewModel::from_attributes( array( 'excludeTags' => array( $hot ) ), 0 );

		$this->assertEqualsCanonicalizing( array( 'Soup', 'Soup on a train' ), $this->titles( $included ) );
		$this->assertSame( array( 'Soup' ), $this->titles( $both ) );
		$this->assertEqualsCanonicalizing( array( 'Train', 'Soup on a train' ), $this->titles( $tagged ) );
		$this->assertSame( array( 'Train' ), $this->titles( $untagged ) );
	}

	/**
	 * Pinned posts come first, in the editor's order, as editor's picks, whatever the scope; drafts and the
	 * post being read are skipped.
	 */
	public function test_pinned_posts_come_first(): void {
		$food   = $this->create_category( 'Food' );
		$newest = $this->create_post(
			array(
				'post_title'    => 'Newest',
				'post_category' => array( $food ),
				'post_date'     => '2024-03-01 00:00:00',
			)
		);
		$old    = $this->create_post(
			array(
				'post_title' => 'Old pick',
				'post_date'  => '2020-01-01 00:00:00',
			)
		);
		$older  = $this->create_post(
			array(
				'post_title' => 'Older pick',
				'post_date'  => '2019-01-01 00:00:00',
			)
		);
		$draft  = $this->create_post(
			array(
				'post_title'  => 'Draft pick',
				'post_status' => 'draft',
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Second newest',
				'post_category' => array( $food ),
				'post_date'     => '2024-02-01 00:00:00',
			)
		);

		$view = ViewModel::from_attributes(
			array(
				'count'             => 3,
				'pinned'            => array( $older, $draft, $newest, $old ),
				'includeCategories' => array( $food ),
			),
			$newest
		);

		$this->assertSame( array( 'Older pick', 'Old pick', 'Second newest' ), $this->titles( $view ) );
		$this->assertSame( array( 'Editor’s pick', 'Editor’s pick', 'New' ), $this->reasons( $view ) );
	}

	/**
	 * Several blocks on one page never list the same post: each leaves out what the ones above listed.
	 */
	public function test_blocks_on_one_page_never_repeat_a_post(): void {
		foreach ( range( 1, 5 ) as $day ) {
			$this->create_post(
				array(
					'post_title' => 'Day ' . $day,
					'post_date'  => sprintf( '2024-01-%02d 00:00:00', $day ),
				)
			);
		}
		$pinned = $this->create_post(
			array(
				'post_title' => 'Day 0',
				'post_date'  => '2023-12-31 00:00:00',
			)
		);

		$top    = ViewModel::from_attributes( array( 'count' => 2 ), 0 );
		$middle = ViewModel::from_attributes( array( 'count' => 2 ), 0 );
		$bottom = ViewModel::from_attributes(
			array(
				'count'  => 5,
				'pinned' => array( $pinned ),
			),
			0
		);
		$again  = ViewModel::from_attributes( array( 'pinned' => array( $pinned ) ), 0 );

		$this->assertSame( array( 'Day 5', 'Day 4' ), $this->titles( $top ) );
		$this->assertSame( array( 'Day 3', 'Day 2' ), $this->titles( $middle ) );
		$this->assertSame( array( 'Day 0', 'Day 1' ), $this->titles( $bottom ) );
		$this->assertSame( array(), $this->titles( $again ), 'Everything is listed already.' );
	}

	/**
	 * Items are always complete (every block can show any field), as plain text; the layout and show
	 * settings decide what is printed.
	 */
	public function test_items_are_complete_and_settings_decide_what_shows(): void {
		$author = $this->create_user( 'Ada Writer' );
		$zebra  = $this->create_category( 'Zebras' );
		$apples = $this->create_category( 'Apples &amp; Pears' );
		$post   = $this->create_post(
			array(
				'post_title'    => 'Fish &amp; Chips',
				'post_author'   => $author,
				'post_excerpt'  => 'Short and sweet.',
				'post_category' => array( $zebra, $apples ),
			)
		);
		set_post_thumbnail( $post, $this->create_image( 'A plate' ) );

		$compact = ViewModel::from_attributes(
			array(
				'layout'     => 'compact',
				'showReason' => false,
			),
			0
		);
		$item    = $compact->items[0];

		$this->assertSame( 'Fish & Chips', $item->title );
		$this->assertSame( 'Ada Writer', $item->author );
		$this->assertSame( 'Apples & Pears', $item->category, 'The first category by name.' );
		$this->assertSame( get_category_link( $apples ), $item->category_url );
		$this->assertSame( 'Short and sweet.', $item->excerpt );
		$this->assertNotNull( $item->image );
		$this->assertSame( 'A plate', $item->image->alt );
		$this->assertSame( 300, $item->image->width, 'The medium size.' );
		$this->assertFalse( $compact->show_image );
		$this->assertFalse( $compact->show_excerpt );
		$this->assertFalse( $compact->show_reason );
		$this->assertTrue( $compact->show_date );
		$this->assertFalse( $compact->show_author );
		RenderedPosts::reset();
		$this->assertSame( 'Fresh', ViewModel::from_attributes( array( 'heading' => '  Fresh  ' ), 0 )->heading );
	}

	/**
	 * The item JSON is exactly the contract's: every field, image included.
	 */
	public function test_item_array_is_the_contract_json(): void {
		$post = $this->create_post(
			array(
				'post_title' => 'Pictured',
				'post_date'  => '2024-05-06 07:08:09',
			)
		);
		set_post_thumbnail( $post, $this->create_image( '' ) );
		$plain = $this->create_post( array( 'post_title' => 'Plain' ) );

		$item = FeedItem::from_post( get_post( $post ), 'Because you read News' )->to_array(); // @phpstan-ignore argument.type
		// As the browser gets it.
		$json = json_decode( (string) wp_json_encode( $item ), true );

		$this->assertSame(
			array( 'id', 'title', 'url', 'excerpt', 'date_iso', 'date_display', 'author', 'category', 'category_url', 'reason', 'image' ),
			array_keys( self::array_at( $json ) )
		);
		$this->assertSame( array( 'src', 'srcset', 'sizes', 'width', 'height', 'alt' ), array_keys( self::array_at( $json, 'image' ) ) );
		$this->assertSame( $post, $item['id'] );
		$this->assertSame( 'Pictured', $item['title'] );
		$this->assertSame( get_permalink( $post ), $item['url'] );
		$this->assertSame( '2024-05-06T07:08:09+00:00', $item['date_iso'] );
		$this->assertSame( 'Because you read News', $item['reason'] );
		$this->assertNotNull( $item['image'] );
		$this->assertSame( 300, $item['image']['width'] );
		$this->assertSame( 200, $item['image']['height'] );
		$this->assertNotSame( '', $item['image']['srcset'] );
		$this->assertSame( 'Uncategorized', $item['category'] );
		$this->assertNull( FeedItem::from_post( get_post( $plain ), '' )->to_array()['image'] ); // @phpstan-ignore argument.type
	}

	/**
	 * The context the view reads: the slot (scope, pinned, count) and the server list as item JSON.
	 */
	public function test_context_describes_the_slot_and_the_server_list(): void {
		$post = $this->create_post( array( 'post_title' => 'Only' ) );

		$context = ViewModel::from_attributes(
			array(
				'count'             => 4,
				'includeCategories' => array( '3', 'x', -4, 3, 0 ),
				'excludeTags'       => 'nope',
				'includeTags'       => array( 5 ),
				'pinned'            => array( 77 ),
				'personalize'       => false,
			),
			0
		)->context();

		$this->assertFalse( $context['personalize'] );
		$this->assertSame(
			array(
				'count'            => 4,
				'category'         => array( 3 ),
				'exclude_category' => array(),
				'tag'              => array( 5 ),
				'exclude_tag'      => array(),
				'pinned'           => array( 77 ),
			),
			$context['slot']
		);
		$this->assertSame( array(), $context['items'], 'Nothing in category 3.' );
		RenderedPosts::reset();
		$items = ViewModel::from_attributes( array(), 0 )->context()['items'];
		$this->assertCount( 1, $items );
		$this->assertSame( $post, $items[0]['id'] );
	}

	/**
	 * Unknown layouts and fallbacks fall back to the defaults; personalization and reasons are on by default.
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
		$this->assertTrue( $view->personalize );
		$this->assertTrue( $view->show_reason );
	}
}
