<?php
/**
 * The search service's gateway routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Routes;

use Switchboard\Blocks\Search\NativeFacets;
use Switchboard\Blocks\Search\NativeSearchSource;
use Switchboard\Blocks\Search\SearchFilters;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Route;

/**
 * `GET switchboard/v1/search`: instant search, public and cached, with WordPress's own search as fallback.
 *
 * Answers are the same for every visitor, so they are cached for a minute, served stale for five more while
 * one request refreshes them, and for a day when the service is down. The filters and sort are the search
 * service's (C3); WordPress's own search honours every one of them when it answers instead.
 */
final class SearchRoutes {

	/**
	 * The routes.
	 *
	 * @return list<Route>
	 */
	public static function routes(): array {
		return array(
			new Route(
				'search/query',
				'search',
				'/search',
				'GET',
				'/v1/search',
				Route::ACCESS_PUBLIC,
				array(
					'q'        => array(
						'description' => __( 'Search terms.', 'switchboard' ),
						'type'        => 'string',
						'minLength'   => 1,
						'maxLength'   => 200,
						'required'    => true,
						'pattern'     => '\S',
					),
					'page'     => array(
						'description' => __( 'Page of results, from 1.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 100,
						'default'     => 1,
					),
					'per_page' => array(
						'description' => __( 'Results per page.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 50,
						'default'     => 10,
					),
					'category' => self::id_list( __( 'Category ids, comma-separated; any of them.', 'switchboard' ) ),
					'tag'      => self::id_list( __( 'Tag ids, comma-separated; any of them.', 'switchboard' ) ),
					'author'   => self::id_list( __( 'Author ids, comma-separated; any of them.', 'switchboard' ) ),
					'type'     => array(
						'description' => __( 'Content types (post type slugs), comma-separated; any of them.', 'switchboard' ),
						'type'        => 'string',
						'maxLength'   => 420,
						'pattern'     => '^[a-z0-9_-]{1,20}(,[a-z0-9_-]{1,20}){0,19}$',
					),
					'after'    => self::date_arg( __( 'Published on or after: a date (2026-01-02) or an ISO 8601 date and time.', 'switchboard' ) ),
					'before'   => self::date_arg( __( 'Published on or before: a date (2026-01-02) or an ISO 8601 date and time.', 'switchboard' ) ),
					'sort'     => array(
						'description' => __( 'Order of results: by relevance (default) or newest first.', 'switchboard' ),
						'type'        => 'string',
						'enum'        => array( 'relevance', 'date' ),
					),
				),
				self::response_schema(),
				CachePolicy::public( 60, 300, DAY_IN_SECONDS ),
				null,
				static fn( array $args ): array => self::native( $args )
			),
		);
	}

	/**
	 * The fields passed back to the browser.
	 *
	 * @return array<string, mixed>
	 */
	public static function response_schema(): array {
		return array(
			'type'       => 'object',
			'required'   => array( 'results', 'total', 'page', 'pages' ),
			'properties' => array(
				'results'    => array(
					'type'     => 'array',
					'maxItems' => 50,
					'items'    => PostSummary::schema(
						array(
							'type'       => array(
								'type'      => 'string',
								'maxLength' => 64,
							),
							'highlights' => array(
								'type'       => 'object',
								'properties' => array(
									'title'   => self::ranges_schema(),
									'excerpt' => self::ranges_schema(),
								),
							),
						)
					),
				),
				'total'      => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
				'page'       => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'pages'      => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
				'facets'     => array(
					'type'       => 'object',
					'properties' => array(
						'category' => self::facet_schema(),
						'post_tag' => self::facet_schema(),
						'type'     => self::facet_schema(),
						'author'   => self::facet_schema(),
						'date'     => self::facet_schema(),
					),
				),
				'suggestion' => array(
					'type'      => array( 'string', 'null' ),
					'maxLength' => 200,
				),
			),
		);
	}

	/**
	 * A comma-separated list of up to 20 ids.
	 *
	 * @param string $description Description.
	 * @return array<string, mixed>
	 */
	private static function id_list( string $description ): array {
		return array(
			'description' => $description,
			'type'        => 'string',
			'maxLength'   => 420,
			'pattern'     => '^[1-9][0-9]{0,19}(,[1-9][0-9]{0,19}){0,19}$',
		);
	}

	/**
	 * A date, or a date and time with an optional offset.
	 *
	 * @param string $description Description.
	 * @return array<string, mixed>
	 */
	private static function date_arg( string $description ): array {
		return array(
			'description' => $description,
			'type'        => 'string',
			'maxLength'   => 35,
			'pattern'     => '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?)?$',
		);
	}

	/**
	 * Highlight ranges: `[start, end)` pairs of UTF-16 offsets.
	 *
	 * @return array<string, mixed>
	 */
	private static function ranges_schema(): array {
		return array(
			'type'     => 'array',
			'maxItems' => 200,
			'items'    => array(
				'type'     => 'array',
				'minItems' => 2,
				'maxItems' => 2,
				'items'    => array(
					'type'    => 'integer',
					'minimum' => 0,
					'maximum' => 10000,
				),
			),
		);
	}

	/**
	 * One facet: values with their labels and counts.
	 *
	 * @return array<string, mixed>
	 */
	private static function facet_schema(): array {
		return array(
			'type'     => 'array',
			'maxItems' => 50,
			'items'    => array(
				'type'       => 'object',
				'required'   => array( 'value', 'label', 'count' ),
				'properties' => array(
					'value' => array(
						'type'      => 'string',
						'maxLength' => 200,
					),
					'label' => array(
						'type'      => 'string',
						'maxLength' => 200,
					),
					'count' => array(
						'type'    => 'integer',
						'minimum' => 0,
					),
				),
			),
		);
	}

	/**
	 * The same answer from WordPress's own search, for when the service fails: every filter and the sort
	 * honoured, facets counted from WordPress's terms, the search's words highlighted, no suggestion.
	 *
	 * @param array<mixed> $args Validated arguments.
	 * @return array<string, mixed>
	 */
	private static function native( array $args ): array {
		$filters = SearchFilters::from_args( $args );
		$source  = new NativeSearchSource();

		return $source->find( $filters ) + array(
			'facets'     => ( new NativeFacets( $source ) )->count( $filters ),
			'suggestion' => null,
		);
	}
}
