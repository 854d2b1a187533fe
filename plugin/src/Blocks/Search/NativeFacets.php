<?php
/**
 * Facet counts for WordPress's own search.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * Counts categories, tags, authors, content types and date ranges among the posts a search matches, as the
 * search service does: each facet with every filter applied except its own. The count is bounded: at most
 * the first MAX_COUNTED matching posts are looked at, so a fallback under load stays cheap.
 */
final class NativeFacets {

	/**
	 * Most matching posts counted per facet.
	 */
	public const MAX_COUNTED = 1000;

	/**
	 * Most values listed per facet.
	 */
	public const MAX_VALUES = 20;

	/**
	 * Date buckets: value => days back from now.
	 */
	public const DATE_SPANS = array(
		'past-week'  => 7,
		'past-month' => 30,
		'past-year'  => 365,
	);

	/**
	 * Holds the search.
	 *
	 * @param NativeSearchSource $source WordPress's own search.
	 */
	public function __construct( private readonly NativeSearchSource $source ) {}

	/**
	 * The facets of a request.
	 *
	 * @param SearchFilters $filters The request.
	 * @param int|null      $now     Unix time the date buckets count back from (now by default).
	 * @return array<string, list<array{value: string, label: string, count: int}>>
	 */
	public function count( SearchFilters $filters, ?int $now = null ): array {
		$now = $now ?? time();
		$ids = array();
		$all = null;
		foreach ( array( 'category', 'post_tag', 'author', 'type', 'date' ) as $facet ) {
			if ( $filters->filters( $facet ) ) {
				$ids[ $facet ] = $this->source->matching_ids( $filters->without( $facet ), self::MAX_COUNTED );
			} else {
				$all           = $all ?? $this->source->matching_ids( $filters, self::MAX_COUNTED );
				$ids[ $facet ] = $all;
			}
		}

		return array(
			'category' => self::terms( $ids['category'], 'category' ),
			'post_tag' => self::terms( $ids['post_tag'], 'post_tag' ),
			'author'   => self::authors( $ids['author'] ),
			'type'     => self::types( $ids['type'] ),
			'date'     => self::dates( $ids['date'], $now ),
		);
	}

	/**
	 * Term counts among posts.
	 *
	 * @param list<int> $ids      Post ids.
	 * @param string    $taxonomy Taxonomy.
	 * @return list<array{value: string, label: string, count: int}>
	 */
	private static function terms( array $ids, string $taxonomy ): array {
		if ( array() === $ids ) {
			return array();
		}
		$terms = wp_get_object_terms( $ids, $taxonomy, array( 'fields' => 'all_with_object_id' ) );
		if ( ! is_array( $terms ) ) {
			return array();
		}
		$counts = array();
		$labels = array();
		foreach ( $terms as $term ) {
			$counts[ $term->term_id ] = ( $counts[ $term->term_id ] ?? 0 ) + 1;
			$labels[ $term->term_id ] = html_entity_decode( $term->name, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		}

		return self::buckets( $counts, $labels );
	}

	/**
	 * Author counts among posts.
	 *
	 * @param list<int> $ids Post ids.
	 * @return list<array{value: string, label: string, count: int}>
	 */
	private static function authors( array $ids ): array {
		$counts = array();
		foreach ( self::rows( $ids ) as $row ) {
			$counts[ $row['author'] ] = ( $counts[ $row['author'] ] ?? 0 ) + 1;
		}
		$labels = array();
		foreach ( array_keys( $counts ) as $author ) {
			$user              = get_userdata( (int) $author );
			$labels[ $author ] = false === $user ? (string) $author : $user->display_name;
		}

		return self::buckets( $counts, $labels );
	}

	/**
	 * Content type counts among posts; the label is the slug, as the search service gives it.
	 *
	 * @param list<int> $ids Post ids.
	 * @return list<array{value: string, label: string, count: int}>
	 */
	private static function types( array $ids ): array {
		$counts = array();
		foreach ( self::rows( $ids ) as $row ) {
			$counts[ $row['type'] ] = ( $counts[ $row['type'] ] ?? 0 ) + 1;
		}
		$labels = array();
		foreach ( array_keys( $counts ) as $type ) {
			$labels[ $type ] = (string) $type;
		}

		return self::buckets( $counts, $labels );
	}

	/**
	 * The date buckets, every one listed even when empty.
	 *
	 * @param list<int> $ids Post ids.
	 * @param int       $now Unix time.
	 * @return list<array{value: string, label: string, count: int}>
	 */
	private static function dates( array $ids, int $now ): array {
		$times = array_map( static fn( array $row ): int => $row['time'], self::rows( $ids ) );
		$out   = array();
		foreach ( self::DATE_SPANS as $value => $days ) {
			$since = $now - $days * DAY_IN_SECONDS;
			$out[] = array(
				'value' => $value,
				'label' => self::date_label( $value ),
				'count' => count( array_filter( $times, static fn( int $time ): bool => $time >= $since ) ),
			);
		}

		return $out;
	}

	/**
	 * The label of a date bucket.
	 *
	 * @param string $value Bucket value.
	 * @return string
	 */
	public static function date_label( string $value ): string {
		return match ( $value ) {
			'past-week'  => __( 'Past week', 'switchboard' ),
			'past-month' => __( 'Past month', 'switchboard' ),
			default      => __( 'Past year', 'switchboard' ),
		};
	}

	/**
	 * Author, type and publication time of posts (from the post cache, filled in one query).
	 *
	 * @param list<int> $ids Post ids.
	 * @return list<array{author: int, type: string, time: int}>
	 */
	private static function rows( array $ids ): array {
		_prime_post_caches( $ids, false, false );
		$rows = array();
		foreach ( $ids as $id ) {
			$post = get_post( $id );
			if ( $post instanceof \WP_Post ) {
				$rows[] = array(
					'author' => (int) $post->post_author,
					'type'   => $post->post_type,
					'time'   => (int) strtotime( $post->post_date_gmt . ' UTC' ),
				);
			}
		}

		return $rows;
	}

	/**
	 * Counts as buckets: most first, then by label, at most MAX_VALUES.
	 *
	 * @param array<int|string, int>    $counts Count per value.
	 * @param array<int|string, string> $labels Label per value.
	 * @return list<array{value: string, label: string, count: int}>
	 */
	private static function buckets( array $counts, array $labels ): array {
		$out = array();
		foreach ( $counts as $value => $count ) {
			$out[] = array(
				'value' => (string) $value,
				'label' => $labels[ $value ] ?? (string) $value,
				'count' => $count,
			);
		}
		usort(
			$out,
			static fn( array $a, array $b ): int => 0 !== ( $b['count'] <=> $a['count'] ) ? $b['count'] <=> $a['count'] : strcasecmp( $a['label'], $b['label'] )
		);

		return array_slice( $out, 0, self::MAX_VALUES );
	}
}
