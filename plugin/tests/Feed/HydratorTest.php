<?php
/**
 * Post ids into feed items.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Feed\Hydrator;
use Switchboard\Tests\Support\CreatesImages;

/**
 * Only showable posts, in the service's order, across slots, with a query count that does not grow with
 * the number of items.
 */
final class HydratorTest extends FeedTestCase {

	use CreatesImages;

	/**
	 * Posts with an author, a category and a featured image each.
	 *
	 * @param int $count How many.
	 * @return list<int>
	 */
	private function posts( int $count ): array {
		$ids = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$author = wp_insert_user(
				array(
					'user_login'   => 'author' . $i . '_' . wp_rand(),
					'user_pass'    => 'x',
					'display_name' => 'Author ' . $i,
				)
			);
			$this->assertIsInt( $author );
			$id = self::post(
				'Post ' . $i,
				array(
					'post_author'   => $author,
					'post_category' => array( self::term( 'Category ' . $i . ' ' . wp_rand() ) ),
				)
			);
			set_post_thumbnail( $id, $this->create_image( 'A photo' ) );
			$ids[] = $id;
		}

		return $ids;
	}

	/**
	 * References for ids with a popular reason.
	 *
	 * @param list<int> $ids Ids.
	 * @return list<array<mixed>>
	 */
	private static function refs( array $ids ): array {
		return array_map(
			static fn( int $id ): array => array(
				'id'     => $id,
				'reason' => array( 'kind' => 'popular' ),
			),
			$ids
		);
	}

	/**
	 * Database queries one hydration makes with cold caches.
	 *
	 * @param list<list<array<mixed>>> $slots References per slot.
	 * @return int
	 */
	private function queries( array $slots ): int {
		wp_cache_flush();
		$before = $this->wpdb()->num_queries;
		Hydrator::slots( $slots );

		return $this->wpdb()->num_queries - $before;
	}

	/**
	 * Slots keep their order; unknown and unshowable posts are dropped; images are the `medium` size.
	 */
	public function test_slots_keep_the_service_order(): void {
		list( $a, $b, $c ) = $this->posts( 3 );
		$draft             = self::post( 'Draft', array( 'post_status' => 'draft' ) );
		$pending           = self::post( 'Pending', array( 'post_status' => 'pending' ) );
		$future            = self::post(
			'Future',
			array(
				'post_status' => 'future',
				'post_date'   => gmdate( 'Y-m-d H:i:s', time() + DAY_IN_SECONDS ),
			)
		);

		$slots = Hydrator::slots( array( self::refs( array( $c, $draft, $a ) ), self::refs( array( $pending, $future, 424242, $b ) ), array() ) );

		$this->assertSame( array( $c, $a ), self::ids( $slots[0] ) );
		$this->assertSame( array( $b ), self::ids( $slots[1] ) );
		$this->assertSame( array(), $slots[2] );
		$image = $slots[0][0]['image'] ?? null;
		$this->assertIsArray( $image );
		$this->assertSame( 300, $image['width'] );
		$this->assertSame( 200, $image['height'] );
		$this->assertSame( 'A photo', $image['alt'] );
		$this->assertIsString( $image['src'] );
		$this->assertStringEndsWith( 'photo-300x200.jpg', $image['src'] );
	}

	/**
	 * Twelve items cost the same queries as three: one for the posts, the rest primed in bulk.
	 */
	public function test_query_count_does_not_grow_with_items(): void {
		$ids = $this->posts( 12 );

		$three  = $this->queries( array( self::refs( array_slice( $ids, 0, 3 ) ) ) );
		$twelve = $this->queries( array( self::refs( array_slice( $ids, 0, 6 ) ), self::refs( array_slice( $ids, 6 ) ) ) );

		$this->assertGreaterThan( 0, $three );
		$this->assertLessThanOrEqual( 12, $three, 'Posts, their terms, meta, featured images and authors, each in bulk.' );
		$this->assertSame( $three, $twelve );
	}

	/**
	 * Another post type is listed only when the feed's types include it.
	 */
	public function test_post_types_are_filterable(): void {
		$page = self::post( 'A page', array( 'post_type' => 'page' ) );

		$this->assertSame( array(), Hydrator::items( self::refs( array( $page ) ) ) );
		add_filter( 'switchboard_feed_post_types', static fn(): array => array( 'post', 'page' ) );
		$this->assertSame( array( $page ), self::ids( Hydrator::items( self::refs( array( $page ) ) ) ) );
	}
}
