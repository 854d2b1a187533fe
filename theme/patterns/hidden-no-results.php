<?php
/**
 * Title: No results
 * Slug: switchboard-theme/hidden-no-results
 * Inserter: no
 * Description: What a search or an archive says when it finds nothing.
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"style":{"spacing":{"padding":{"top":"var:preset|spacing|30","bottom":"var:preset|spacing|40"}}},"layout":{"type":"constrained","justifyContent":"left"}} -->
<div class="wp-block-group" style="padding-top:var(--wp--preset--spacing--30);padding-bottom:var(--wp--preset--spacing--40)"><!-- wp:paragraph {"fontSize":"large"} -->
<p class="has-large-font-size"><?php esc_html_e( 'Nothing matched. Check the spelling, try fewer or broader words, or browse the sections listed at the foot of the page.', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph --></div>
<!-- /wp:group -->
