<?php
/**
 * Title: Lead story
 * Slug: switchboard-theme/lead-story
 * Categories: query, featured, switchboard-theme
 * Block Types: core/query
 * Description: The newest post, large: image beside its category, headline, standfirst and byline.
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

?>
<!-- wp:query {"queryId":1,"query":{"perPage":1,"pages":0,"offset":0,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"ignore","inherit":false},"align":"wide","className":"switchboard-lead-story"} -->
<div class="wp-block-query alignwide switchboard-lead-story"><!-- wp:post-template -->
<!-- wp:columns {"verticalAlignment":"center","style":{"spacing":{"blockGap":{"top":"var:preset|spacing|40","left":"var:preset|spacing|60"}}}} -->
<div class="wp-block-columns are-vertically-aligned-center"><!-- wp:column {"verticalAlignment":"center","width":"60%"} -->
<div class="wp-block-column is-vertically-aligned-center" style="flex-basis:60%"><!-- wp:post-featured-image {"isLink":true,"aspectRatio":"3/2","sizeSlug":"large"} /--></div>
<!-- /wp:column -->

<!-- wp:column {"verticalAlignment":"center","width":"40%","style":{"spacing":{"blockGap":"var:preset|spacing|30"}}} -->
<div class="wp-block-column is-vertically-aligned-center" style="flex-basis:40%"><!-- wp:post-terms {"term":"category"} /-->

<!-- wp:post-title {"level":2,"isLink":true,"fontSize":"xx-large","style":{"typography":{"lineHeight":"1.1"}}} /-->

<!-- wp:post-excerpt {"excerptLength":36,"fontSize":"medium"} /-->

<!-- wp:pattern {"slug":"switchboard-theme/post-meta"} /--></div>
<!-- /wp:column --></div>
<!-- /wp:columns -->
<!-- /wp:post-template --></div>
<!-- /wp:query -->
