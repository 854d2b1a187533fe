<?php
/**
 * The posts a visitor may see, as the search index should hold them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use Switchboard\Events\ContentEvents;
use WP_Post;
use wpdb;

/**
 * WordPress's side of a re-index or reconciliation: published, not password-protected posts of the reported
 * types (the same rule ContentEvents applies to events), walked by ascending id, and their C1 payloads.
 */
final class PublishedPosts {

	/**
	 * How many posts WordPress publishes for the index.
	 *
	 * @return int
	 */
	public function count(): int {
		list( $where, $args ) = $this->where();
		$wpdb                 = $this->db();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- a keyset walk over posts has no WP_Query equivalent that stays cheap at 100,000 posts; every value is prepared, %i postdates WPCS 2.3.
		$count = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE ' . $where, $wpdb->posts, ...$args ) );
		// phpcs:enable

		return (int) $count;
	}

	/**
	 * Ids of published posts after `$after` (and at most `$upto`, when given), ascending, at most `$limit`.
	 *
	 * @param int      $after Exclusive lower bound.
	 * @param int|null $upto  Inclusive upper bound, or null for none.
	 * @param int      $limit Most ids.
	 * @return list<int>
	 */
	public function ids_after( int $after, ?int $upto, int $limit ): array {
		list( $where, $args ) = $this->where();
		$where               .= ' AND ID > %d';
		$args[]               = $after;
		if ( null !== $upto ) {
			$where .= ' AND ID <= %d';
			$args[] = $upto;
		}
		$args[] = max( 1, $limit );
		$wpdb   = $this->db();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- see count().
		$ids = $wpdb->get_col( (string) $wpdb->prepare( 'SELECT ID FROM %i WHERE ' . $where . ' ORDER BY ID ASC LIMIT %d', $wpdb->posts, ...$args ) );
		// phpcs:enable

		return array_map( 'intval', $ids );
	}

	/**
	 * Which of these ids WordPress publishes for the index.
	 *
	 * @param list<int> $ids Post ids.
	 * @return list<int> Ascending.
	 */
	public function published_among( array $ids ): array {
		$ids = array_values( array_unique( array_filter( array_map( 'intval', $ids ), static fn( int $id ): bool => $id > 0 ) ) );
		if ( array() === $ids ) {
			return array();
		}
		list( $where, $args ) = $this->where();
		$where               .= ' AND ID IN (' . self::placeholders( count( $ids ), '%d' ) . ')';
		$wpdb                 = $this->db();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- see count().
		$found = $wpdb->get_col( (string) $wpdb->prepare( 'SELECT ID FROM %i WHERE ' . $where . ' ORDER BY ID ASC', $wpdb->posts, ...$args, ...$ids ) );
		// phpcs:enable

		return array_map( 'intval', $found );
	}

	/**
	 * The C1 payloads of posts, keyed by id, in the order given; posts that are gone are left out.
	 *
	 * @param list<int> $ids Post ids.
	 * @return array<int, array<string, mixed>>
	 */
	public function payloads( array $ids ): array {
		if ( array() === $ids ) {
			return array();
		}
		// One query each for posts, terms, meta and authors instead of several per post.
		_prime_post_caches( $ids, true, false );
		$posts = array();
		foreach ( $ids as $id ) {
			$post = get_post( $id );
			if ( $post instanceof WP_Post ) {
				$posts[ $id ] = $post;
			}
		}
		cache_users( array_values( array_unique( array_map( static fn( WP_Post $post ): int => (int) $post->post_author, $posts ) ) ) );

		$payloads = array();
		foreach ( $posts as $id => $post ) {
			$payloads[ $id ] = ContentEvents::payload( $post );
		}

		return $payloads;
	}

	/**
	 * The WHERE clause (with placeholders) that selects published posts, and its values.
	 *
	 * @return array{literal-string, list<string>}
	 */
	private function where(): array {
		$types = ContentEvents::post_types();
		if ( array() === $types ) {
			return array( '1 = 0', array() );
		}

		return array(
			"post_status = 'publish' AND post_password = '' AND post_type IN (" . self::placeholders( count( $types ), '%s' ) . ')',
			$types,
		);
	}

	/**
	 * A comma-separated list of one placeholder.
	 *
	 * @param int            $count       How many.
	 * @param literal-string $placeholder `%d` or `%s`.
	 * @return literal-string
	 */
	private static function placeholders( int $count, string $placeholder ): string {
		$list = $placeholder;
		for ( $i = 1; $i < $count; $i++ ) {
			$list .= ', ' . $placeholder;
		}

		return $list;
	}

	/**
	 * The database.
	 *
	 * @return wpdb
	 * @throws \RuntimeException Before WordPress connected to its database.
	 */
	private function db(): wpdb {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb ) {
			throw new \RuntimeException( 'WordPress has no database connection.' );
		}

		return $wpdb;
	}
}
