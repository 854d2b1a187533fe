<?php
/**
 * Tests of the search block's page links.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Blocks\Search\Pagination;
use Switchboard\Tests\TestCase;

/**
 * Which pages are offered, and where their links go.
 */
final class PaginationTest extends TestCase {

	/**
	 * Current page, total pages and the numbers offered (null is a gap).
	 *
	 * @return array<string, array{0: int, 1: int, 2: list<int|null>}>
	 */
	public function windows(): array {
		return array(
			'two pages'              => array( 1, 2, array( 1, 2 ) ),
			'first of ten'           => array( 1, 10, array( 1, 2, null, 10 ) ),
			'middle of ten'          => array( 5, 10, array( 1, null, 4, 5, 6, null, 10 ) ),
			'a gap of one is no gap' => array( 4, 10, array( 1, 2, 3, 4, 5, null, 10 ) ),
			'last of ten'            => array( 10, 10, array( 1, null, 9, 10 ) ),
			'all of five'            => array( 3, 5, array( 1, 2, 3, 4, 5 ) ),
		);
	}

	/**
	 * First, last, current and neighbours, with gaps only where two or more pages are skipped.
	 *
	 * @dataProvider windows
	 *
	 * @param int            $current  Current page.
	 * @param int            $total    Pages.
	 * @param list<int|null> $expected Numbers offered.
	 */
	public function test_numbers_offered( int $current, int $total, array $expected ): void {
		$this->assertSame( $expected, ( new Pagination( $current, $total, array() ) )->numbers() );
	}

	/**
	 * Previous and next exist only where there is such a page.
	 */
	public function test_previous_and_next(): void {
		$first = new Pagination( 1, 3, array() );
		$last  = new Pagination( 3, 3, array() );

		$this->assertNull( $first->previous() );
		$this->assertSame( 2, $first->next() );
		$this->assertSame( 2, $last->previous() );
		$this->assertNull( $last->next() );
	}

	/**
	 * Links are query-only URLs with the term encoded, and page 1 has no page variable.
	 */
	public function test_links_encode_the_term_and_stay_on_the_page(): void {
		$pagination = new Pagination( 1, 3, array( 'q' => 'fish & chips/“best”' ) );

		$this->assertSame( '?q=fish%20%26%20chips%2F%E2%80%9Cbest%E2%80%9D', $pagination->url( 1 ) );
		$this->assertSame( '?q=fish%20%26%20chips%2F%E2%80%9Cbest%E2%80%9D&qpage=3', $pagination->url( 3 ) );
	}
}
