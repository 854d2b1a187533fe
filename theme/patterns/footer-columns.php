<?php
/**
 * Title: Footer with sections
 * Slug: switchboard-theme/footer-columns
 * Categories: footer, switchboard-theme
 * Block Types: core/template-part/footer
 * Description: Site title and tagline, the list of categories, and a copyright line.
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

?>
<!-- wp:group {"align":"full","className":"switchboard-footer","backgroundColor":"surface","style":{"spacing":{"padding":{"top":"var:preset|spacing|60","bottom":"var:preset|spacing|40"},"margin":{"top":"var:preset|spacing|70"}}},"layout":{"type":"constrained"}} -->
<div class="wp-block-group alignfull switchboard-footer has-surface-background-color has-background" style="margin-top:var(--wp--preset--spacing--70);padding-top:var(--wp--preset--spacing--60);padding-bottom:var(--wp--preset--spacing--40)"><!-- wp:columns {"align":"wide","style":{"spacing":{"blockGap":{"top":"var:preset|spacing|50","left":"var:preset|spacing|60"}}}} -->
<div class="wp-block-columns alignwide"><!-- wp:column {"width":"45%"} -->
<div class="wp-block-column" style="flex-basis:45%"><!-- wp:site-title {"level":0,"fontSize":"x-large"} /-->

<!-- wp:site-tagline {"fontSize":"medium"} /--></div>
<!-- /wp:column -->

<!-- wp:column {"width":"55%"} -->
<div class="wp-block-column" style="flex-basis:55%"><!-- wp:heading {"className":"is-style-section"} -->
<h2 class="wp-block-heading is-style-section"><?php esc_html_e( 'Sections', 'switchboard-theme' ); ?></h2>
<!-- /wp:heading -->

<!-- wp:categories {"fontSize":"medium"} /--></div>
<!-- /wp:column --></div>
<!-- /wp:columns -->

<!-- wp:separator {"align":"wide","style":{"spacing":{"margin":{"top":"var:preset|spacing|50","bottom":"var:preset|spacing|30"}}}} -->
<hr class="wp-block-separator alignwide has-alpha-channel-opacity" style="margin-top:var(--wp--preset--spacing--50);margin-bottom:var(--wp--preset--spacing--30)"/>
<!-- /wp:separator -->

<!-- wp:group {"align":"wide","style":{"spacing":{"blockGap":"var:preset|spacing|20"}},"textColor":"muted","fontSize":"small","layout":{"type":"flex","flexWrap":"wrap","justifyContent":"space-between"}} -->
<div class="wp-block-group alignwide has-muted-color has-text-color has-small-font-size"><!-- wp:paragraph -->
<p>
<?php
/* translators: 1: the current year, 2: the site title. */
printf( esc_html__( '© %1$s %2$s', 'switchboard-theme' ), esc_html( gmdate( 'Y' ) ), esc_html( get_bloginfo( 'name' ) ) );
?>
</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>
<?php
printf(
	/* translators: %s: a link to WordPress.org. */
	esc_html__( 'Published with %s', 'switchboard-theme' ),
	'<a href="' . esc_url( __( 'https://wordpress.org', 'switchboard-theme' ) ) . '" rel="nofollow">WordPress</a>'
);
?>
</p>
<!-- /wp:paragraph --></div>
<!-- /wp:group --></div>
<!-- /wp:group -->
