<?php
/**
 * Tests of the search block's view model.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Blocks\Search\Result;
use Switchboard\Blocks\Search\ResultPage;
use Switchboard\Blocks\Search\ResultsSource;
use Switchboard\Blocks\Search\ViewModel;
use Switchboard\Tests\TestCase;

/**
 * Request sanitizing, result paging and wording, against a results source that records what it is asked.
 */
final class ViewModelTest extends TestCase {

	/**
	 * A source with `$total` results, recording each search.
	 *
	 * @param int $total Results it has for any term.
	 * @return ResultsSource&object{calls: list<array{0: string, 1: int, 2: int}>}
	 */
	private function source( int $total ): ResultsSource {
		return new class( $total ) implements ResultsSource {

			/**
			 * Searches received, as [ term, page, per page ].
			 *
			 * @var list<array{0: string, 1: int, 2: int}>
			 */
			public array $calls = array();

			/**
			 * Sets the number of results.
			 *
			 * @param int $total Results for any term.
			 */
			public function __construct( private int $total ) {}

			/**
			 * Answers with numbered results.
			 *
			 * @param string $term     Term.
			 * @param int    $page     Page.
			 * @param int    $per_page Page size.
			 * @return ResultPage
			 */
			public function search( string $term, int $page, int $per_page ): ResultPage {
				$this->calls[] = array( $term, $page, $per_page );
				$pages         = (int) ceil( $this->total / $per_page );
				$results       = array();
				$first         = ( $page - 1 ) * $per_page + 1;
				$last          = min( $this->total, $first + $per_page - 1 );
				for ( $n = $first; $n <= $last; $n++ ) {
					$results[] = new Result( $n, "Result $n", "https://example.org/$n/", '', '2024-01-01T00:00:00+00:00', 'January 1, 2024', 'Post', 0 );
				}

				return new ResultPage( $results, $this->total, $page, $per_page, $pages );
			}
		};
	}

	/**
	 * Without `?q=` the block is a form only, with its translated default texts.
	 */
	public function test_without_a_term_nothing_is_searched(): void {
		$source = $this->source( 5 );

		$view = ViewModel::from_request( array(), array( 'qpage' => '2' ), $source );

		$this->assertSame( array(), $source->calls );
		$this->assertNull( $view->results );
		$this->assertNull( $view->pagination );
		$this->assertSame( '', $view->summary() );
		$this->assertSame( 'Search', $view->label );
		$this->assertSame( 'Search', $view->button_text );
		$this->assertSame( '', $view->placeholder );
		$this->assertTrue( $view->show_label );
	}

	/**
	 * Attributes override the defaults; blank ones do not.
	 */
	public function test_attributes_set_the_texts_and_what_results_show(): void {
		$view = ViewModel::from_request(
			array(
				'label'        => 'Find a recipe',
				'buttonText'   => '   ',
				'placeholder'  => 'e.g. soup',
				'showLabel'    => false,
				'showExcerpt'  => false,
				'showDate'     => false,
				'showPostType' => true,
				'showImage'    => true,
			),
			array(),
			$this->source( 0 )
		);

		$this->assertSame( 'Find a recipe', $view->label );
		$this->assertSame( 'Search', $view->button_text );
		$this->assertSame( 'e.g. soup', $view->placeholder );
		$this->assertFalse( $view->show_label );
		$this->assertFalse( $view->show_excerpt );
		$this->assertFalse( $view->show_date );
		$this->assertTrue( $view->show_post_type );
		$this->assertTrue( $view->show_image );
	}

	/**
	 * Terms from the request.
	 *
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public function terms(): array {
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
	 * `?q=` becomes plain text on one line, at most 200 characters.
	 *
	 * @dataProvider terms
	 *
	 * @param mixed  $input    Request value.
	 * @param string $expected Term searched for.
	 */
	public function test_term_is_sanitized_and_capped( $input, string $expected ): void {
		$this->assertSame( $expected, ViewModel::sanitize_term( $input ) );
	}

