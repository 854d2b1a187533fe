<?php
/**
 * Tests of the search block's server render.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Tests\Blocks\BlockTestCase;
use WP_Block_Type_Registry;

/**
 * The markup visitors get from `render.php`: an accessible GET form, and for `?q=` the results.
 */
final class RenderTest extends BlockTestCase {

	/**
	 * The plugin registered the block from the build, with its script module.
	 */
	public function test_block_is_registered_with_its_view_module(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'switchboard/search' );

		$this->assertNotNull( $type );
		$this->assertSame( 'switchboard', $type->category );
		$this->assertNotEmpty( $type->view_script_module_ids );
		$this->assertIsArray( $type->supports );
		$this->assertTrue( $type->supports['interactivity'] ?? null );
	}

	/**
	 * Without a search, a labelled GET form that submits `q`, and no results region.
	 */
	public function test_renders_an_accessible_search_form(): void {
		$html = $this->render( 'switchboard/search' );

		$form = $this->tag( $html, array( 'tag_name' => 'form' ) );
		$this->assertSame( 'search', $form->get_attribute( 'role' ) );
		$this->assertSame( 'get', $form->get_attribute( 'method' ) );
		$this->assertNull( $form->get_attribute( 'action' ), 'The form submits to the page it is on.' );

		$input = $this->tag( $html, array( 'tag_name' => 'input' ) );
		$label = $this->tag( $html, array( 'tag_name' => 'label' ) );
		$this->assertSame( $input->get_attribute( 'id' ), $label->get_attribute( 'for' ) );
		$this->assertSame( 'Search', $this->text( $html, array( 'tag_name' => 'label' ) ) );
		$this->assertFalse( $label->has_class( 'screen-reader-text' ) );
		$this->assertSame( 'q', $input->get_attribute( 'name' ) );
		$this->assertSame( 'search', $input->get_attribute( 'type' ) );
		$this->assertSame( '', $input->get_attribute( 'value' ) );
		$this->assertSame( '200', $input->get_attribute( 'maxlength' ) );
		$this->assertNull( $input->get_attribute( 'placeholder' ) );
		$this->assertSame( 'Search', $this->text( $html, array( 'tag_name' => 'button' ) ) );

		$this->assertCount( 1, $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-search__status' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-search__results' ) ) );
	}

	/**
	 * The wrapper is an interactive region with its own context, and the store's message is seeded.
	 */
	public function test_seeds_the_interactivity_store(): void {
		$html = $this->render( 'switchboard/search' );

		$wrapper = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search' ) );
		$this->assertSame( 'switchboard/search', $wrapper->get_attribute( 'data-wp-interactive' ) );
		$this->assertSame( array( 'message' => '' ), json_decode( (string) $wrapper->get_attribute( 'data-wp-context' ), true ) );
		$status = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__status' ) );
		$this->assertSame( 'status', $status->get_attribute( 'role' ) );
		$this->assertSame( 'context.message', $status->get_attribute( 'data-wp-text' ) );
		$this->assertNotEmpty( wp_interactivity_state( 'switchboard/search' )['emptyQueryMessage'] ?? '' );
	}

	/**
	 * Editor-set texts are printed as text, never as markup; a hidden label stays for screen readers.
	 */
	public function test_prints_texts_escaped_and_hides_the_label_visually(): void {
		$html = $this->render(
			'switchboard/search',
			array(
				'label'       => 'Find <em>it</em> & "go"',
				'placeholder' => 'e.g. "soup"',
				'buttonText'  => '<b>Go</b>',
				'showLabel'   => false,
			)
		);

		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'em' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'b' ) ) );
		$this->assertSame( 'Find <em>it</em> & "go"', $this->text( $html, array( 'tag_name' => 'label' ) ) );
		$this->assertSame( '<b>Go</b>', $this->text( $html, array( 'tag_name' => 'button' ) ) );
		$this->assertTrue( $this->tag( $html, array( 'tag_name' => 'label' ) )->has_class( 'screen-reader-text' ) );
		$this->assertSame( 'e.g. "soup"', $this->tag( $html, array( 'tag_name' => 'input' ) )->get_attribute( 'placeholder' ) );
	}

	/**
	 * With `?q=`, the found posts as a numbered list under a count heading that labels it.
	 */
	public function test_renders_results_for_the_query(): void {
		$first     = $this->create_post(
			array(
				'post_title'   => 'Brindlecombe walks',
				'post_excerpt' => 'Three walks from the station.',
				'post_date'    => '2024-02-01 08:00:00',
			)
		);
		$second    = $this->create_post(
			array(
				'post_title' => 'Brindlecombe markets',
				'post_date'  => '2024-02-02 08:00:00',
			)
		);
		$_GET['q'] = 'Brindlecombe';

		$html = $this->render( 'switchboard/search', array( 'showPostType' => true ) );

		$this->assertSame( 'Brindlecombe', $this->tag( $html, array( 'tag_name' => 'input' ) )->get_attribute( 'value' ) );
		$heading = $this->tag( $html, array( 'tag_name' => 'h2' ) );
		$this->assertSame( '2 results for “Brindlecombe”', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$list = $this->tag( $html, array( 'tag_name' => 'ol' ) );
		$this->assertSame( $heading->get_attribute( 'id' ), $list->get_attribute( 'aria-labelledby' ) );
		$this->assertSame( '1', $list->get_attribute( 'start' ) );

		$titles = array( 'class_name' => 'wp-block-switchboard-search__result-title' );
		foreach ( $this->tags( $html, $titles ) as $title ) {
			$this->assertSame( 'H3', $title->get_tag() );
		}
		$this->assertEqualsCanonicalizing( array( 'Brindlecombe walks', 'Brindlecombe markets' ), $this->texts( $html, $titles ) );
		$hrefs = array_map(
			fn( $tag ) => $tag->get_attribute( 'href' ),
			$this->tags( $html, array( 'tag_name' => 'a' ) )
		);
		$this->assertEqualsCanonicalizing( array( get_permalink( $first ), get_permalink( $second ) ), $hrefs );

		$this->assertContains( 'Three walks from the station.', $this->texts( $html, array( 'class_name' => 'wp-block-switchboard-search__result-excerpt' ) ) );
		$this->assertSame( array( 'Post', 'Post' ), $this->texts( $html, array( 'class_name' => 'wp-block-switchboard-search__result-type' ) ) );
		$dates = array_map( fn( $tag ) => $tag->get_attribute( 'datetime' ), $this->tags( $html, array( 'tag_name' => 'time' ) ) );
		$this->assertEqualsCanonicalizing( array( '2024-02-01T08:00:00+00:00', '2024-02-02T08:00:00+00:00' ), $dates );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'nav' ) ), 'One page needs no page links.' );
	}

	/**
	 * With images on, a result's featured image is a decorative thumbnail beside its title link.
	 */
	public function test_renders_featured_images_when_asked(): void {
		$post = $this->create_post( array( 'post_title' => 'Heronsgate photos' ) );
		set_post_thumbnail( $post, $this->create_image( 'A heron on a post' ) );
		$_GET['q'] = 'Heronsgate';

		$without = $this->render( 'switchboard/search' );
		$with    = $this->render( 'switchboard/search', array( 'showImage' => true ) );

		$this->assertSame( array(), $this->tags( $without, array( 'tag_name' => 'img' ) ) );
		$image = $this->tag( $with, array( 'tag_name' => 'img' ) );
		$this->assertStringEndsWith( '/2024/01/photo-150x150.jpg', (string) $image->get_attribute( 'src' ) );
		$this->assertSame( '150', $image->get_attribute( 'width' ) );
		$this->assertSame( '', $image->get_attribute( 'alt' ), 'The title link beside it already names the result.' );
		$this->assertSame( 'lazy', $image->get_attribute( 'loading' ) );
		$this->assertTrue( $this->tag( $with, array( 'tag_name' => 'li' ) )->has_class( 'has-image' ) );
	}

	/**
	 * A search that finds nothing says so and suggests what to do.
	 */
	public function test_renders_the_empty_state(): void {
		$_GET['q'] = 'nothing-matches-this-xyzzy';

		$html = $this->render( 'switchboard/search' );

		$this->assertSame( 'No results for “nothing-matches-this-xyzzy”', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$this->assertCount( 1, $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-search__empty' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'ol' ) ) );
	}

	/**
	 * A hostile term is sanitized, then escaped into the field; it never becomes markup.
	 */
	public function test_a_hostile_term_never_becomes_markup(): void {
		$_GET['q'] = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

		$html = $this->render( 'switchboard/search' );

		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'script' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'img' ) ) );
		$this->assertSame( '">', $this->tag( $html, array( 'tag_name' => 'input' ) )->get_attribute( 'value' ) );
	}

	/**
	 * Later pages: the list continues its numbering and a labelled navigation marks the current page.
	 */
	public function test_paginates_with_an_accessible_navigation(): void {
		foreach ( array( '01', '02', '03' ) as $day ) {
			$this->create_post(
				array(
					'post_title' => "Ottervale bulletin $day",
					'post_date'  => "2024-04-$day 12:00:00",
				)
			);
		}
		$_GET['q']     = 'Ottervale';
		$_GET['qpage'] = '2';

		$html = $this->render( 'switchboard/search', array( 'perPage' => 1 ) );

		$this->assertSame( '2', $this->tag( $html, array( 'tag_name' => 'ol' ) )->get_attribute( 'start' ) );
		$this->assertCount(
			1,
			$this->tags(
				$html,
				array(
					'tag_name'   => 'li',
					'class_name' => 'wp-block-switchboard-search__result',
				)
			)
		);
		$nav = $this->tag( $html, array( 'tag_name' => 'nav' ) );
		$this->assertSame( 'Search results pages', $nav->get_attribute( 'aria-label' ) );

		$current = array_values(
			array_filter(
				$this->tags( $html, array( 'tag_name' => 'a' ) ),
				fn( $tag ) => 'page' === $tag->get_attribute( 'aria-current' )
			)
		);
		$this->assertCount( 1, $current );
		$this->assertSame( 'Page 2', $current[0]->get_attribute( 'aria-label' ) );
		$this->assertSame( '?q=Ottervale&qpage=2', $current[0]->get_attribute( 'href' ) );

		$rels = array();
		foreach ( $this->tags( $html, array( 'tag_name' => 'a' ) ) as $link ) {
			$rel = $link->get_attribute( 'rel' );
			if ( is_string( $rel ) ) {
				$rels[ $rel ] = $link->get_attribute( 'href' );
			}
		}
		$this->assertSame(
			array(
				'prev' => '?q=Ottervale',
				'next' => '?q=Ottervale&qpage=3',
			),
			$rels
		);
	}
}
