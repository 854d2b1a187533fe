<?php
/**
 * The search block's state in a page URL.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * What a visitor searched for, read from and written to the page's query string (contract C4): `q`,
 * `qpage` (2 and up), `qcategory`, `qtag`, `qauthor`, `qtype` (comma-separated), `qdate` and `qsort`.
 *
 * The variables are prefixed because `tag`, `author` and `type` are WordPress query variables that would
 * turn the page into an archive. Lists are read both comma-separated and repeated (`?qtag=3&qtag=5`, what a
 * form of checkboxes submits without JavaScript). Without `q`, WordPress's own `s` is the term, so the
 * theme's search results template (`?s=`) shows the block's results for it.
 */
final class UrlState {

	/**
	 * Longest term searched for, in characters (the gateway's limit too).
	 */
	public const MAX_TERM_LENGTH = 200;

	/**
	 * Deepest page (the gateway's limit).
	 */
	public const MAX_PAGE = 100;

	/**
	 * Most values per list filter (the gateway's limit).
	 */
	public const MAX_VALUES = 20;

	/**
	 * Facet name => URL variable.
	 */
	public const LIST_VARS = array(
		'category' => 'qcategory',
		'post_tag' => 'qtag',
		'author'   => 'qauthor',
		'type'     => 'qtype',
	);

	/**
	 * Facet name => gateway argument.
	 */
	public const LIST_ARGS = array(
		'category' => 'category',
		'post_tag' => 'tag',
		'author'   => 'author',
		'type'     => 'type',
	);

	/**
	 * Every variable this state uses.
	 */
	public const VARS = array( 'q', 'qpage', 'qcategory', 'qtag', 'qauthor', 'qtype', 'qdate', 'qsort' );

	/**
	 * Holds the state.
	 *
	 * @param string                      $term  Search terms; empty when nothing was searched.
	 * @param int                         $page  Page, 1 to MAX_PAGE.
	 * @param array<string, list<string>> $lists Chosen values per facet (`category`, `post_tag`, `author`, `type`).
	 * @param string                      $date  `past-week`, `past-month`, `past-year` or empty.
	 * @param string                      $sort  `relevance` or `date`.
	 */
	public function __construct(
		public readonly string $term,
		public readonly int $page = 1,
		public readonly array $lists = array(),
		public readonly string $date = '',
		public readonly string $sort = 'relevance'
	) {}

	/**
	 * Reads the state from untrusted query variables.
	 *
	 * @param array<mixed> $query    Query variables, unslashed (a value may be a string or an array).
	 * @param array<mixed> $repeated Every value of each repeated variable, e.g. from the raw query string.
	 * @return self
	 */
	public static function from_query( array $query, array $repeated = array() ): self {
		$lists = array();
		foreach ( self::LIST_VARS as $facet => $var ) {
			$values          = array_merge( self::strings( $query[ $var ] ?? null ), self::strings( $repeated[ $var ] ?? null ) );
			$lists[ $facet ] = self::list_values( $values, 'type' === $facet );
		}
		$date = self::strings( $query['qdate'] ?? null )[0] ?? '';
		$sort = self::strings( $query['qsort'] ?? null )[0] ?? '';

		return new self(
			self::sanitize_term( $query['q'] ?? $query['s'] ?? '' ),
			self::sanitize_page( $query['qpage'] ?? 1 ),
			$lists,
			array_key_exists( $date, NativeFacets::DATE_SPANS ) ? $date : '',
			'date' === $sort ? 'date' : 'relevance'
		);
	}

	/**
	 * Every value of each list variable in a raw query string (`a=1&a=2`, which `$_GET` reduces to the last).
	 *
	 * @param string $query_string Raw query string.
	 * @return array<string, list<string>>
	 */
	public static function repeated( string $query_string ): array {
		$found = array();
		foreach ( explode( '&', $query_string ) as $pair ) {
			$parts = explode( '=', $pair, 2 );
			$name  = rawurldecode( str_replace( '+', ' ', $parts[0] ) );
			if ( in_array( $name, self::LIST_VARS, true ) && isset( $parts[1] ) ) {
				$found[ $name ][] = rawurldecode( str_replace( '+', ' ', $parts[1] ) );
			}
		}

		return $found;
	}

	/**
	 * A search term: plain text on one line, at most MAX_TERM_LENGTH characters.
	 *
	 * @param mixed $value Untrusted input.
	 * @return string Empty when there is nothing to search for.
	 */
	public static function sanitize_term( mixed $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$term = trim( (string) preg_replace( '/\s+/u', ' ', sanitize_text_field( $value ) ) );

		return trim( mb_substr( $term, 0, self::MAX_TERM_LENGTH ) );
	}

