<?php
/**
 * Search through WordPress's own search.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

use WP_Post;
use WP_Query;

/**
 * Answers searches with `WP_Query`: published, non-password-protected content of every public post type
 * that takes part in search, ranked as WordPress ranks its own search results.
 */
final class NativeSearchSource implements ResultsSource {

	/**
	 * Finds one page of results.
	 *
	 * @param string $term     Sanitized search term, never empty.
	 * @param int    $page     Page number, 1 or more.
	 * @param int    $per_page Results per page, 1 or more.
	 * @return ResultPage
	 */
	public function search( string $term, int $page, int $per_page ): ResultPage {
		$query   = $this->query( new SearchFilters( $term, $page, $per_page ) );
		$results = array();
		foreach ( $this->posts( $query ) as $post ) {
			$results[] = $this->result( $post );
		}

		return new ResultPage( $results, (int) $query->found_posts, $page, $per_page, (int) $query->max_num_pages );
	}

	/**
	 * Finds one page of results with every filter and the sort, in the gateway's answer shape (without
	 * facets, see NativeFacets): plain-text titles and excerpts, with the search's words highlighted.
	 *
	 * @param SearchFilters $filters The request.
	 * @return array{results: list<array<string, mixed>>, total: int, page: int, pages: int}
	 */
	public function find( SearchFilters $filters ): array {
		$query   = $this->query( $filters );
		$results = array();
		foreach ( $this->posts( $query ) as $post ) {
			$title     = self::plain( get_the_title( $post ), __( '(no title)', 'switchboard' ) );
			$excerpt   = self::plain( get_the_excerpt( $post ), '' );
			$results[] = array(
				'id'         => $post->ID,
				'title'      => $title,
				'url'        => (string) get_permalink( $post ),
				'excerpt'    => $excerpt,
				'date'       => (string) get_post_time( DATE_W3C, true, $post ),
				'type'       => $post->post_type,
				'highlights' => array(
					'title'   => Highlight::ranges( $title, $filters->term ),
					'excerpt' => Highlight::ranges( $excerpt, $filters->term ),
				),
			);
		}

		return array(
			'results' => $results,
			'total'   => (int) $query->found_posts,
			'page'    => $filters->page,
			'pages'   => (int) $query->max_num_pages,
		);
	}

	/**
	 * The ids of the first matching posts, for counting facets.
	 *
	 * @param SearchFilters $filters The request.
	 * @param int           $limit   Most ids returned.
	 * @return list<int>
	 */
	public function matching_ids( SearchFilters $filters, int $limit ): array {
		$query = new WP_Query(
			array(
				'fields'         => 'ids',
				'posts_per_page' => $limit,
				'no_found_rows'  => true,
				'orderby'        => 'ID',
			) + $this->base_args( $filters )
		);

		$ids = is_array( $query->posts ) ? $query->posts : array();

		return array_values( array_map( 'intval', array_filter( $ids, 'is_numeric' ) ) );
	}

	/**
	 * Runs the page query.
	 *
	 * @param SearchFilters $filters The request.
	 * @return WP_Query
	 */
	private function query( SearchFilters $filters ): WP_Query {
		$args = array(
			'posts_per_page'         => $filters->per_page,
			'paged'                  => $filters->page,
			'update_post_term_cache' => false,
		) + $this->base_args( $filters );
		if ( 'date' === $filters->sort ) {
			$args['orderby'] = 'date';
			$args['order']   = 'DESC';
		}
		$query = new WP_Query( $args );
		update_post_thumbnail_cache( $query );

		return $query;
	}

	/**
	 * The found posts of a query.
	 *
	 * @param WP_Query $query Query.
	 * @return list<WP_Post>
	 */
	private function posts( WP_Query $query ): array {
		$posts = is_array( $query->posts ) ? $query->posts : array();

		return array_values( array_filter( $posts, static fn( $post ): bool => $post instanceof WP_Post ) );
	}

	/**
	 * What every query of a request shares: the term, visibility and the filters.
	 *
	 * @param SearchFilters $filters The request.
	 * @return array<string, mixed>
	 */
	private function base_args( SearchFilters $filters ): array {
		$types = $this->post_types();
		if ( array() !== $filters->types ) {
			// A type that is not searchable matches nothing rather than everything.
			$types = array_values( array_intersect( $types, $filters->types ) );
			$types = array() === $types ? array( '__switchboard_none__' ) : $types;
		}
		$args = array(
			's'                   => $filters->term,
			'post_type'           => $types,
			'post_status'         => 'publish',
			'has_password'        => false,
			'ignore_sticky_posts' => true,
		);

		$tax_query = array();
		foreach ( array(
			'category' => $filters->categories,
			'post_tag' => $filters->tags,
		) as $taxonomy => $ids ) {
			if ( array() !== $ids ) {
				$tax_query[] = array(
					'taxonomy'         => $taxonomy,
					'field'            => 'term_id',
					'terms'            => $ids,
					'include_children' => false,
				);
			}
		}
		if ( array() !== $tax_query ) {
			$args['tax_query'] = array( 'relation' => 'AND' ) + $tax_query; // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_tax_query -- the filter the visitor chose.
		}
		if ( array() !== $filters->authors ) {
			$args['author__in'] = $filters->authors;
		}

		$range = array();
		if ( null !== $filters->after ) {
			$range['after'] = gmdate( 'Y-m-d H:i:s', $filters->after );
		}
		if ( null !== $filters->before ) {
			$range['before'] = gmdate( 'Y-m-d H:i:s', $filters->before );
		}
		if ( array() !== $range ) {
			$args['date_query'] = array(
				$range + array(
					'column'    => 'post_date_gmt',
					'inclusive' => true,
				),
			);
		}

		return $args;
	}

	/**
	 * Text without tags or character references, e.g. a title.
	 *
	 * @param string $html     Text that may hold markup.
	 * @param string $fallback Text when it is empty.
	 * @return string
	 */
	private static function plain( string $html, string $fallback ): string {
		$text = trim( html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );

		return '' === $text ? $fallback : $text;
	}

	/**
	 * Public post types that are not excluded from search; attachments are never "published".
	 *
	 * @return list<string>
	 */
	public function post_types(): array {
		$types = get_post_types(
			array(
				'public'              => true,
				'exclude_from_search' => false,
			)
		);
		unset( $types['attachment'] );

		return array_values( $types );
	}

	/**
	 * Shapes one post.
	 *
	 * @param WP_Post $post Found post.
	 * @return Result
	 */
	private function result( WP_Post $post ): Result {
		$title = trim( wp_strip_all_tags( get_the_title( $post ) ) );

		return new Result(
			$post->ID,
			'' === $title ? __( '(no title)', 'switchboard' ) : $title,
			(string) get_permalink( $post ),
			trim( wp_strip_all_tags( get_the_excerpt( $post ) ) ),
			(string) get_the_date( DATE_W3C, $post ),
			(string) get_the_date( '', $post ),
			$this->type_label( $post->post_type ),
			(int) get_post_thumbnail_id( $post )
		);
	}

	/**
	 * The singular name of a post type, or its slug when the type is not registered.
	 *
	 * @param string $post_type Post type slug.
	 * @return string
	 */
	private function type_label( string $post_type ): string {
		$type = get_post_type_object( $post_type );
		if ( null === $type ) {
			return $post_type;
		}
		// Labels are a plain object: WordPress fills singular_name with a string, a plugin could overwrite it.
		$label = $type->labels->singular_name ?? '';

		return is_scalar( $label ) ? (string) $label : '';
	}
}
