<?php
/**
 * Shared helpers of the block tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks;

use Switchboard\Tests\Support\CreatesImages;
use Switchboard\Tests\TestCase;
use WP_HTML_Tag_Processor;

/**
 * Creates content inside the test's transaction, renders blocks the way a page does (`do_blocks()`), and
 * reads the markup back with `WP_HTML_Tag_Processor`, so assertions are about elements and attributes
 * rather than about whitespace.
 *
 * @phpstan-type PostArgs array{
 *   ID?: int,
 *   post_author?: int,
 *   post_date?: string,
 *   post_date_gmt?: string,
 *   post_content?: string,
 *   post_content_filtered?: string,
 *   post_title?: string,
 *   post_excerpt?: string,
 *   post_status?: string,
 *   post_type?: string,
 *   comment_status?: string,
 *   ping_status?: string,
 *   post_password?: string,
 *   post_name?: string,
 *   to_ping?: string,
 *   pinged?: string,
 *   post_parent?: int,
 *   menu_order?: int,
 *   post_mime_type?: string,
 *   guid?: string,
 *   import_id?: int,
 *   post_category?: int[],
 *   tags_input?: array<int|string>,
 *   tax_input?: array<string, mixed>,
 *   meta_input?: array<string, mixed>,
 *   page_template?: string,
 * }
 * @phpstan-type TagQuery array{tag_name?: string|null, match_offset?: int|null, class_name?: string|null, tag_closers?: string|null}
 */
abstract class BlockTestCase extends TestCase {

	use CreatesImages;

	/**
	 * Creates a post.
	 *
	 * @param PostArgs $args `wp_insert_post()` arguments; published post by default.
	 * @return int Post ID.
	 */
	protected function create_post( array $args = array() ): int {
		$id = wp_insert_post(
			array_merge(
				array(
					'post_type'   => 'post',
					'post_status' => 'publish',
					'post_title'  => 'Post ' . wp_rand(),
				),
				$args
			),
			true
		);
		$this->assertIsInt( $id, is_wp_error( $id ) ? $id->get_error_message() : 'wp_insert_post() failed.' );

		return $id;
	}

	/**
	 * Deletes every post the site starts with (such as "Hello world!"), inside the test's transaction,
	 * for tests that assert on the whole list of posts.
	 */
	protected function delete_existing_posts(): void {
		$ids = get_posts(
			array(
				'post_type'   => 'any',
				'post_status' => 'any',
				'numberposts' => -1,
				'fields'      => 'ids',
			)
		);
		foreach ( $ids as $id ) {
			wp_delete_post( (int) $id, true );
		}
	}

	/**
	 * Creates a user, to be a post's author.
	 *
	 * @param string $display_name Name shown on posts.
	 * @return int User ID.
	 */
	protected function create_user( string $display_name ): int {
		$id = wp_insert_user(
			array(
				'user_login'   => 'block_test_' . wp_rand(),
				'user_pass'    => wp_generate_password(),
				'display_name' => $display_name,
			)
		);
		$this->assertIsInt( $id, is_wp_error( $id ) ? $id->get_error_message() : 'wp_insert_user() failed.' );

		return $id;
	}

	/**
	 * Creates a category.
	 *
	 * @param string $name Category name.
	 * @return int Term ID.
	 */
	protected function create_category( string $name ): int {
		$term = wp_insert_term( $name, 'category' );
		$this->assertIsArray( $term, is_wp_error( $term ) ? $term->get_error_message() : 'wp_insert_term() failed.' );

		return (int) $term['term_id'];
	}

	/**
	 * Renders block markup as a page's content is rendered.
	 *
	 * @param string               $name       Block name.
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return string HTML.
	 */
	protected function render( string $name, array $attributes = array() ): string {
		return do_blocks( get_comment_delimited_block_content( $name, $attributes, '' ) );
	}

	/**
	 * Attributes of every tag that matches a query.
	 *
	 * @param string   $html  HTML.
	 * @param TagQuery $query `WP_HTML_Tag_Processor::next_tag()` query.
	 * @return list<WP_HTML_Tag_Processor> One processor per match, positioned on it (read with get_attribute()).
	 */
	protected function tags( string $html, array $query ): array {
		$matches   = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		$index     = 0;
		while ( $processor->next_tag( $query ) ) {
			// Each match gets its own processor, advanced to the same match, so callers can read it later.
			$match = new WP_HTML_Tag_Processor( $html );
			for ( $i = 0; $i <= $index; $i++ ) {
				$match->next_tag( $query );
			}
			$matches[] = $match;
			++$index;
		}

		return $matches;
	}

	/**
	 * The one tag that matches a query.
	 *
	 * @param string   $html  HTML.
	 * @param TagQuery $query `next_tag()` query.
	 * @return WP_HTML_Tag_Processor Positioned on the tag.
	 */
	protected function tag( string $html, array $query ): WP_HTML_Tag_Processor {
		$tags = $this->tags( $html, $query );
		$this->assertCount( 1, $tags, 'Expected exactly one tag matching ' . wp_json_encode( $query ) );

		return $tags[0];
	}

	/**
	 * The decoded text inside each tag that matches a query (up to its closing tag; no nesting of the same tag).
	 *
	 * @param string   $html  HTML.
	 * @param TagQuery $query `next_tag()` query.
	 * @return list<string> Texts with whitespace collapsed.
	 */
	protected function texts( string $html, array $query ): array {
		$texts     = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag( $query ) ) {
			$name = $processor->get_tag();
			$text = '';
			while ( $processor->next_token() ) {
				if ( '#text' === $processor->get_token_type() ) {
					$text .= $processor->get_modifiable_text();
				} elseif ( $processor->get_tag() === $name && $processor->is_tag_closer() ) {
					break;
				}
			}
			$texts[] = trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
		}

		return $texts;
	}

	/**
	 * The text inside the one tag that matches a query.
	 *
	 * @param string   $html  HTML.
	 * @param TagQuery $query `next_tag()` query.
	 * @return string
	 */
	protected function text( string $html, array $query ): string {
		$texts = $this->texts( $html, $query );
		$this->assertCount( 1, $texts, 'Expected exactly one tag matching ' . wp_json_encode( $query ) );

		return $texts[0];
	}
}
