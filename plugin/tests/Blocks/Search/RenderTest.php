<?php
/**
 * Tests of the search block's server render.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Tests\Blocks\BlockTestCase;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;
use WP_Block_Type_Registry;
use WP_HTML_Tag_Processor;

/**
 * The markup visitors get from `render.php` (C5): an accessible GET form, and for `?q=` the first paint
 * of the results through the gateway, with the Interactivity directives rendered on the server.
 */
final class RenderTest extends BlockTestCase {

	use ReadsArrays;
	use UsesFaultServer;

	/**
	 * Points the search service at the upstream.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::point_services_at( self::upstream()->url(), array( 'search' ) );
	}

	/**
	 * The markup a visitor's browser shows before scripts run: `<template>`s (inert, the view script's
	 * blueprints) removed.
	 *
	 * @param string $html Rendered HTML.
	 * @return string
	 */
	private static function painted( string $html ): string {
		do {
			$html = (string) preg_replace( '#<template\b[^>]*>(?:(?!<template\b).)*?</template>#s', '', $html, -1, $count );
		} while ( $count > 0 );

		return $html;
	}

	/**
	 * Whether the one tag matching a query carries `hidden`.
	 *
	 * @param string                                        $html  HTML.
	 * @param array{tag_name?: string, class_name?: string} $query Query.
	 * @return bool
	 */
	private function hidden( string $html, array $query ): bool {
		return null !== $this->tag( $html, $query )->get_attribute( 'hidden' );
	}

	/**
	 * The attribute of every tag matching a query.
	 *
	 * @param string                                        $html      HTML.
	 * @param array{tag_name?: string, class_name?: string} $query     Query.
	 * @param string                                        $attribute Attribute.
	 * @return list<mixed>
	 */
	private function attributes( string $html, array $query, string $attribute ): array {
		return array_map( static fn( WP_HTML_Tag_Processor $tag ) => $tag->get_attribute( $attribute ), $this->tags( $html, $query ) );
	}

	/**
	 * Where each result's title links.
	 *
	 * @param string $html HTML.
	 * @return list<string>
	 */
	private function result_links( string $html ): array {
		$links     = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag( array( 'class_name' => 'wp-block-switchboard-search__result-title' ) ) ) {
			$processor->next_tag( array( 'tag_name' => 'a' ) );
			$links[] = (string) $processor->get_attribute( 'href' );
		}

