<?php
/**
 * The story card grid: a Post Template laid out in columns of cards (image, category, headline,
 * excerpt, date). Every grid of stories in the theme prints it inside its own Query Loop with
 * get_template_part( 'partials/post-card-grid', null, $args ), because a pattern takes no arguments
 * and a Post Template cannot sit in a nested pattern (it would lose its Query Loop's context).
 *
 * $args['title_level']  Heading level of each headline: 3 (the default) under a section heading,
 *                       2 where the grid sits directly under the page's h1.
 * $args['show_excerpt'] Whether cards show an excerpt (default true).
 *
 * @package switchboard-theme
 */

?>
<!-- wp:post-template {"style":{"spacing":{"blockGap":"var:preset|spacing|50"}},"layout":{"type":"grid","columnCount":3,"minimumColumnWidth":"17rem"}} -->
<!-- wp:group {"className":"switchboard-card","style":{"spacing":{"blockGap":"0.625rem"}}} -->
<div class="wp-block-group switchboard-card"><!-- wp:post-featured-image {"isLink":true,"aspectRatio":"3/2","style":{"spacing":{"margin":{"bottom":"0.5rem"}}}} /-->

<!-- wp:post-terms {"term":"category"} /-->

<!-- wp:post-title {"level":<?php echo absint( $args['title_level'] ?? 3 ); ?>,"isLink":true,"fontSize":"large"} /-->
<?php if ( $args['show_excerpt'] ?? true ) : ?>

<!-- wp:post-excerpt {"excerptLength":24,"fontSize":"small"} /-->
<?php endif; ?>

<!-- wp:post-date {"fontSize":"x-small"} /--></div>
<!-- /wp:group -->
<!-- /wp:post-template --><?php /* Closing here swallows the file's last newline, so callers print this flush against their own markup. */ ?>
