<?php
/**
 * Tests of `GET switchboard/v1/search`: the search service's filters, sort and answer fields, and the
 * native fallback that honours them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Tests\Blocks\BlockTestCase;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Dispatched through WordPress's REST server to a real local upstream (a FaultServer).
 */
final class SearchRouteTest extends BlockTestCase {

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
	 * Dispatches a search.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @return WP_REST_Response
	 */
	private function search( array $params ): WP_REST_Response {
		$request = new WP_REST_Request( 'GET', '/switchboard/v1/search' );
		$request->set_query_params( $params );

		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The answer's data as an array.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	private static function data( WP_REST_Response $response ): array {
		$data = $response->get_data();
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * Creates a term.
	 *
	 * @param string $name     Name.
	 * @param string $taxonomy Taxonomy.
	 * @return int Term id.
	 */
	private static function term( string $name, string $taxonomy ): int {
		$term = wp_insert_term( $name, $taxonomy );
		self::assertIsArray( $term );

		return (int) $term['term_id'];
	}

	/**
	 * Every filter and the sort reach the service as declared; highlights, facets (with dates) and the
	 * suggestion come back, anything else the service adds does not.
	 */
	public function test_passes_filters_up_and_answer_fields_back(): void {
		$answer = array(
			'results'    => array(
				array(
					'id'         => 4,
					'title'      => 'Café <crème>',
					'url'        => 'https://example.org/cafe/',
					'excerpt'    => 'Strong coffee.',
					'date'       => '2026-01-02T03:04:05+00:00',
					'type'       => 'post',
					'highlights' => array(
						'title'   => array( array( 0, 4 ) ),
						'excerpt' => array(),
						'body'    => array( array( 1, 2 ) ),
					),
					'score'      => 3.2,
				),
			),
			'total'      => 1,
			'page'       => 1,
			'pages'      => 1,
			'facets'     => array(
				'category' => array(
					array(
						'value'  => '12',
						'label'  => 'News',
						'count'  => 1,
						'secret' => 'x',
					),
				),
				'post_tag' => array(),
				'type'     => array(
					array(
						'value' => 'post',
						'label' => 'post',
						'count' => 1,
					),
				),
				'author'   => array(),
				'date'     => array(
					array(
						'value' => 'past-week',
						'label' => 'Past week',
						'count' => 0,
					),
				),
				'internal' => array( 'x' ),
			),
			'suggestion' => 'cafe',
			'took'       => 2,
		);
		self::upstream()->set( array( 'body' => (string) wp_json_encode( $answer ) ) );

		$response = $this->search(
			array(
				'q'        => 'cafe',
				'category' => '12,13',
				'tag'      => '7',
				'author'   => '2',
				'type'     => 'post,page',
				'after'    => '2026-01-01',
				'before'   => '2026-02-01T00:00:00Z',
				'sort'     => 'date',
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame(
			'/v1/search?q=cafe&page=1&per_page=10&category=12%2C13&tag=7&author=2&type=post%2Cpage&after=2026-01-01&before=2026-02-01T00%3A00%3A00Z&sort=date',
			self::value_at( $requests, 0, 'uri' )
		);
		$data = self::data( $response );
		$this->assertSame( array( 'results', 'total', 'page', 'pages', 'facets', 'suggestion' ), array_keys( $data ) );
		$this->assertSame(
			array(
				'title'   => array( array( 0, 4 ) ),
				'excerpt' => array(),
			),
			self::value_at( $data, 'results', 0, 'highlights' )
		);
		$this->assertArrayNotHasKey( 'score', self::array_at( $data, 'results', 0 ) );
		$this->assertSame( array( 'category', 'post_tag', 'type', 'author', 'date' ), array_keys( self::array_at( $data, 'facets' ) ) );
		$this->assertSame(
			array(
				array(
					'value' => '12',
					'label' => 'News',
					'count' => 1,
				),
			),
			self::value_at( $data, 'facets', 'category' )
		);
		$this->assertSame( 'cafe', $data['suggestion'] );
	}

	/**
	 * Malformed filters are refused before anything is called.
	 *
	 * @dataProvider provide_bad_filters
	 *
	 * @param array<string, string> $params Parameters besides `q`.
	 */
	public function test_refuses_malformed_filters( array $params ): void {
		$response = $this->search( array( 'q' => 'x' ) + $params );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * Malformed filter values.
	 *
	 * @return array<string, array{array<string, string>}>
	 */
	public static function provide_bad_filters(): array {
		return array(
			'a category name'      => array( array( 'category' => 'news' ) ),
			'an empty id'          => array( array( 'tag' => '3,,4' ) ),
			'a zero id'            => array( array( 'author' => '0' ) ),
			'21 ids'               => array( array( 'category' => implode( ',', range( 1, 21 ) ) ) ),
			'an upper-case type'   => array( array( 'type' => 'Post' ) ),
			'a type with a space'  => array( array( 'type' => 'post, page' ) ),
			'month 13'             => array( array( 'after' => '2026-13-01' ) ),
			'a date in words'      => array( array( 'before' => 'yesterday' ) ),
			'a time without T'     => array( array( 'after' => '2026-01-01 10:00' ) ),
			'an unknown sort'      => array( array( 'sort' => 'title' ) ),
			'an unknown parameter' => array( array( 'qcategory' => '3' ) ),
		);
	}

	/**
	 * With the service down, WordPress's own search honours each filter and the sort, in the same shape.
	 */
	public function test_native_fallback_honours_filters_and_sort(): void {
		self::upstream()->set( array( 'status' => 503 ) );
		$news   = self::term( 'Harbour News', 'category' );
		$events = self::term( 'Events', 'category' );
		$tag    = self::term( 'Boats', 'post_tag' );
		$ada    = wp_insert_user(
			array(
				'user_login'   => 'ada',
				'user_pass'    => wp_generate_password(),
				'role'         => 'author',
				'display_name' => 'Ada',
			)
		);
		$this->assertIsInt( $ada );
		$old  = $this->create_post(
			array(
				'post_title'    => 'Quayside history',
				'post_date'     => '2020-05-01 10:00:00',
				'post_category' => array( $news ),
				'tags_input'    => array( $tag ),
			)
		);
		$new  = $this->create_post(
			array(
				'post_title'    => 'Quayside today',
				'post_date'     => gmdate( 'Y-m-d H:i:s', time() - 2 * DAY_IN_SECONDS ),
				'post_category' => array( $events ),
				'post_author'   => $ada,
			)
		);
		$page = $this->create_post(
			array(
				'post_type'  => 'page',
				'post_title' => 'Quayside map',
				'post_date'  => '2021-01-01 10:00:00',
			)
		);

		$all = $this->search(
			array(
				'q'    => 'quayside',
				'sort' => 'date',
			)
		);
		$this->assertSame( 'native', $all->get_headers()['X-Switchboard-Fallback'] ?? null );
		$data = self::data( $all );
		$this->assertSame( array( 'results', 'total', 'page', 'pages', 'facets', 'suggestion' ), array_keys( $data ) );
		$this->assertSame( array( $new, $page, $old ), self::column( $data, 'id', 'results' ) );
		$this->assertNull( $data['suggestion'] );
		// The search's words are highlighted in UTF-16 units, as the service does.
		$this->assertSame(
			array(
				'title'   => array( array( 0, 8 ) ),
				'excerpt' => array(),
			),
			self::value_at( $data, 'results', 0, 'highlights' )
		);

		$this->assertSame( 'page', self::value_at( $data, 'results', 1, 'type' ) );
		$this->assertSame(
			array(
				array(
					'value' => 'post',
					'label' => 'post',
					'count' => 2,
				),
				array(
					'value' => 'page',
					'label' => 'page',
					'count' => 1,
				),
			),
			self::value_at( $data, 'facets', 'type' )
		);
		$this->assertSame(
			array(
				array(
					'value' => 'past-week',
					'label' => 'Past week',
					'count' => 1,
				),
				array(
					'value' => 'past-month',
					'label' => 'Past month',
					'count' => 1,
				),
				array(
					'value' => 'past-year',
					'label' => 'Past year',
					'count' => 1,
				),
			),
			self::value_at( $data, 'facets', 'date' )
		);

		$by_category = self::data(
			$this->search(
				array(
					'q'        => 'quayside',
					'category' => (string) $news,
				)
			)
		);
		$this->assertSame( array( $old ), self::column( $by_category, 'id', 'results' ) );
		// A facet is counted without its own filter, so the other categories stay on offer.
		$this->assertEqualsCanonicalizing( array( (string) $news, (string) $events ), self::column( $by_category, 'value', 'facets', 'category' ) );
		$this->assertContains( 'Harbour News', self::column( $by_category, 'label', 'facets', 'category' ) );
		$this->assertSame( array( (string) $tag ), self::column( $by_category, 'value', 'facets', 'post_tag' ) );

		$by_tag = self::data(
			$this->search(
				array(
					'q'   => 'quayside',
					'tag' => (string) $tag,
				)
			)
		);
		$this->assertSame( array( $old ), self::column( $by_tag, 'id', 'results' ) );

		$by_author = self::data(
			$this->search(
				array(
					'q'      => 'quayside',
					'author' => (string) $ada,
				)
			)
		);
		$this->assertSame( array( $new ), self::column( $by_author, 'id', 'results' ) );
		$this->assertContains(
			array(
				'value' => (string) $ada,
				'label' => 'Ada',
				'count' => 1,
			),
			self::array_at( $by_author, 'facets', 'author' )
		);

		$by_type = self::data(
			$this->search(
				array(
					'q'    => 'quayside',
					'type' => 'page,nonexistent',
				)
			)
		);
		$this->assertSame( array( $page ), self::column( $by_type, 'id', 'results' ) );

		$in_range = self::data(
			$this->search(
				array(
					'q'      => 'quayside',
					'after'  => '2020-05-01',
					'before' => '2021-01-01T10:00:00Z',
				)
			)
		);
		$this->assertEqualsCanonicalizing( array( $old, $page ), self::column( $in_range, 'id', 'results' ) );
		// The date facet ignores the date range itself.
		$this->assertSame( 1, self::value_at( $in_range, 'facets', 'date', 0, 'count' ) );

		$nothing = self::data(
			$this->search(
				array(
					'q'    => 'quayside',
					'type' => 'attachment',
				)
			)
		);
		$this->assertSame( 0, $nothing['total'] );
		$this->assertSame( array(), $nothing['results'] );
	}

	/**
	 * The fallback pages like the service: page, per page, total and page count.
	 */
	public function test_native_fallback_pages(): void {
		self::upstream()->set( array( 'status' => 503 ) );
		foreach ( range( 1, 5 ) as $n ) {
			$this->create_post(
				array(
					'post_title' => "Lantern {$n}",
					'post_date'  => "2024-01-0{$n} 10:00:00",
				)
			);
		}

		$data = self::data(
			$this->search(
				array(
					'q'        => 'lantern',
					'per_page' => 2,
					'page'     => 3,
					'sort'     => 'date',
				)
			)
		);

		$this->assertSame( 5, $data['total'] );
		$this->assertSame( 3, $data['pages'] );
		$this->assertSame( 3, $data['page'] );
		$this->assertSame( array( 'Lantern 1' ), self::column( $data, 'title', 'results' ) );
	}
}
