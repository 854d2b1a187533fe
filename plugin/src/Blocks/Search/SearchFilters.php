<?php
/**
 * One search request's terms, filters, sort and page.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

use DateTimeImmutable;
use DateTimeZone;
use Exception;

/**
 * The validated arguments of `GET switchboard/v1/search` as typed values, so WordPress's own search (the
 * fallback) and its facet counts honour exactly what the search service would.
 */
final class SearchFilters {

	/**
	 * Facets whose values filter the search, by their name in the answer => the argument that filters them.
	 */
	public const FACET_ARGS = array(
		'category' => 'category',
		'post_tag' => 'tag',
		'author'   => 'author',
		'type'     => 'type',
	);

	/**
	 * Holds the values.
	 *
	 * @param string       $term       Search terms, never empty.
	 * @param int          $page       Page, 1 or more.
	 * @param int          $per_page   Results per page, 1 or more.
	 * @param list<int>    $categories Category ids (any of them).
	 * @param list<int>    $tags       Tag ids (any of them).
	 * @param list<int>    $authors    Author ids (any of them).
	 * @param list<string> $types      Post type slugs (any of them).
	 * @param int|null     $after      Published at or after this Unix time.
	 * @param int|null     $before     Published at or before this Unix time.
	 * @param string       $sort       `relevance` or `date`.
	 */
	public function __construct(
		public readonly string $term,
		public readonly int $page,
		public readonly int $per_page,
		public readonly array $categories = array(),
		public readonly array $tags = array(),
		public readonly array $authors = array(),
		public readonly array $types = array(),
		public readonly ?int $after = null,
		public readonly ?int $before = null,
		public readonly string $sort = 'relevance'
	) {}

	/**
	 * Reads the route's validated arguments.
	 *
	 * @param array<mixed> $args Validated arguments (lists are comma-separated strings).
	 * @return self
	 */
	public static function from_args( array $args ): self {
		return new self(
			is_string( $args['q'] ?? null ) ? $args['q'] : '',
			is_int( $args['page'] ?? null ) ? max( 1, $args['page'] ) : 1,
			is_int( $args['per_page'] ?? null ) ? max( 1, $args['per_page'] ) : 10,
			self::ids( $args['category'] ?? null ),
			self::ids( $args['tag'] ?? null ),
			self::ids( $args['author'] ?? null ),
			self::slugs( $args['type'] ?? null ),
			self::time( $args['after'] ?? null, false ),
			self::time( $args['before'] ?? null, true ),
			'date' === ( $args['sort'] ?? null ) ? 'date' : 'relevance'
		);
	}

	/**
	 * The same request without one facet's own filter (facets are counted that way, so the other values of
	 * a chosen facet stay visible), or without the date range for the date facet.
	 *
	 * @param string $facet `category`, `post_tag`, `author`, `type` or `date`.
	 * @return self
	 */
	public function without( string $facet ): self {
		return new self(
			$this->term,
			$this->page,
			$this->per_page,
			'category' === $facet ? array() : $this->categories,
			'post_tag' === $facet ? array() : $this->tags,
			'author' === $facet ? array() : $this->authors,
			'type' === $facet ? array() : $this->types,
			'date' === $facet ? null : $this->after,
			'date' === $facet ? null : $this->before,
			$this->sort
		);
	}

	/**
	 * Whether a facet's own filter is set.
	 *
	 * @param string $facet Facet name.
	 * @return bool
	 */
	public function filters( string $facet ): bool {
		return match ( $facet ) {
			'category' => array() !== $this->categories,
			'post_tag' => array() !== $this->tags,
			'author'   => array() !== $this->authors,
			'type'     => array() !== $this->types,
			'date'     => null !== $this->after || null !== $this->before,
			default    => false,
		};
	}

	/**
	 * Ids from a comma-separated list.
	 *
	 * @param mixed $value Validated value.
	 * @return list<int>
	 */
	private static function ids( mixed $value ): array {
		if ( ! is_string( $value ) || '' === $value ) {
			return array();
		}

		return array_values( array_unique( array_filter( array_map( 'intval', explode( ',', $value ) ), static fn( int $id ): bool => $id > 0 ) ) );
	}

	/**
	 * Slugs from a comma-separated list.
	 *
	 * @param mixed $value Validated value.
	 * @return list<string>
	 */
	private static function slugs( mixed $value ): array {
		if ( ! is_string( $value ) || '' === $value ) {
			return array();
		}

		return array_values( array_unique( array_filter( array_map( 'sanitize_key', explode( ',', $value ) ) ) ) );
	}

	/**
	 * A Unix time from `2026-01-02` (the start of that day, or its end for `before`) or an ISO 8601 date and
	 * time (UTC when it has no offset).
	 *
	 * @param mixed $value  Validated value.
	 * @param bool  $is_end Whether a bare date means the end of its day.
	 * @return int|null
	 */
	private static function time( mixed $value, bool $is_end ): ?int {
		if ( ! is_string( $value ) || '' === $value ) {
			return null;
		}
		try {
			$utc  = new DateTimeZone( 'UTC' );
			$time = new DateTimeImmutable( $value, $utc );
		} catch ( Exception $e ) {
			return null;
		}
		if ( 1 === preg_match( '/^\d{4}-\d{2}-\d{2}$/D', $value ) && $is_end ) {
			$time = $time->setTime( 23, 59, 59 );
		}

		return $time->getTimestamp();
	}
}