	/**
	 * A page number, from 1 to MAX_PAGE.
	 *
	 * @param mixed $value Untrusted input.
	 * @return int
	 */
	public static function sanitize_page( mixed $value ): int {
		$page = is_numeric( $value ) ? (int) $value : 1;

		return min( self::MAX_PAGE, max( 1, $page ) );
	}

	/**
	 * The same state on another page.
	 *
	 * @param int $page Page.
	 * @return self
	 */
	public function with_page( int $page ): self {
		return new self( $this->term, $page, $this->lists, $this->date, $this->sort );
	}

	/**
	 * Whether a value of a facet is chosen.
	 *
	 * @param string $facet Facet name.
	 * @param string $value Value.
	 * @return bool
	 */
	public function has( string $facet, string $value ): bool {
		return 'date' === $facet ? $this->date === $value : in_array( $value, $this->lists[ $facet ] ?? array(), true );
	}

	/**
	 * The gateway's arguments for this state.
	 *
	 * @param int $per_page Results per page.
	 * @param int $now      Unix time a date range counts back from.
	 * @return array<string, string|int>
	 */
	public function gateway_args( int $per_page, int $now ): array {
		$args = array(
			'q'        => $this->term,
			'page'     => $this->page,
			'per_page' => $per_page,
		);
		foreach ( self::LIST_ARGS as $facet => $arg ) {
			if ( array() !== ( $this->lists[ $facet ] ?? array() ) ) {
				$args[ $arg ] = implode( ',', $this->lists[ $facet ] );
			}
		}
		if ( '' !== $this->date ) {
			$args['after'] = self::after( $this->date, $now );
		}
		if ( 'date' === $this->sort ) {
			$args['sort'] = 'date';
		}

		return $args;
	}

	/**
	 * The start of a date range: now minus its span, down to the hour, so that answers stay cacheable for
	 * everyone choosing it within the same hour (the view script computes the same).
	 *
	 * @param string $date Range value.
	 * @param int    $now  Unix time.
	 * @return string ISO 8601 in UTC.
	 */
	public static function after( string $date, int $now ): string {
		$since = $now - ( NativeFacets::DATE_SPANS[ $date ] ?? 0 ) * DAY_IN_SECONDS;

		return gmdate( 'Y-m-d\TH:00:00\Z', $since );
	}

	/**
	 * The query arguments of this state, without empty ones, in C4's names.
	 *
	 * @return array<string, string>
	 */
	public function query_args(): array {
		$args = array( 'q' => $this->term );
		if ( $this->page > 1 ) {
			$args['qpage'] = (string) $this->page;
		}
		foreach ( self::LIST_VARS as $facet => $var ) {
			if ( array() !== ( $this->lists[ $facet ] ?? array() ) ) {
				$args[ $var ] = implode( ',', $this->lists[ $facet ] );
			}
		}
		if ( '' !== $this->date ) {
			$args['qdate'] = $this->date;
		}
		if ( 'date' === $this->sort ) {
			$args['qsort'] = 'date';
		}

		return $args;
	}

	/**
	 * A query-only URL of this state (so it stays on whatever page the block is on).
	 *
	 * @param array<string, string> $kept Page variables carried along (e.g. `page_id`).
	 * @return string Unescaped URL.
	 */
	public function url( array $kept = array() ): string {
		return '?' . http_build_query( $kept + $this->query_args(), '', '&', PHP_QUERY_RFC3986 );
	}

	/**
	 * Strings in a value that may be a string or a list of them.
	 *
	 * @param mixed $value Untrusted input.
	 * @return list<string>
	 */
	private static function strings( mixed $value ): array {
		$values = is_array( $value ) ? $value : array( $value );

		return array_values( array_filter( $values, 'is_string' ) );
	}

	/**
	 * Valid, distinct list values from comma-separated strings: positive ids, or post type slugs.
	 *
	 * @param list<string> $values   Raw values.
	 * @param bool         $is_slugs Whether the values are slugs rather than ids.
	 * @return list<string>
	 */
	private static function list_values( array $values, bool $is_slugs ): array {
		$out = array();
		foreach ( $values as $value ) {
			foreach ( explode( ',', $value ) as $item ) {
				$item = trim( $item );
				$ok   = $is_slugs ? 1 === preg_match( '/^[a-z0-9_-]{1,20}$/D', $item ) : 1 === preg_match( '/^[1-9][0-9]{0,19}$/D', $item );
				if ( $ok && ! in_array( $item, $out, true ) ) {
					$out[] = $item;
				}
			}
		}

		return array_slice( $out, 0, self::MAX_VALUES );
	}
}
