<?php
/**
 * Title: Search hero
 * Slug: switchboard-theme/search-hero
 * Categories: banner, featured, switchboard-theme
 * Keywords: search, find, results
 * Description: A wide invitation to search the archive: a heading, a short introduction and the Switchboard Search block with instant results and filters.
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

$switchboard_theme_search = array(
	'label'       => __( 'Search the archive', 'switchboard-theme' ),
	'placeholder' => __( 'Try “payments” or “accessibility”', 'switchboard-theme' ),
	'buttonText'  => __( 'Search', 'switchboard-theme' ),
	'instant'     => true,
	'perPage'     => 8,
	'facets'      => array( 'category', 'post_tag', 'date' ),
	'align'       => 'wide',
);
?>
<!-- wp:group {"align":"full","style":{"spacing":{"padding":{"top":"var:preset|spacing|70","bottom":"var:preset|spacing|70"}}},"layout":{"type":"constrained"}} -->
<div class="wp-block-group alignfull" style="padding-top:var(--wp--preset--spacing--70);padding-bottom:var(--wp--preset--spacing--70)"><!-- wp:paragraph {"className":"is-style-section","textColor":"accent"} -->
<p class="is-style-section has-accent-color has-text-color"><?php esc_html_e( 'Search', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:heading {"fontSize":"xxx-large"} -->
<h2 class="wp-block-heading has-xxx-large-font-size"><?php esc_html_e( 'Find anything we have published.', 'switchboard-theme' ); ?></h2>
<!-- /wp:heading -->

<!-- wp:paragraph {"textColor":"muted","fontSize":"large"} -->
<p class="has-muted-color has-text-color has-large-font-size"><?php esc_html_e( 'Results appear as you type. Narrow them by category, tag or date, and share the page: the address keeps your search.', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:switchboard/search <?php echo serialize_block_attributes( $switchboard_theme_search ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core's block comment serializer escapes every character that could end the comment or start markup. ?> /--></div>
<!-- /wp:group -->
