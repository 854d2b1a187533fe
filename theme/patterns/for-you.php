<?php
/**
 * Title: For you
 * Slug: switchboard-theme/for-you
 * Categories: posts, featured, switchboard-theme
 * Keywords: feed, personalized, recommended, for you, popular
 * Description: A "Picked for you" grid from the Switchboard Feed block: popular stories for everyone, ranked for each reader who agrees to personalization, with a short reason under each story.
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

/*
 * The block's own heading (an h2 that labels the section) keeps the pattern to one block inside the group.
 * "popular" is what every visitor sees first, and all a visitor without consent ever sees.
 */
$switchboard_theme_feed = array(
	'heading'     => __( 'Picked for you', 'switchboard-theme' ),
	'count'       => 6,
	'layout'      => 'grid',
	'showImage'   => true,
	'showExcerpt' => false,
	'showDate'    => true,
	'showReason'  => true,
	'fallback'    => 'popular',
	'personalize' => true,
);
?>
<!-- wp:group {"align":"wide","style":{"spacing":{"margin":{"top":"var:preset|spacing|60"}}},"layout":{"type":"default"}} -->
<div class="wp-block-group alignwide" style="margin-top:var(--wp--preset--spacing--60)"><!-- wp:switchboard/feed <?php echo serialize_block_attributes( $switchboard_theme_feed ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core's block comment serializer escapes every character that could end the comment or start markup. ?> /--></div>
<!-- /wp:group -->
