<?php
/**
 * Tests of the search block's view model.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Blocks\Search\GatewaySearch;
use Switchboard\Blocks\Search\ViewModel;
use Switchboard\Tests\Blocks\BlockTestCase;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;

/**
 * The Interactivity context of a search, asked of the real gateway route in-process, with a real local
 * upstream standing in for the search service.
 */
final class ViewModelTest extends BlockTestCase {

	use ReadsArrays;
	use UsesFaultServer;

	/**
	 * Points the search service at the upstream.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::point_services_at( self::upstream()->url(), array( 'search' ) );
	}

	/**
	 * The view of a request.
	 *
	 * @param array<string, mixed> $query      Query variables.
	 * @param array<string, mixed> $attributes Attributes.
	 * @param array<string>        $kept       Kept variables.
	 * @return ViewModel
	 */
	private function view( array $query, array $attributes = array(), array $kept = array() ): ViewModel {
		return ViewModel::from_request( $attributes, $query, new GatewaySearch(), $kept, array(), 1795426877 /* 2026-11-23 09:41:17 UTC */ );
	}

	/**
	 * The query of each upstream request.
	 *
	 * @return list<array<string, string>>
	 */
	private static function upstream_queries(): array {
		return array_map(
			static function ( array $request ): array {
				parse_str( (string) wp_parse_url( $request['uri'], PHP_URL_QUERY ), $query );
				$strings = array();
				foreach ( $query as $name => $value ) {
					$strings[ (string) $name ] = is_string( $value ) ? $value : '';
				}
				return $strings;
			},
			self::upstream()->requests()
		);
	}

	/**
	 * Without `?q=` nothing is asked and the form keeps its translated defaults.
	 */
	public function test_without_a_term_nothing_is_searched(): void {
		$view = $this->view( array( 'qpage' => '2' ) );

		$this->assertSame( 0, self::upstream()->request_count() );
		$this->assertFalse( $view->context['searched'] );
		$this->assertSame( array(), $view->context['results'] );
		$this->assertSame( 'Search', $view->label );
		$this->assertSame( 'Search', $view->button_text );
		$this->assertSame( '', $view->placeholder );
		$this->assertTrue( $view->show_label );
	}

	/**
	 * The URL state becomes the gateway's arguments, and the answer becomes the context.
	 */
	public function test_a_search_becomes_the_context(): void {
		self::upstream()->set(
			array(
				'body' => SearchServiceFixture::answer(
					array( SearchServiceFixture::result( 5, 'Café crème', 'Hot café.', array( 'title' => array( array( 0, 4 ) ) ) ) ),
					1
				),
			)
		);

		$view = $this->view(
			array(
				'q'         => '  café ',
				'qcategory' => '12',
				'qdate'     => 'past-week',
				'qsort'     => 'date',
			),
			array(
				'perPage'      => 5,
				'showPostType' => true,
				'facets'       => array( 'date', 'category', 'bogus' ),
			)
		);

		$this->assertSame(
			array(
				array(
					'q'        => 'café',
					'page'     => '1',
					'per_page' => '5',
					'category' => '12',
					'after'    => '2026-11-16T09:00:00Z',
					'sort'     => 'date',
				),
			),
			self::upstream_queries()
		);
		$context = $view->context;
		$this->assertTrue( $context['searched'] );
		$this->assertFalse( $context['error'] );
		$this->assertFalse( $context['fallback'] );
		$this->assertTrue( $context['byDate'] );
		$this->assertSame( '1 result for “café”', $context['summary'] );
		$this->assertSame( array( 'category', 'date' ), self::value_at( $context, 'config', 'facets' ) );
		$result = self::array_at( $context, 'results', 0 );
		$this->assertSame(
			array(
				array(
					't' => '',
					'm' => array( 'Café' ),
				),
				array(
					't' => ' crème',
					'm' => array(),
				),
			),
			$result['title']
		);
		$this->assertSame( 'Post', $result['type'] );
		$this->assertSame( 'January 2, 2026', $result['dateText'] );
		$this->assertSame( array( 'category', 'date' ), self::column( $context, 'name', 'facets' ) );
		$this->assertSame(
			array(
				array(
					'value'   => '12',
					'text'    => 'News & <Views> (3)',
					'checked' => true,
				),
				array(
					'value'   => '13',
					'text'    => 'Events (1)',
					'checked' => false,
				),
			),
			self::value_at( $context, 'facets', 0, 'options' )
		);
		$this->assertSame( 'radio', self::value_at( $context, 'facets', 1, 'kind' ) );
		$this->assertSame( array( 'Any time', 'Past week (1)', 'Past month (2)', 'Past year (3)' ), self::column( $context, 'text', 'facets', 1, 'options' ) );
		$this->assertSame( array( false, true, false, false ), self::column( $context, 'checked', 'facets', 1, 'options' ) );
	}

