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
		$query = new WP_Query(
			array(
				's'                      => $term,
				'post_type'              => $this->post_types(),
				'post_status'            => 'publish',
				'has_password'           => false,
				'posts_per_page'         => $per_page,
				'paged'                  => $page,
				'ignore_sticky_posts'    => true,
				'update_post_term_cache' => false,
			)
		);
		update_post_thumbnail_cache( $query );

		$results = array();
		foreach ( $query->posts ?? array() as $post ) {
			if ( $post instanceof WP_Post ) {
				$results[] = $this->result( $post );
			}
		}

		return new ResultPage( $results, (int) $query->found_posts, $page, $per_page, (int) $query->max_num_pages );
	}

	/**
	 * Public post types that are not excluded from search; attachments are never "published".
	 *
	 * @return list<string>
	 */
	private function post_types(): array {
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
