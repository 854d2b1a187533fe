<?php
/**
 * Prepares the bench site for the browser measurements, after bench/search-native-load.php loaded a few hundred
 * generated posts:
 *
 * - three pages that differ only in their search block: switchboard/search in instant mode, core/search, none;
 * - the search service gets every published post, as the plugin describes it (ContentEvents::payload()),
 *   through the gateway's own ServiceClient and JWT identity: POST /v1/index/documents in batches of 100
 *   (contract C2), or, on a service without that route yet, one signed `post.published` event per post
 *   (POST /events, what the outbox dispatcher sends).
 *
 * Run through `bin/wp-server php --name NAME bench/search-browser-site.php`. Prints one JSON line:
 * {"pages":{"switchboard":URL,"core":URL,"none":URL},"indexed":N,"via":"index"|"events"}.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require_once __DIR__ . '/lib-site.php';

( static function (): void {
	$admin = get_user_by( 'login', 'admin' );
	wp_set_current_user( $admin ? $admin->ID : 1 );

	// The same words around each block, so the pages differ only by the block and what it loads.
	$intro = "<!-- wp:paragraph -->\n<p>Find articles, notes and announcements from the archive.</p>\n<!-- /wp:paragraph -->\n\n";
	$pages = array(
		'switchboard' => '<!-- wp:switchboard/search {"instant":true} /-->',
		'core'        => '<!-- wp:search {"label":"Search","buttonText":"Search"} /-->',
		'none'        => '',
	);
	$urls  = array();
	foreach ( $pages as $name => $block ) {
		$urls[ $name ] = switchboard_bench_page( 'bench-search-' . $name, 'Bench search ' . $name, $intro . $block );
	}

	list( $service, $client ) = switchboard_bench_service( 'search', 'SWITCHBOARD_SEARCH_URL' );
	$filled                   = switchboard_bench_fill( $service, $client, switchboard_bench_post_ids() );

	echo wp_json_encode( array( 'pages' => $urls ) + $filled ) . "\n";
} )();
