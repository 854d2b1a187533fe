<?php
/**
 * Tests of the search block's URL state.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Blocks\Search\UrlState;
use Switchboard\Tests\TestCase;

/**
 * C4's variables read from untrusted input, and written back as links and gateway arguments.
 */
final class UrlStateTest extends TestCase {

	/**
	 * Every variable is read.
	 */
	public function test_reads_every_variable(): void {
		$state = UrlState::from_query(
			array(
				'q'         => 'red shoes',
				'qpage'     => '3',
				'qcategory' => '4,7',
				'qtag'      => '9',
				'qauthor'   => '2',
				'qtype'     => 'post,page',
				'qdate'     => 'past-month',
				'qsort'     => 'date',
			)
		);

		$this->assertSame( 'red shoes', $state->term );
		$this->assertSame( 3, $state->page );
		$this->assertSame(
			array(
				'category' => array( '4', '7' ),
				'post_tag' => array( '9' ),
				'author'   => array( '2' ),
				'type'     => array( 'post', 'page' ),
			),
			$state->lists
		);
		$this->assertSame( 'past-month', $state->date );
		$this->assertSame( 'date', $state->sort );
		$this->assertTrue( $state->has( 'category', '7' ) );
		$this->assertFalse( $state->has( 'category', '9' ) );
		$this->assertTrue( $state->has( 'date', 'past-month' ) );
	}

	/**
	 * On the theme's search template the term is WordPress's `s`, unless the block's own `q` is there.
	 */
	public function test_reads_wordpress_search_term_without_q(): void {
		$this->assertSame( 'tides', UrlState::from_query( array( 's' => 'tides' ) )->term );
		$this->assertSame(
			'boats',
			UrlState::from_query(
				array(
					's' => 'tides',
					'q' => 'boats',
				)
			)->term
		);
	}

	/**
	 * Values the gateway would refuse are dropped, not passed on.
	 */
	public function test_drops_invalid_values(): void {
		$state = UrlState::from_query(
			array(
				'q'         => array( 'x' ),
				'qpage'     => '-2',
				'qcategory' => 'news,0,5,5',
				'qtype'     => 'Post,ok_type',
				'qdate'     => 'yesterday',
				'qsort'     => 'title',
				'qauthor'   => array( 'a' => array( '1' ) ),
			)
		);

		$this->assertSame( '', $state->term );
		$this->assertSame( 1, $state->page );
		$this->assertSame( array( '5' ), $state->lists['category'] );
		$this->assertSame( array( 'ok_type' ), $state->lists['type'] );
		$this->assertSame( array(), $state->lists['author'] );
		$this->assertSame( '', $state->date );
		$this->assertSame( 'relevance', $state->sort );
		$this->assertSame( UrlState::MAX_PAGE, UrlState::from_query( array( 'qpage' => '99999' ) )->page );
		$this->assertCount( UrlState::MAX_VALUES, UrlState::from_query( array( 'qtag' => implode( ',', range( 1, 30 ) ) ) )->lists['post_tag'] );
	}

	/**
	 * A form of checkboxes submits a list as repeated variables, which `$_GET` reduces to the last one.
	 */
	public function test_reads_repeated_variables_from_the_raw_query_string(): void {
		$repeated = UrlState::repeated( 'q=x&qcategory=4&qcategory=7%2C4&qtag=&other=1&qtype=post' );
		$state    = UrlState::from_query( array( 'qcategory' => '7,4' ), $repeated );

		$this->assertSame(
			array(
				'qcategory' => array( '4', '7,4' ),
				'qtag'      => array( '' ),
				'qtype'     => array( 'post' ),
			),
			$repeated
		);
		$this->assertSame( array( '7', '4' ), $state->lists['category'] );
		$this->assertSame( array( 'post' ), $state->lists['type'] );
	}

	/**
	 * Terms are plain text on one line, capped.
	 *
	 * @dataProvider provide_terms
	 *
	 * @param mixed  $input    Untrusted value.
	 * @param string $expected Sanitized term.
	 */
	public function test_term_is_sanitized_and_capped( mixed $input, string $expected ): void {
		$this->assertSame( $expected, UrlState::sanitize_term( $input ) );
	}

	/**
	 * Terms from the request.
	 *
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public static function provide_terms(): array {
		return array(
			'tags and extra spaces' => array( "  <b>red</b> \t shoes ", 'red shoes' ),
			'a line break'          => array( "line\nbreak", 'line break' ),
			'markup with quotes'    => array( '"><script>alert(1)</script>', '">' ),
			'over 200 characters'   => array( str_repeat( 'é', 250 ), str_repeat( 'é', 200 ) ),
			'an array'              => array( array( 'x' ), '' ),
			'blank'                 => array( '   ', '' ),
		);
	}

	/**
	 * Links carry the page's own variables first, then only what differs from the defaults.
	 */
	public function test_writes_links_and_gateway_arguments(): void {
		$state = new UrlState(
			'café au lait',
			2,
			array(
				'category' => array( '4', '7' ),
				'type'     => array( 'post' ),
			),
			'past-week',
			'date'
		);
		$now   = 1795426877; // 2026-11-23 09:41:17 UTC.

		$this->assertSame(
			'?page_id=12&q=caf%C3%A9%20au%20lait&qpage=2&qcategory=4%2C7&qtype=post&qdate=past-week&qsort=date',
			$state->url( array( 'page_id' => '12' ) )
		);
		$this->assertSame( '?q=x', ( new UrlState( 'x' ) )->url() );
		$this->assertSame(
			array(
				'q'        => 'café au lait',
				'page'     => 2,
				'per_page' => 5,
				'category' => '4,7',
				'type'     => 'post',
				'after'    => '2026-11-16T09:00:00Z',
				'sort'     => 'date',
			),
			$state->gateway_args( 5, $now )
		);
		$this->assertSame(
			array(
				'q'        => 'x',
				'page'     => 1,
				'per_page' => 10,
			),
			( new UrlState( 'x' ) )->gateway_args( 10, $now )
		);
		$this->assertSame( '2025-11-23T09:00:00Z', UrlState::after( 'past-year', $now ) );
	}
}
