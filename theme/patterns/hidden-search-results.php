<?php
/**
 * Title: Search results
 * Slug: switchboard-theme/hidden-search-results
 * Inserter: no
 * Description: The search query as a counted list of results (category, headline, excerpt, date, thumbnail), with pagination and a message when nothing matches.
 *
 * @package switchboard-theme
 */

?>
<!-- wp:query {"queryId":0,"query":{"perPage":10,"pages":0,"offset":0,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"","inherit":true}} -->
<div class="wp-block-query"><!-- wp:query-total {"className":"is-style-section"} /-->

<!-- wp:post-template {"className":"switchboard-results","style":{"spacing":{"blockGap":"0"}}} -->
<!-- wp:group {"className":"switchboard-result","style":{"spacing":{"blockGap":"var:preset|spacing|40","padding":{"top":"var:preset|spacing|40","bottom":"var:preset|spacing|40"}}},"layout":{"type":"flex","flexWrap":"nowrap","verticalAlignment":"top"}} -->
<div class="wp-block-group switchboard-result" style="padding-top:var(--wp--preset--spacing--40);padding-bottom:var(--wp--preset--spacing--40)"><!-- wp:group {"style":{"spacing":{"blockGap":"0.5rem"},"layout":{"selfStretch":"fill","flexSize":null}},"layout":{"type":"default"}} -->
<div class="wp-block-group"><!-- wp:post-terms {"term":"category"} /-->

<!-- wp:post-title {"level":2,"isLink":true,"fontSize":"large"} /-->

<!-- wp:post-excerpt {"excerptLength":30,"fontSize":"small"} /-->

<!-- wp:post-date {"fontSize":"x-small"} /--></div>
<!-- /wp:group -->

<!-- wp:post-featured-image {"isLink":true,"aspectRatio":"1","sizeSlug":"medium"} /--></div>
<!-- /wp:group -->
<!-- /wp:post-template -->

<!-- wp:query-no-results -->
<!-- wp:pattern {"slug":"switchboard-theme/hidden-no-results"} /-->
<!-- /wp:query-no-results -->

<?php get_template_part( 'partials/query-pagination', null, array( 'margin_top' => 50 ) ); ?></div>
<!-- /wp:query -->
