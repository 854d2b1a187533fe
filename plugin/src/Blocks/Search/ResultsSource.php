<?php
/**
 * Where the search block's results come from.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * Answers one page of a search. WordPress's own search (NativeSearchSource) answers today; the search
 * service will answer through the gateway, with this one as its fallback.
 */
interface ResultsSource {

	/**
	 * Finds one page of results.
	 *
	 * @param string $term     Sanitized search term, never empty.
	 * @param int    $page     Page number, 1 or more.
	 * @param int    $per_page Results per page, 1 or more.
	 * @return ResultPage
	 */
	public function search( string $term, int $page, int $per_page ): ResultPage;
}