	/**
	 * Pages from the request.
	 *
	 * @return array<string, array{0: mixed, 1: int}>
	 */
	public function pages(): array {
		return array(
			'a number'     => array( '3', 3 ),
			'zero'         => array( '0', 1 ),
			'negative'     => array( '-2', 1 ),
			'not a number' => array( 'abc', 1 ),
			'far too deep' => array( '99999', ViewModel::MAX_PAGE ),
			'an array'     => array( array( '2' ), 1 ),
			'a fraction'   => array( '2.9', 2 ),
		);
	}

	/**
	 * `?qpage=` becomes a page from 1 to MAX_PAGE.
	 *
	 * @dataProvider pages
	 *
	 * @param mixed $input    Request value.
	 * @param int   $expected Page.
	 */
	public function test_page_is_clamped( $input, int $expected ): void {
		$this->assertSame( $expected, ViewModel::sanitize_page( $input ) );
	}

	/**
	 * The perPage attribute stays within 1 to 20.
	 */
	public function test_results_per_page_are_clamped(): void {
		$this->assertSame( 1, ViewModel::per_page( 0 ) );
		$this->assertSame( 20, ViewModel::per_page( 50 ) );
		$this->assertSame( 7, ViewModel::per_page( '7' ) );
		$this->assertSame( 10, ViewModel::per_page( null ) );
	}

	/**
	 * The source is asked for the sanitized term, page and page size.
	 */
	public function test_a_search_asks_the_source_for_the_requested_page(): void {
		$source = $this->source( 12 );

		$view = ViewModel::from_request(
			array( 'perPage' => 5 ),
			array(
				'q'     => ' soup ',
				'qpage' => '2',
			),
			$source
		);

		$this->assertSame( array( array( 'soup', 2, 5 ) ), $source->calls );
		$this->assertSame( 'soup', $view->term );
		$this->assertNotNull( $view->results );
		$this->assertCount( 5, $view->results->results );
		$this->assertSame( 6, $view->first_position() );
	}

	/**
	 * An old link past the last page shows the last page rather than nothing.
	 */
	public function test_a_page_beyond_the_last_shows_the_last(): void {
		$source = $this->source( 12 );

		$view = ViewModel::from_request(
			array( 'perPage' => 5 ),
			array(
				'q'     => 'soup',
				'qpage' => '9',
			),
			$source
		);

		$this->assertSame( array( array( 'soup', 9, 5 ), array( 'soup', 3, 5 ) ), $source->calls );
		$this->assertNotNull( $view->results );
		$this->assertSame( 3, $view->results->page );
		$this->assertCount( 2, $view->results->results );
		$this->assertSame( 11, $view->first_position() );
	}

	/**
	 * Page links appear only when there is more than one page.
	 */
	public function test_pagination_only_with_several_pages(): void {
		$one  = ViewModel::from_request( array( 'perPage' => 5 ), array( 'q' => 'soup' ), $this->source( 5 ) );
		$many = ViewModel::from_request( array( 'perPage' => 5 ), array( 'q' => 'soup' ), $this->source( 6 ) );

		$this->assertNull( $one->pagination );
		$this->assertNotNull( $many->pagination );
		$this->assertSame( 2, $many->pagination->total );
	}

	/**
	 * The form and the page links keep the variables that say which page this is, and nothing else.
	 */
	public function test_page_variables_are_kept_and_other_input_is_not(): void {
		$view = ViewModel::from_request(
			array( 'perPage' => 1 ),
			array(
				'q'       => 'soup',
				'page_id' => '5',
				'paged'   => '2',
				'utm'     => '<x>',
				'p'       => array( '1' ),
			),
			$this->source( 3 ),
			array( 'page_id', 'paged', 'p' )
		);

		$this->assertSame( array( 'page_id' => '5' ), $view->hidden_fields );
		$this->assertNotNull( $view->pagination );
		$this->assertSame( '?page_id=5&q=soup&qpage=2', $view->pagination->url( 2 ) );
	}

	/**
	 * The count sentence uses the plural form and the locale's number format.
	 */
	public function test_summary_counts_results_for_the_term(): void {
		$summary = fn( int $total ): string => ViewModel::from_request( array(), array( 'q' => 'soup' ), $this->source( $total ) )->summary();

		$this->assertSame( 'No results for “soup”', $summary( 0 ) );
		$this->assertSame( '1 result for “soup”', $summary( 1 ) );
		$this->assertSame( '1,234 results for “soup”', $summary( 1234 ) );
	}
}
