<?php
/**
 * One page of search results.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * The results of one page and the totals needed to count and paginate them.
 */
final class ResultPage {

	/**
	 * Holds the page.
	 *
	 * @param array<int, Result> $results     The results on this page, in rank order.
	 * @param int                $total       Results on all pages.
	 * @param int                $page        This page's number, 1 or more.
	 * @param int                $per_page    Results per page the search was made with.
	 * @param int                $total_pages Number of pages, 0 when nothing was found.
	 */
	public function __construct(
		public readonly array $results,
		public readonly int $total,
		public readonly int $page,
		public readonly int $per_page,
		public readonly int $total_pages
	) {}
}
