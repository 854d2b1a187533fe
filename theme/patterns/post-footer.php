<?php
/**
 * Title: Post footer
 * Slug: switchboard-theme/post-footer
 * Categories: posts, switchboard-theme
 * Description: The post's tags as pills, then links to the previous and next stories.
 * Viewport Width: 700
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"style":{"spacing":{"margin":{"top":"var:preset|spacing|50"},"blockGap":"var:preset|spacing|50"}},"layout":{"type":"default"}} -->
<div class="wp-block-group" style="margin-top:var(--wp--preset--spacing--50)"><!-- wp:post-terms {"term":"post_tag","prefix":"<?php echo esc_attr_x( 'Tagged', 'Precedes the list of a post\'s tags.', 'switchboard-theme' ); ?>","className":"is-style-pill"} /-->

<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:group {"className":"switchboard-post-navigation","style":{"spacing":{"blockGap":"var:preset|spacing|40"}},"layout":{"type":"flex","flexWrap":"wrap","justifyContent":"space-between","verticalAlignment":"top"}} -->
<div class="wp-block-group switchboard-post-navigation"><!-- wp:post-navigation-link {"type":"previous","label":"<?php echo esc_attr_x( 'Previous story', 'Label for the link to the previous post.', 'switchboard-theme' ); ?>","showTitle":true,"linkLabel":true,"arrow":"none"} /-->

<!-- wp:post-navigation-link {"label":"<?php echo esc_attr_x( 'Next story', 'Label for the link to the next post.', 'switchboard-theme' ); ?>","showTitle":true,"linkLabel":true,"arrow":"none"} /--></div>
<!-- /wp:group --></div>
<!-- /wp:group -->
