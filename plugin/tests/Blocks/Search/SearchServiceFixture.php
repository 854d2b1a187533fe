<?php
/**
 * Search service answers for the block's tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

/**
 * Builds `GET /v1/search` answers in the service's shape (C3), for a FaultServer to send.
 */
final class SearchServiceFixture {

	/**
	 * An answer.
	 *
	 * @param list<array<string, mixed>> $results    Results.
	 * @param int                        $total      Total.
	 * @param int                        $page       Page.
	 * @param int                        $pages      Pages.
	 * @param string|null                $suggestion Suggestion.
	 * @return string JSON.
	 */
	public static function answer( array $results, int $total, int $page = 1, int $pages = 1, ?string $suggestion = null ): string {
		return (string) wp_json_encode(
			array(
				'results'    => $results,
				'total'      => $total,
				'page'       => $page,
				'pages'      => $pages,
				'facets'     => array(
					'category' => array(
						array(
							'value' => '12',
							'label' => 'News & <Views>',
							'count' => 3,
						),
						array(
							'value' => '13',
							'label' => 'Events',
							'count' => 1,
						),
					),
					'post_tag' => array(),
					'type'     => array(
						array(
							'value' => 'post',
							'label' => 'post',
							'count' => $total,
						),
					),
					'author'   => array(
						array(
							'value' => '2',
							'label' => 'Ada',
							'count' => 2,
						),
					),
					'date'     => array(
						array(
							'value' => 'past-week',
							'label' => 'Past week',
							'count' => 1,
						),
						array(
							'value' => 'past-month',
							'label' => 'Past month',
							'count' => 2,
						),
						array(
							'value' => 'past-year',
							'label' => 'Past year',
							'count' => 3,
						),
					),
				),
				'suggestion' => $suggestion,
			)
		);
	}

	/**
	 * One result.
	 *
	 * @param int                        $id         Id.
	 * @param string                     $title      Title.
	 * @param string                     $excerpt    Excerpt.
	 * @param array<string, list<int[]>> $highlights Ranges.
	 * @return array<string, mixed>
	 */
	public static function result( int $id, string $title, string $excerpt = '', array $highlights = array() ): array {
		return array(
			'id'         => $id,
			'title'      => $title,
			'url'        => "https://example.org/{$id}/",
			'excerpt'    => $excerpt,
			'date'       => '2026-01-02T03:04:05+00:00',
			'type'       => 'post',
			'highlights' => $highlights + array(
				'title'   => array(),
				'excerpt' => array(),
			),
		);
	}
}