	/**
	 * Page links keep the filters and the page's own variables; a page past the last shows the last.
	 */
	public function test_pages_keep_the_state_and_stay_in_range(): void {
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array(), 12, 4, 4 ) ) );

		$view = $this->view(
			array(
				'q'         => 'x',
				'qpage'     => '9',
				'qtag'      => '3',
				'page_id'   => '7',
				'unrelated' => 'y',
			),
			array( 'perPage' => 3 ),
			array( 'page_id', 'unrelated_kept' )
		);

		$this->assertSame( array( '9', '4' ), array_column( self::upstream_queries(), 'page' ), 'Asked again for the last page.' );
		$context = $view->context;
		$this->assertSame( 4, $context['page'] );
		$this->assertSame( 10, $context['start'] );
		$this->assertTrue( $context['paged'] );
		$this->assertSame( '?page_id=7&q=x&qpage=3&qtag=3', $context['prevUrl'] );
		$this->assertSame( '', $context['nextUrl'] );
		$this->assertSame( array( '1', '2', '3', '4' ), self::column( $context, 'key', 'pageLinks' ) );
		$this->assertSame( array( false, false, false, 'page' ), self::column( $context, 'current', 'pageLinks' ) );
		$this->assertSame( 'Page 4', self::value_at( $context, 'pageLinks', 3, 'label' ) );
		$this->assertSame( array( 'page_id' => '7' ), $view->hidden_fields );
	}

	/**
	 * A suggestion is offered when few results were found, linking to a plain search for it.
	 */
	public function test_suggests_a_spelling_only_for_few_results(): void {
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array(), 0, 1, 0, 'lighthouse' ) ) );
		$few = $this->view(
			array(
				'q'         => 'lighthose',
				'qcategory' => '4',
			)
		)->context;
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array(), 9, 1, 1, 'lighthouse' ) ) );
		$many = $this->view( array( 'q' => 'lighthose keeper' ) )->context;

		$this->assertSame( 'lighthouse', $few['suggestion'] );
		$this->assertSame( '?q=lighthouse', $few['suggestionUrl'] );
		$this->assertTrue( $few['empty'] );
		$this->assertSame( 'No results for “lighthose”', $few['summary'] );
		$this->assertSame( '', $many['suggestion'] );
	}

	/**
	 * When the service fails the fallback answers and says so; when the route itself fails, an error.
	 */
	public function test_fallback_and_error(): void {
		$post = $this->create_post( array( 'post_title' => 'Quillmere harbour' ) );
		self::upstream()->set( array( 'status' => 503 ) );

		$fallback = $this->view( array( 'q' => 'quillmere' ) )->context;

		$this->assertTrue( $fallback['fallback'] );
		$this->assertFalse( $fallback['error'] );
		$this->assertSame( array( $post ), self::column( $fallback, 'id', 'results' ) );

		self::upstream()->set( array( 'status' => 400 ) );
		$error = $this->view( array( 'q' => 'quillmere again' ) )->context;

		$this->assertTrue( $error['searched'] );
		$this->assertTrue( $error['error'] );
		$this->assertSame( array(), $error['results'] );
		$this->assertSame( '', $error['summary'] );
	}

	/**
	 * Attributes set the texts and what results show; blank texts fall back to the defaults.
	 */
	public function test_attributes_set_texts_and_display(): void {
		$view = $this->view(
			array(),
			array(
				'label'       => 'Find a recipe',
				'buttonText'  => '   ',
				'placeholder' => 'e.g. soup',
				'showLabel'   => false,
				'showExcerpt' => false,
				'instant'     => true,
				'perPage'     => 99,
			)
		);

		$this->assertSame( 'Find a recipe', $view->label );
		$this->assertSame( 'Search', $view->button_text );
		$this->assertSame( 'e.g. soup', $view->placeholder );
		$this->assertFalse( $view->show_label );
		$this->assertSame( 20, self::value_at( $view->context, 'config', 'perPage' ) );
		$this->assertTrue( self::value_at( $view->context, 'config', 'instant' ) );
		$this->assertFalse( self::value_at( $view->context, 'config', 'showExcerpt' ) );
		$this->assertSame( ViewModel::DEFAULT_FACETS, self::value_at( $view->context, 'config', 'facets' ) );
	}
}