		return $links;
	}

	/**
	 * The plugin registered the block from the build, with its script module and api-fetch.
	 */
	public function test_block_is_registered_with_its_view_scripts(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'switchboard/search' );

		$this->assertNotNull( $type );
		$this->assertSame( 'switchboard', $type->category );
		$this->assertNotEmpty( $type->view_script_module_ids );
		$this->assertContains( 'wp-api-fetch', $type->view_script_handles );
		$this->assertIsArray( $type->supports );
		$this->assertTrue( $type->supports['interactivity'] ?? null );
	}

	/**
	 * Without a search, a labelled GET form that submits `q`; the results and filters are hidden.
	 */
	public function test_renders_an_accessible_search_form(): void {
		$html = self::painted( $this->render( 'switchboard/search' ) );

		$form = $this->tag( $html, array( 'tag_name' => 'form' ) );
		$this->assertSame( 'search', $form->get_attribute( 'role' ) );
		$this->assertSame( 'get', $form->get_attribute( 'method' ) );
		$this->assertNull( $form->get_attribute( 'action' ), 'The form submits to the page it is on.' );

		$input = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__input' ) );
		$label = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__label' ) );
		$this->assertSame( $input->get_attribute( 'id' ), $label->get_attribute( 'for' ) );
		$this->assertSame( 'Search', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__label' ) ) );
		$this->assertSame( 'q', $input->get_attribute( 'name' ) );
		$this->assertSame( 'search', $input->get_attribute( 'type' ) );
		$this->assertSame( '', $input->get_attribute( 'value' ) );
		$this->assertSame( '200', $input->get_attribute( 'maxlength' ) );
		$this->assertSame( 'Search', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__button' ) ) );

		$this->assertTrue( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__results' ) ) );
		$this->assertTrue( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__refine' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-search__result' ) ) );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * The wrapper is an interactive region with its context, and the store's texts are seeded.
	 */
	public function test_seeds_the_interactivity_store(): void {
		$html = $this->render( 'switchboard/search', array( 'instant' => true ) );

		$wrapper = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search' ) );
		$this->assertSame( 'switchboard/search', $wrapper->get_attribute( 'data-wp-interactive' ) );
		$this->assertSame( 'callbacks.init', $wrapper->get_attribute( 'data-wp-init' ) );
		$context = json_decode( (string) $wrapper->get_attribute( 'data-wp-context' ), true );
		$this->assertIsArray( $context );
		$this->assertSame( '', $context['message'] );
		$this->assertFalse( $context['searched'] );
		$this->assertTrue( self::value_at( $context, 'config', 'instant' ) );
		$status = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__status' ) );
		$this->assertSame( 'status', $status->get_attribute( 'role' ) );
		$this->assertSame( 'context.message', $status->get_attribute( 'data-wp-text' ) );
		$state = wp_interactivity_state( 'switchboard/search' );
		$this->assertNotEmpty( $state['emptyQueryMessage'] ?? '' );
		$this->assertSame( '%1$s results for “%2$s”', $state['summaryMany'] ?? null );
		$this->assertSame( 'Post', self::value_at( $state, 'types', 'post' ) );
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
		$this->assertSame( 'Find <em>it</em> & "go"', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__label' ) ) );
		$this->assertSame( '<b>Go</b>', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__button' ) ) );
		$this->assertTrue( $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__label' ) )->has_class( 'screen-reader-text' ) );
		$this->assertSame( 'e.g. "soup"', $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__input' ) )->get_attribute( 'placeholder' ) );
	}

	/**
	 * The service's answer: a count heading labelling a numbered list, h3 links, and highlights as
	 * `<mark>` around text; hostile titles, excerpts and facet labels stay text.
	 */
	public function test_renders_the_services_results_with_safe_highlights(): void {
		self::upstream()->set(
			array(
				'body' => SearchServiceFixture::answer(
					array(
						SearchServiceFixture::result(
							5,
							'<script>alert(1)</script> Café crème',
							'Hot <img src=x onerror=alert(2)> café',
							array(
								'title'   => array( array( 26, 30 ) ),
								'excerpt' => array( array( 4, 32 ), array( 33, 37 ) ),
							)
						),
						SearchServiceFixture::result( 6, 'Plain café' ),
					),
					2
				),
			)
		);
		$_GET['q'] = 'café';

		$html = self::painted( $this->render( 'switchboard/search', array( 'showPostType' => true ) ) );

		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'script' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'img' ) ) );
		$this->assertSame( array( 'Café', '<img src=x onerror=alert(2)>', 'café' ), $this->texts( $html, array( 'tag_name' => 'mark' ) ) );
		$this->assertSame(
			array( '<script>alert(1)</script> Café crème', 'Plain café' ),
			$this->texts( $html, array( 'class_name' => 'wp-block-switchboard-search__result-title' ) )
		);
		$this->assertSame( array( 'https://example.org/5/', 'https://example.org/6/' ), $this->result_links( $html ) );

		$heading = $this->tag( $html, array( 'tag_name' => 'h2' ) );
		$this->assertSame( '2 results for “café”', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$list = $this->tag( $html, array( 'tag_name' => 'ol' ) );
		$this->assertSame( $heading->get_attribute( 'id' ), $list->get_attribute( 'aria-labelledby' ) );
		$this->assertNull( $list->get_attribute( 'hidden' ) );
		$this->assertSame( '1', $list->get_attribute( 'start' ) );
		$this->assertSame( array( 'H3', 'H3' ), array_map( static fn( $tag ) => $tag->get_tag(), $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-search__result-title' ) ) ) );
		$this->assertSame( array( 'Post', 'Post' ), $this->texts( $html, array( 'class_name' => 'wp-block-switchboard-search__result-type' ) ) );
		$this->assertSame( array( '2026-01-02T03:04:05+00:00', '2026-01-02T03:04:05+00:00' ), $this->attributes( $html, array( 'tag_name' => 'time' ), 'datetime' ) );
		$this->assertTrue( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__note' ) ) );
		$this->assertTrue( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__error' ) ) );
		$this->assertTrue( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__empty' ) ) );
		$this->assertTrue( $this->hidden( $html, array( 'tag_name' => 'nav' ) ), 'One page needs no page links.' );
	}

	/**
	 * Facets are fieldsets of checkboxes (radios for dates) named by label and count, with a sort select
	 * and an Apply button, so filtering works without JavaScript.
	 */
	public function test_renders_facets_as_a_form_that_works_without_javascript(): void {
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array( SearchServiceFixture::result( 5, 'A' ) ), 1 ) ) );
		$_GET = array(
			'q'         => 'x',
			'qcategory' => '13',
			'qdate'     => 'past-month',
			'qsort'     => 'date',
		);

		$html = self::painted( $this->render( 'switchboard/search', array( 'facets' => array( 'category', 'author', 'date' ) ) ) );

		$this->assertFalse( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__refine' ) ) );
		$this->assertSame( array( 'Category', 'Author', 'Date' ), $this->texts( $html, array( 'tag_name' => 'legend' ) ) );
		$this->assertSame( array( 'News & <Views> (3)', 'Events (1)', 'Ada (2)', 'Any time', 'Past week (1)', 'Past month (2)', 'Past year (3)' ), $this->texts( $html, array( 'class_name' => 'wp-block-switchboard-search__option' ) ) );
		$inputs = array( 'tag_name' => 'input' );
		$this->assertSame( array( 'search', 'checkbox', 'checkbox', 'checkbox', 'radio', 'radio', 'radio', 'radio' ), $this->attributes( $html, $inputs, 'type' ) );
		$this->assertSame( array( 'q', 'qcategory', 'qcategory', 'qauthor', 'qdate', 'qdate', 'qdate', 'qdate' ), $this->attributes( $html, $inputs, 'name' ) );
		$this->assertSame( array( 'x', '12', '13', '2', '', 'past-week', 'past-month', 'past-year' ), $this->attributes( $html, $inputs, 'value' ) );
		$this->assertSame( array( null, null, true, null, null, null, true, null ), $this->attributes( $html, $inputs, 'checked' ) );

		$select = $this->tag( $html, array( 'tag_name' => 'select' ) );
		$this->assertSame( 'qsort', $select->get_attribute( 'name' ) );
		$this->assertSame( array( null, true ), $this->attributes( $html, array( 'tag_name' => 'option' ), 'selected' ) );
		$this->assertSame( 'Sort by Relevance Newest first', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__sort' ) ) );
		$this->assertContains( $select->get_attribute( 'id' ), $this->attributes( $html, array( 'tag_name' => 'label' ), 'for' ), 'The select is labelled.' );
		$this->assertSame( 'submit', $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__apply' ) )->get_attribute( 'type' ) );
		$this->assertFalse( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__apply' ) ), 'Shown until the view script hides it.' );
	}

	/**
	 * Without the service, WordPress's own search answers in the same markup, with a note.
	 */
	public function test_falls_back_to_wordpress_search_with_a_note(): void {
		$post = $this->create_post(
			array(
				'post_title'   => 'Brindlecombe walks',
				'post_excerpt' => 'Three walks from the station.',
			)
		);
		self::upstream()->set( array( 'status' => 503 ) );
		$_GET['q'] = 'Brindlecombe';

		$html = self::painted( $this->render( 'switchboard/search' ) );

		$this->assertFalse( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__note' ) ) );
		$this->assertSame( 'Showing basic results while full search is unavailable.', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__note' ) ) );
		$this->assertSame( '1 result for “Brindlecombe”', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$this->assertSame( array( (string) get_permalink( $post ) ), $this->result_links( $html ) );
		$this->assertSame( array( 'Three walks from the station.' ), $this->texts( $html, array( 'class_name' => 'wp-block-switchboard-search__result-excerpt' ) ) );
		$this->assertSame( array( 'Brindlecombe' ), $this->texts( $html, array( 'tag_name' => 'mark' ) ), 'WordPress’s matches are highlighted too.' );
	}

	/**
	 * No results: the heading says so, the list is hidden, and a spelling is suggested as a link.
	 */
	public function test_renders_the_empty_state_with_a_suggestion(): void {
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array(), 0, 1, 0, 'lighthouse' ) ) );
		$_GET['q'] = 'lighthose';

		$html = self::painted( $this->render( 'switchboard/search' ) );

		$this->assertSame( 'No results for “lighthose”', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$this->assertTrue( $this->hidden( $html, array( 'tag_name' => 'ol' ) ) );
		$this->assertFalse( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__empty' ) ) );
		$this->assertFalse( $this->hidden( $html, array( 'class_name' => 'wp-block-switchboard-search__suggestion' ) ) );
		$this->assertSame( 'Did you mean lighthouse?', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-search__suggestion' ) ) );
		$this->assertSame( array(), $this->result_links( $html ) );
		$suggestion = new WP_HTML_Tag_Processor( $html );
		$suggestion->next_tag( array( 'class_name' => 'wp-block-switchboard-search__suggestion' ) );
		$suggestion->next_tag( array( 'tag_name' => 'a' ) );
		$this->assertSame( '?q=lighthouse', $suggestion->get_attribute( 'href' ) );
	}

	/**
	 * A hostile term is escaped in the field and the heading, never markup.
	 */
	public function test_a_hostile_term_never_becomes_markup(): void {
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array(), 0 ) ) );
		$_GET['q'] = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

		$html = $this->render( 'switchboard/search' );

		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'script' ) ) );
		$this->assertSame( array(), $this->tags( self::painted( $html ), array( 'tag_name' => 'img' ) ) );
		$this->assertSame( '">', $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-search__input' ) )->get_attribute( 'value' ) );
		$this->assertSame( 'No results for “">”', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
	}

	/**
	 * Later pages: the list continues its numbering and a labelled navigation marks the current page;
	 * every link keeps the filters.
	 */
	public function test_paginates_with_an_accessible_navigation(): void {
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array( SearchServiceFixture::result( 9, 'Ottervale' ) ), 3, 2, 3 ) ) );
		$_GET = array(
			'q'     => 'Ottervale',
			'qpage' => '2',
			'qtag'  => '5',
		);

		$html = self::painted( $this->render( 'switchboard/search', array( 'perPage' => 1 ) ) );

		$this->assertSame( '2', $this->tag( $html, array( 'tag_name' => 'ol' ) )->get_attribute( 'start' ) );
		$nav = $this->tag( $html, array( 'tag_name' => 'nav' ) );
		$this->assertSame( 'Search results pages', $nav->get_attribute( 'aria-label' ) );
		$this->assertNull( $nav->get_attribute( 'hidden' ) );
		$pages = array();
		foreach ( $this->tags( $html, array( 'tag_name' => 'a' ) ) as $link ) {
			$name           = $link->get_attribute( 'aria-label' ) ?? $link->get_attribute( 'rel' );
			$pages[ $name ] = array( $link->get_attribute( 'href' ), $link->get_attribute( 'aria-current' ) );
		}
		unset( $pages[''] );
		$this->assertSame(
			array(
				'prev'   => array( '?q=Ottervale&qtag=5', null ),
				'Page 1' => array( '?q=Ottervale&qtag=5', 'false' ),
				'Page 2' => array( '?q=Ottervale&qpage=2&qtag=5', 'page' ),
				'Page 3' => array( '?q=Ottervale&qpage=3&qtag=5', 'false' ),
				'next'   => array( '?q=Ottervale&qpage=3&qtag=5', null ),
			),
			$pages
		);
	}

	/**
	 * With images on, the first paint shows a result's featured image as a decorative thumbnail.
	 */
	public function test_renders_featured_images_when_asked(): void {
		$post = $this->create_post( array( 'post_title' => 'Heronsgate photos' ) );
		set_post_thumbnail( $post, $this->create_image( 'A heron on a post' ) );
		self::upstream()->set( array( 'body' => SearchServiceFixture::answer( array( SearchServiceFixture::result( $post, 'Heronsgate photos' ) ), 1 ) ) );
		$_GET['q'] = 'Heronsgate';

		$without = self::painted( $this->render( 'switchboard/search' ) );
		$with    = self::painted( $this->render( 'switchboard/search', array( 'showImage' => true ) ) );

		$this->assertSame( array(), $this->tags( $without, array( 'tag_name' => 'img' ) ) );
		$image = $this->tag( $with, array( 'tag_name' => 'img' ) );
		$this->assertStringEndsWith( '/2024/01/photo-150x150.jpg', (string) $image->get_attribute( 'src' ) );
		$this->assertSame( '150', (string) $image->get_attribute( 'width' ) );
		$this->assertSame( '', $image->get_attribute( 'alt' ), 'The title link beside it already names the result.' );
		$this->assertTrue( $this->tag( $with, array( 'class_name' => 'wp-block-switchboard-search__result' ) )->has_class( 'has-image' ) );
	}
}
