<?php
/**
 * Title: Search page
 * Slug: switchboard-theme/hidden-search-form
 * Inserter: no
 * Description: The search template's heading and Switchboard Search block: instant results with filters for the query in the URL.
 *
 * @package switchboard-theme
 */

$switchboard_theme_search = array(
	'label'       => _x( 'Search', 'Search form label.', 'switchboard-theme' ),
	'showLabel'   => false,
	'placeholder' => _x( 'Search stories…', 'Search input placeholder.', 'switchboard-theme' ),
	'buttonText'  => _x( 'Search', 'Search button text.', 'switchboard-theme' ),
	'instant'     => true,
	'style'       => array(
		'spacing' => array(
			'margin' => array(
				'top'    => 'var:preset|spacing|40',
				'bottom' => 'var:preset|spacing|50',
			),
		),
	),
);
?>
<!-- wp:heading {"level":1,"fontSize":"xx-large"} -->
<h1 class="wp-block-heading has-xx-large-font-size"><?php echo esc_html_x( 'Search', 'Search page heading.', 'switchboard-theme' ); ?></h1>
<!-- /wp:heading -->

<!-- wp:switchboard/search <?php echo serialize_block_attributes( $switchboard_theme_search ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core's block comment serializer escapes every character that could end the comment or start markup. ?> /-->
