<?php
/**
 * Title: Page not found
 * Slug: switchboard-theme/hidden-404
 * Inserter: no
 * Description: The 404 message, a search form and the latest stories.
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"style":{"spacing":{"padding":{"top":"var:preset|spacing|70"},"blockGap":"var:preset|spacing|30"}},"layout":{"type":"constrained"}} -->
<div class="wp-block-group" style="padding-top:var(--wp--preset--spacing--70)"><!-- wp:paragraph {"className":"is-style-section","textColor":"accent"} -->
<p class="is-style-section has-accent-color has-text-color"><?php esc_html_e( 'Error 404', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":1} -->
<h1 class="wp-block-heading"><?php esc_html_e( 'This line is disconnected.', 'switchboard-theme' ); ?></h1>
<!-- /wp:heading -->

<!-- wp:paragraph {"textColor":"muted","fontSize":"large"} -->
<p class="has-muted-color has-text-color has-large-font-size"><?php esc_html_e( 'The page you were trying to reach has moved, was unpublished, or never existed. Try a search, or pick up one of the latest stories below.', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:search {"label":"<?php echo esc_attr_x( 'Search', 'Search form label.', 'switchboard-theme' ); ?>","showLabel":false,"placeholder":"<?php echo esc_attr_x( 'Search stories…', 'Search input placeholder.', 'switchboard-theme' ); ?>","buttonText":"<?php echo esc_attr_x( 'Search', 'Search button text.', 'switchboard-theme' ); ?>","style":{"spacing":{"margin":{"top":"var:preset|spacing|30"}}}} /--></div>
<!-- /wp:group -->

<!-- wp:group {"align":"wide","style":{"spacing":{"margin":{"top":"var:preset|spacing|70"},"blockGap":"var:preset|spacing|40"}},"layout":{"type":"default"}} -->
<div class="wp-block-group alignwide" style="margin-top:var(--wp--preset--spacing--70)"><!-- wp:heading {"className":"is-style-section"} -->
<h2 class="wp-block-heading is-style-section"><?php esc_html_e( 'Latest stories', 'switchboard-theme' ); ?></h2>
<!-- /wp:heading -->

<!-- wp:query {"queryId":5,"query":{"perPage":3,"pages":0,"offset":0,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"ignore","inherit":false}} -->
<div class="wp-block-query"><?php get_template_part( 'partials/post-card-grid', null, array( 'show_excerpt' => false ) ); ?></div>
<!-- /wp:query --></div>
<!-- /wp:group -->
