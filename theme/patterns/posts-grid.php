<?php
/**
 * Title: Latest posts grid
 * Slug: switchboard-theme/posts-grid
 * Categories: posts, switchboard-theme
 * Block Types: core/query
 * Description: A labelled grid of recent posts with image, category, headline, excerpt and date, and pagination. Skips the newest post, which the lead story shows.
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"align":"wide","style":{"spacing":{"margin":{"top":"var:preset|spacing|60"},"blockGap":"var:preset|spacing|40"}},"layout":{"type":"default"}} -->
<div class="wp-block-group alignwide" style="margin-top:var(--wp--preset--spacing--60)"><!-- wp:heading {"className":"is-style-section"} -->
<h2 class="wp-block-heading is-style-section" id="latest"><?php esc_html_e( 'Latest stories', 'switchboard-theme' ); ?></h2>
<!-- /wp:heading -->

<!-- wp:query {"queryId":2,"query":{"perPage":9,"pages":0,"offset":1,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"ignore","inherit":false}} -->
<div class="wp-block-query"><?php get_template_part( 'partials/post-card-grid' ); ?>


<?php get_template_part( 'partials/query-pagination' ); ?></div>
<!-- /wp:query --></div>
<!-- /wp:group -->
