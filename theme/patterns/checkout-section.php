<?php
/**
 * Title: Checkout section
 * Slug: switchboard-theme/checkout-section
 * Categories: call-to-action, featured, switchboard-theme
 * Keywords: payment, donate, support, checkout, stripe
 * Description: An invitation to support the publication beside the Switchboard Payment block: preset amounts, an amount of the reader's choosing and a receipt by email. Insert it into a page or post (each inserted block gets its own payment id in the editor).
 * Viewport Width: 1280
 *
 * @package switchboard-theme
 */

/*
 * No blockId here on purpose: the editor gives each inserted payment block its own, which is how the
 * server finds the saved block to price a payment. Amounts are in minor units (cents).
 */
$switchboard_theme_payment = array(
	'title'             => __( 'Choose an amount', 'switchboard-theme' ),
	'currency'          => 'usd',
	'amounts'           => array( 500, 1500, 5000 ),
	'allowCustomAmount' => true,
	'minAmount'         => 300,
	'maxAmount'         => 100000,
	'collectEmail'      => true,
	'buttonText'        => __( 'Continue to payment', 'switchboard-theme' ),
	'successMessage'    => __( 'Thank you for supporting independent reporting. Your receipt is on its way.', 'switchboard-theme' ),
	'backgroundColor'   => 'surface',
	'textColor'         => 'contrast',
	'style'             => array(
		'spacing' => array(
			'padding' => array(
				'top'    => 'var:preset|spacing|50',
				'bottom' => 'var:preset|spacing|50',
				'left'   => 'var:preset|spacing|50',
				'right'  => 'var:preset|spacing|50',
			),
		),
	),
);
?>
<!-- wp:group {"align":"full","backgroundColor":"soft","style":{"spacing":{"padding":{"top":"var:preset|spacing|70","bottom":"var:preset|spacing|70"}}},"layout":{"type":"constrained"}} -->
<div class="wp-block-group alignfull has-soft-background-color has-background" style="padding-top:var(--wp--preset--spacing--70);padding-bottom:var(--wp--preset--spacing--70)"><!-- wp:columns {"align":"wide","style":{"spacing":{"blockGap":{"top":"var:preset|spacing|50","left":"var:preset|spacing|60"}}}} -->
<div class="wp-block-columns alignwide"><!-- wp:column {"width":"48%"} -->
<div class="wp-block-column" style="flex-basis:48%"><!-- wp:paragraph {"className":"is-style-section","textColor":"accent"} -->
<p class="is-style-section has-accent-color has-text-color"><?php esc_html_e( 'Support us', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:heading {"fontSize":"xx-large"} -->
<h2 class="wp-block-heading has-xx-large-font-size"><?php esc_html_e( 'Keep this reporting free for everyone.', 'switchboard-theme' ); ?></h2>
<!-- /wp:heading -->

<!-- wp:paragraph {"textColor":"muted","fontSize":"large"} -->
<p class="has-muted-color has-text-color has-large-font-size"><?php esc_html_e( 'Readers fund our work. A one-time contribution of any size pays for research, editing and hosting, and keeps every article open to read.', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph -->

<!-- wp:paragraph {"textColor":"muted","fontSize":"small"} -->
<p class="has-muted-color has-text-color has-small-font-size"><?php esc_html_e( 'Card details go straight to Stripe, our payment processor; we never see or store them.', 'switchboard-theme' ); ?></p>
<!-- /wp:paragraph --></div>
<!-- /wp:column -->

<!-- wp:column {"width":"52%"} -->
<div class="wp-block-column" style="flex-basis:52%"><!-- wp:switchboard/payment <?php echo serialize_block_attributes( $switchboard_theme_payment ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core's block comment serializer escapes every character that could end the comment or start markup. ?> /--></div>
<!-- /wp:column --></div>
<!-- /wp:columns --></div>
<!-- /wp:group -->
