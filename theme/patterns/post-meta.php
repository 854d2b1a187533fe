<?php
/**
 * Title: Post meta
 * Slug: switchboard-theme/post-meta
 * Categories: posts, switchboard-theme
 * Description: The author's avatar and name above the publication date, for the top of an article.
 * Viewport Width: 700
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"className":"switchboard-meta","style":{"spacing":{"blockGap":"0.75rem"}},"fontSize":"small","layout":{"type":"flex","flexWrap":"nowrap","verticalAlignment":"center"}} -->
<div class="wp-block-group switchboard-meta has-small-font-size"><!-- wp:avatar {"size":44} /-->

<!-- wp:group {"style":{"spacing":{"blockGap":"0.125rem"}},"layout":{"type":"default"}} -->
<div class="wp-block-group"><!-- wp:group {"style":{"spacing":{"blockGap":"0.3em"}},"layout":{"type":"flex","flexWrap":"wrap"}} -->
<div class="wp-block-group"><!-- wp:paragraph {"textColor":"muted"} -->
<p class="has-muted-color has-text-color"><?php echo esc_html_x( 'By', 'Precedes the name of the post author.', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:post-author-name {"isLink":true} /--></div>
<!-- /wp:group -->

<!-- wp:post-date /--></div>
<!-- /wp:group --></div>
<!-- /wp:group -->
