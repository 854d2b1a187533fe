<?php
/**
 * Prepares the payment bench's site: two pages with the same payment block, one with the block at the top
 * (the timing runs), one with it far below the fold (JavaScript before and after intent).
 *
 * Run through `bin/wp-server php --name NAME bench/payment-site.php`. Prints one JSON line:
 * {"pages":{"top":URL,"below":URL}}.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

( static function (): void {
	$block  = static fn( string $id ): string => '<!-- wp:switchboard/payment ' . wp_json_encode(
		array(
			'blockId'           => $id,
			'title'             => 'Support the newsroom',
			'currency'          => 'usd',
			'amounts'           => array( 500, 1500 ),
			'allowCustomAmount' => true,
			'minAmount'         => 300,
			'maxAmount'         => 100000,
		)
	) . ' /-->';
	$spacer = '<!-- wp:spacer {"height":"4000px"} --><div style="height:4000px" aria-hidden="true" class="wp-block-spacer"></div><!-- /wp:spacer -->';
	$pages  = array(
		'top'   => $block( 'bench-top' ),
		'below' => $spacer . $block( 'bench-below' ),
	);
	$urls   = array();
	foreach ( $pages as $name => $content ) {
		$id = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Bench payment ' . $name,
				'post_name'    => 'bench-payment-' . $name,
				'post_content' => $content,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, 'bench: cannot create the ' . $name . ' page: ' . $id->get_error_message() . "\n" );
			exit( 1 );
		}
		$urls[ $name ] = (string) get_permalink( $id );
	}
	echo wp_json_encode( array( 'pages' => $urls ) ), "\n";
} )();
