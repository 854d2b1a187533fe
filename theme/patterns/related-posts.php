<?php
/**
 * Title: Related stories
 * Slug: switchboard-theme/related-posts
 * Categories: posts, switchboard-theme
 * Block Types: core/query
 * Description: Three more stories from the categories of the post being read (recent stories elsewhere).
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"align":"wide","style":{"spacing":{"margin":{"top":"var:preset|spacing|70"},"blockGap":"var:preset|spacing|40"}},"layout":{"type":"default"}} -->
<div class="wp-block-group alignwide" style="margin-top:var(--wp--preset--spacing--70)"><!-- wp:heading {"className":"is-style-section"} -->
<h2 class="wp-block-heading is-style-section"><?php esc_html_e( 'Keep reading', 'switchboard-theme' ); ?></h2>
<!-- /wp:heading -->

<!-- wp:query {"queryId":4,"query":{"perPage":3,"pages":0,"offset":0,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"ignore","inherit":false},"className":"switchboard-related-posts"} -->
<div class="wp-block-query switchboard-related-posts"><?php get_template_part( 'partials/post-card-grid', null, array( 'show_excerpt' => false ) ); ?></div>
<!-- /wp:query --></div>
<!-- /wp:group -->
