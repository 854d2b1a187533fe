<?php
/**
 * Switchboard theme: the few things theme.json cannot declare.
 *
 * Loads style.css on the front end and in the editor, registers the theme's pattern category and
 * block styles, and adds two query refinements used by the templates. Nothing here depends on the
 * Switchboard plugin; its blocks are referenced only by name in patterns.
 *
 * @package switchboard-theme
 */

declare(strict_types=1);

/**
 * Makes style.css an editor style too, so the editor matches the front end.
 */
function switchboard_theme_setup(): void {
	add_editor_style( 'style.css' );
}
add_action( 'after_setup_theme', 'switchboard_theme_setup' );

/**
 * Enqueues style.css (the parent's, even when a child theme is active).
 */
function switchboard_theme_enqueue_styles(): void {
	wp_enqueue_style(
		'switchboard-theme-style',
		get_parent_theme_file_uri( 'style.css' ),
		array(),
		(string) wp_get_theme( get_template() )->get( 'Version' )
	);
}
add_action( 'wp_enqueue_scripts', 'switchboard_theme_enqueue_styles' );

/**
 * Registers the "Switchboard" pattern category, where this theme's and the plugin's patterns meet.
 */
function switchboard_theme_register_pattern_categories(): void {
	register_block_pattern_category(
		'switchboard-theme',
		array(
			'label'       => __( 'Switchboard', 'switchboard-theme' ),
			'description' => __( 'Sections designed for the Switchboard theme.', 'switchboard-theme' ),
		)
	);
}
add_action( 'init', 'switchboard_theme_register_pattern_categories' );

/**
 * Registers block styles whose CSS lives in style.css.
 */
function switchboard_theme_register_block_styles(): void {
	register_block_style(
		array( 'core/heading', 'core/paragraph' ),
		array(
			'name'  => 'section',
			'label' => __( 'Section label', 'switchboard-theme' ),
		)
	);
	register_block_style(
		'core/post-terms',
		array(
			'name'  => 'pill',
			'label' => __( 'Pill', 'switchboard-theme' ),
		)
	);
}
add_action( 'init', 'switchboard_theme_register_block_styles' );

/**
 * Whether a parsed block carries a given class name.
 *
 * @param array<string, mixed> $parsed_block A parsed block.
 * @param string               $class_name   The class to look for.
 */
function switchboard_theme_block_has_class( array $parsed_block, string $class_name ): bool {
	$classes = $parsed_block['attrs']['className'] ?? '';
	if ( ! is_string( $classes ) ) {
		return false;
	}
	$class_list = preg_split( '/\s+/', $classes );
	return is_array( $class_list ) && in_array( $class_name, $class_list, true );
}

/**
 * Turns a Query Loop with the class "switchboard-related-posts" into "more from this post's categories",
 * leaving out the post being read. Without this filter the loop still works: it shows recent posts.
 *
 * The query is narrowed in the context its Post Template receives, because a block's attributes are
 * already fixed by the time "render_block_data" runs for inner blocks.
 *
 * @param array<string, mixed> $context      Context the block will receive.
 * @param array<string, mixed> $parsed_block The block about to be rendered.
 * @param WP_Block|null        $parent_block The parent block, when there is one.
 * @return array<string, mixed>
 */
function switchboard_theme_related_posts_context( array $context, array $parsed_block, ?WP_Block $parent_block = null ): array {
	if ( 'core/post-template' !== ( $parsed_block['blockName'] ?? null )
		|| null === $parent_block
		|| 'core/query' !== $parent_block->name
		|| ! switchboard_theme_block_has_class( $parent_block->parsed_block, 'switchboard-related-posts' )
		|| ! is_singular( 'post' )
		|| ! is_array( $context['query'] ?? null ) ) {
		return $context;
	}

	$post_id    = get_queried_object_id();
	$categories = wp_get_post_categories( $post_id, array( 'fields' => 'ids' ) );

	$context['query']['exclude'] = array( $post_id );
	if ( is_array( $categories ) && array() !== $categories ) {
		$context['query']['taxQuery'] = array( 'category' => array_map( 'intval', $categories ) );
	}

	return $context;
}
add_filter( 'render_block_context', 'switchboard_theme_related_posts_context', 10, 3 );

/**
 * Shows the front page's lead story (a Query Loop with the class "switchboard-lead-story") only on
 * the first page, so paging through the grid below it does not repeat the same headline.
 *
 * @param string|null          $pre_render   Output short-circuit, null to render normally.
 * @param array<string, mixed> $parsed_block The block about to be rendered.
 */
function switchboard_theme_lead_story_first_page_only( ?string $pre_render, array $parsed_block ): ?string {
	if ( null !== $pre_render
		|| 'core/query' !== ( $parsed_block['blockName'] ?? null )
		|| ! switchboard_theme_block_has_class( $parsed_block, 'switchboard-lead-story' ) ) {
		return $pre_render;
	}

	if ( is_paged() ) {
		return '';
	}

	// Query Loops page with "query-{id}-page"; reading the number changes nothing, so no nonce applies.
	foreach ( $_GET as $key => $value ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		if ( is_string( $key ) && is_scalar( $value ) && 1 === preg_match( '/^query-\d+-page$/', $key ) && absint( $value ) > 1 ) {
			return '';
		}
	}

	return null;
}
add_filter( 'pre_render_block', 'switchboard_theme_lead_story_first_page_only', 10, 2 );
