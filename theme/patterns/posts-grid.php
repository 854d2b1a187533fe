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
<div class="wp-block-query"><!-- wp:post-template {"style":{"spacing":{"blockGap":"var:preset|spacing|50"}},"layout":{"type":"grid","columnCount":3,"minimumColumnWidth":"17rem"}} -->
<!-- wp:group {"className":"switchboard-card","style":{"spacing":{"blockGap":"0.625rem"}}} -->
<div class="wp-block-group switchboard-card"><!-- wp:post-featured-image {"isLink":true,"aspectRatio":"3/2","style":{"spacing":{"margin":{"bottom":"0.5rem"}}}} /-->

<!-- wp:post-terms {"term":"category"} /-->

<!-- wp:post-title {"level":3,"isLink":true,"fontSize":"large"} /-->

<!-- wp:post-excerpt {"excerptLength":24,"fontSize":"small"} /-->

<!-- wp:post-date {"fontSize":"x-small"} /--></div>
<!-- /wp:group -->
<!-- /wp:post-template -->

<!-- wp:query-pagination {"paginationArrow":"arrow","layout":{"type":"flex","justifyContent":"space-between"},"style":{"spacing":{"margin":{"top":"var:preset|spacing|60"}}}} -->
<!-- wp:query-pagination-previous /-->

<!-- wp:query-pagination-numbers /-->

<!-- wp:query-pagination-next /-->
<!-- /wp:query-pagination --></div>
<!-- /wp:query --></div>
<!-- /wp:group -->
