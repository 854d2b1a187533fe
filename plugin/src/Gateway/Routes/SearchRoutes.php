<?php
/**
 * The search service's gateway routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Routes;

use Switchboard\Blocks\Search\NativeSearchSource;
use Switchboard\Blocks\Search\Result;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Route;

/**
 * `GET switchboard/v1/search`: instant search, public and cached, with WordPress's own search as fallback.
 *
 * Answers are the same for every visitor, so they are cached for a minute, served stale for five more while
 * one request refreshes them, and for a day when the service is down.
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
				'results' => array(
					'type'     => 'array',
					'maxItems' => 50,
					'items'    => PostSummary::schema(
						array(
							'type' => array(
								'type'      => 'string',
								'maxLength' => 64,
							),
						)
					),
				),
				'total'   => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
				'page'    => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'pages'   => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
			),
		);
	}

	/**
	 * The same answer from WordPress's own search, for when the service fails.
	 *
	 * @param array<mixed> $args Validated arguments.
	 * @return array<string, mixed>
	 */
	private static function native( array $args ): array {
		$page     = is_int( $args['page'] ?? null ) ? $args['page'] : 1;
		$per_page = is_int( $args['per_page'] ?? null ) ? $args['per_page'] : 10;
		$found    = ( new NativeSearchSource() )->search( is_string( $args['q'] ?? null ) ? $args['q'] : '', $page, $per_page );

		return array(
			'results' => array_map(
				static fn( Result $result ): array => array(
					'id'      => $result->post_id,
					'title'   => $result->title,
					'url'     => $result->url,
					'excerpt' => $result->excerpt,
					'type'    => (string) get_post_type( $result->post_id ),
					'date'    => $result->date_iso,
				),
				$found->results
			),
			'total'   => $found->total,
			'page'    => $found->page,
			'pages'   => $found->total_pages,
		);
	}
}
