<?php
/**
 * Previous, numbered and next links under a Query Loop. Printed inside the Query Loop with
 * get_template_part( 'partials/query-pagination', null, $args ), because pagination cannot sit in a
 * nested pattern (it would lose its Query Loop's context).
 *
 * $args['margin_top'] Space above the links, as a spacing preset slug (default 60).
 *
 * @package switchboard-theme
 */

?>
<!-- wp:query-pagination {"paginationArrow":"arrow","layout":{"type":"flex","justifyContent":"space-between"},"style":{"spacing":{"margin":{"top":"var:preset|spacing|<?php echo absint( $args['margin_top'] ?? 60 ); ?>"}}}} -->
<!-- wp:query-pagination-previous /-->

<!-- wp:query-pagination-numbers /-->

<!-- wp:query-pagination-next /-->
<!-- /wp:query-pagination --><?php /* Closing here swallows the file's last newline, so callers print this flush against their own markup. */ ?>
