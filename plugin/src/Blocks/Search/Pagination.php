<?php
/**
 * Links between the pages of a search.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * Which page numbers to offer and where each one links: the first and last page, the current one and
 * its neighbours, with a gap (null) wherever two or more pages are skipped.
 */
final class Pagination {

	/**
	 * Holds the state.
	 *
	 * @param int                   $current    Current page, 1 to $total.
	 * @param int                   $total      Number of pages, 2 or more.
	 * @param array<string, string> $query_args Query arguments every link carries (the term and any kept page variables).
	 */
	public function __construct(
		public readonly int $current,
		public readonly int $total,
		private readonly array $query_args
	) {}

	/**
	 * Page numbers to link, in order, with null for a gap.
	 *
	 * @return list<int|null>
	 */
	public function numbers(): array {
		$wanted = array_unique( array( 1, $this->current - 1, $this->current, $this->current + 1, $this->total ) );
		$wanted = array_filter(
			$wanted,
			fn( int $page ): bool => $page >= 1 && $page <= $this->total
		);
		sort( $wanted );

		$numbers  = array();
		$previous = 0;
		foreach ( $wanted as $page ) {
			if ( 2 === $page - $previous ) {
				$numbers[] = $previous + 1;
			} elseif ( $page - $previous > 2 ) {
				$numbers[] = null;
			}
			$numbers[] = $page;
			$previous  = $page;
		}

		return $numbers;
	}

	/**
	 * The previous page, if there is one.
	 *
	 * @return int|null
	 */
	public function previous(): ?int {
		return $this->current > 1 ? $this->current - 1 : null;
	}

	/**
	 * The next page, if there is one.
	 *
	 * @return int|null
	 */
	public function next(): ?int {
		return $this->current < $this->total ? $this->current + 1 : null;
	}

	/**
	 * Link to a page: a query-only URL, so it stays on whatever page the block is on.
	 *
	 * @param int $page Page number.
	 * @return string Unescaped URL.
	 */
	public function url( int $page ): string {
		$args = $this->query_args;
		if ( $page > 1 ) {
			$args[ ViewModel::PAGE_VAR ] = (string) $page;
		}

		return '?' . http_build_query( $args, '', '&', PHP_QUERY_RFC3986 );
	}
}
