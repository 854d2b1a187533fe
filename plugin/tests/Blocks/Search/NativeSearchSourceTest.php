<?php
/**
 * Tests of the search block's WordPress-native results.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Blocks\Search\NativeSearchSource;
use Switchboard\Blocks\Search\Result;
use Switchboard\Tests\Blocks\BlockTestCase;

/**
 * WordPress's own search over real posts: what is found, what never is, and how results are shaped.
 */
final class NativeSearchSourceTest extends BlockTestCase {

	/**
	 * Published posts and pages are found; drafts, private and password-protected content is not.
	 */
	public function test_finds_published_content_of_public_types_only(): void {
		$post = $this->create_post(
			array(
				'post_title'   => 'Zephyrine harbour notes',
				'post_excerpt' => 'Boats & <em>tides</em>.',
				'post_date'    => '2024-03-05 10:00:00',
			)
		);
		$page = $this->create_post(
			array(
				'post_type'  => 'page',
				'post_title' => 'A guide to Zephyrine',
			)
		);
		$this->create_post(
			array(
				'post_title'  => 'Zephyrine draft',
				'post_status' => 'draft',
			)
		);
		$this->create_post(
			array(
				'post_title'  => 'Zephyrine private',
				'post_status' => 'private',
			)
		);
		$this->create_post(
			array(
				'post_title'    => 'Zephyrine members',
				'post_password' => 'secret',
			)
		);

		$results = ( new NativeSearchSource() )->search( 'zephyrine', 1, 10 );

		$this->assertSame( 2, $results->total );
		$this->assertSame( 1, $results->total_pages );
		$by_id = array();
		foreach ( $results->results as $result ) {
			$by_id[ $result->post_id ] = $result;
		}
		$this->assertEqualsCanonicalizing( array( $post, $page ), array_keys( $by_id ) );

		$this->assertArrayHasKey( $post, $by_id );
		$found = $by_id[ $post ];
		$this->assertSame( 'Zephyrine harbour notes', $found->title );
		$this->assertSame( get_permalink( $post ), $found->url );
		$this->assertSame( 'Boats &amp; tides.', $found->excerpt );
		$this->assertSame( '2024-03-05T10:00:00+00:00', $found->date_iso );
		$this->assertSame( 'March 5, 2024', $found->date_display );
		$this->assertSame( 'Post', $found->type_label );
		$this->assertSame( 0, $found->thumbnail_id );
		$this->assertSame( 'Page', $by_id[ $page ]->type_label );
	}

	/**
	 * Pages of results follow the page size, and the totals cover every page.
	 */
	public function test_pages_through_results(): void {
		foreach ( array( '2024-01-01', '2024-01-02', '2024-01-03' ) as $day ) {
			$this->create_post(
				array(
					'post_title' => "Quillworth report $day",
					'post_date'  => "$day 09:00:00",
				)
			);
		}

		$first  = ( new NativeSearchSource() )->search( 'quillworth', 1, 2 );
		$second = ( new NativeSearchSource() )->search( 'quillworth', 2, 2 );

		$this->assertSame( 3, $first->total );
		$this->assertSame( 2, $first->total_pages );
		$this->assertSame( 2, $first->per_page );
		$this->assertCount( 2, $first->results );
		$this->assertCount( 1, $second->results );
		$this->assertSame( 2, $second->page );
		$this->assertNotContains(
			$second->results[0]->post_id,
			array_map( fn( Result $result ): int => $result->post_id, $first->results )
		);
	}

	/**
	 * A post without a title is still a usable link, and its featured image is reported.
	 */
	public function test_untitled_post_and_featured_image(): void {
		$post  = $this->create_post(
			array(
				'post_title'   => '',
				'post_content' => 'Marrowdale is mentioned only here.',
			)
		);
		$image = $this->create_image( '' );
		set_post_thumbnail( $post, $image );

		$results = ( new NativeSearchSource() )->search( 'marrowdale', 1, 10 );

		$this->assertCount( 1, $results->results );
		$this->assertSame( '(no title)', $results->results[0]->title );
		$this->assertSame( $image, $results->results[0]->thumbnail_id );
		$this->assertSame( 'Marrowdale is mentioned only here.', $results->results[0]->excerpt );
	}
}
