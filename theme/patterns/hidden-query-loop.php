<?php
/**
 * Title: Posts loop
 * Slug: switchboard-theme/hidden-query-loop
 * Inserter: no
 * Description: The main query of an archive or the blog index as a grid of story cards, with pagination and a message when nothing is found.
 *
 * @package switchboard-theme
 */

?>
<!-- wp:query {"queryId":0,"query":{"perPage":9,"pages":0,"offset":0,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"","inherit":true},"align":"wide"} -->
<div class="wp-block-query alignwide"><?php get_template_part( 'partials/post-card-grid', null, array( 'title_level' => 2 ) ); ?>


<!-- wp:query-no-results -->
<!-- wp:pattern {"slug":"switchboard-theme/hidden-no-results"} /-->
<!-- /wp:query-no-results -->

<?php get_template_part( 'partials/query-pagination' ); ?></div>
<!-- /wp:query -->
