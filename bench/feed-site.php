<?php
/**
 * Prepares the feed bench site, after bench/search-native-load.php loaded a few hundred generated posts in
 * several categories:
 *
 * - two pages that differ only by one switchboard/feed block (the theme pattern's attributes), for the weight;
 * - the feed service's catalogue gets every published post as the plugin describes it
 *   (ContentEvents::payload()), through the gateway's own ServiceClient and JWT identity: POST
 *   /v1/index/documents in batches of 100 (the sync contract, shared with search), or, on a service without
 *   that route, one signed `post.published` event per post (POST /events, what the outbox dispatcher sends);
 * - VISITORS anonymous visitors (`benchvisitor` + 10 digits: the id pattern, and bench/feed-personal.lua
 *   builds the same ids) read 12 posts each, mostly from one category, through POST /v1/signals, so the
 *   personal feed the bench asks for ranks a real profile instead of answering `cold` for everyone.
 *
 * The calls go out as no user (the token then has no `sub`): the profiles are keyed by visitor, as a
 * consenting anonymous reader's are.
 *
 * Run through `bin/wp-server php --name NAME bench/feed-site.php [VISITORS] [pages-only]`; `pages-only` makes
 * the pages and nothing else (no feed service to fill: the weight needs none). Prints one JSON line:
 * {"pages":{"feed":URL,"none":URL},"indexed":N,"via":"index"|"events","catalogue":N|null,
 *  "visitors":N,"signals":N,"error":null|"why the histories stopped","probe":{"mode":...,"items":N}|null}
 * (only "pages" with pages-only).
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require_once __DIR__ . '/lib-site.php';

( static function ( array $argv ): void {
	$visitors   = isset( $argv[1] ) ? (int) $argv[1] : 200;
	$pages_only = 'pages-only' === ( $argv[2] ?? '' );
	if ( $visitors < 0 || $visitors > 100000 ) {
		switchboard_bench_fail( 'VISITORS is a count from 0 to 100000' );
	}

	$admin = get_user_by( 'login', 'admin' );
	wp_set_current_user( $admin ? $admin->ID : 1 );

	// The same words around the block, so the pages differ only by the block and what it loads.
	$intro = "<!-- wp:paragraph -->\n<p>Stories from the archive, picked for you.</p>\n<!-- /wp:paragraph -->\n\n";
	$block = '<!-- wp:switchboard/feed ' . serialize_block_attributes(
		array(
			'heading'     => 'Picked for you',
			'count'       => 6,
			'layout'      => 'grid',
			'showReason'  => true,
			'fallback'    => 'popular',
			'personalize' => true,
		)
	) . ' /-->';
	$urls  = array();
	foreach ( array(
		'feed' => $block,
		'none' => '',
	) as $name => $content ) {
		// A second call (pages-only, after a failed fill) keeps the pages the first one made.
		$urls[ $name ] = switchboard_bench_page( 'bench-feed-' . $name, 'Bench feed ' . $name, $intro . $content, true );
	}
	if ( $pages_only ) {
		echo wp_json_encode( array( 'pages' => $urls ) ) . "\n";
		return;
	}

	// No user from here on: the service's profile key is then the visitor id, never `u:<admin>`.
	wp_set_current_user( 0 );
	list( $service, $client ) = switchboard_bench_service( 'feed', 'SWITCHBOARD_FEED_URL' );
	$ids                      = switchboard_bench_post_ids();
	$filled                   = switchboard_bench_fill( $service, $client, $ids );
	$manifest                 = $client->request( $service, 'GET', '/v1/index/manifest' );
	$catalogue                = is_wp_error( $manifest ) || ! is_numeric( $manifest['total'] ?? null ) ? null : (int) $manifest['total'];

	/*
	 * Readers with a favourite category: visitor i reads 9 posts of category i mod C and 3 others, so each
	 * profile has a clear affinity (and enough history not to count as cold).
	 */
	$by_category = array();
	foreach ( $ids as $id ) {
		$terms                   = get_the_terms( $id, 'category' );
		$first                   = is_array( $terms ) && isset( $terms[0] ) ? $terms[0]->term_id : 0;
		$by_category[ $first ][] = $id;
	}
	$by_category   = array_values( $by_category );
	$signals       = 0;
	$signals_error = null;
	$probe         = null;
	for ( $i = 0; $i < $visitors && array() !== $ids; $i++ ) {
		$visitor   = sprintf( 'benchvisitor%010d', $i );
		$favourite = $by_category[ $i % count( $by_category ) ];
		$reads     = array();
		for ( $n = 0; $n < 12; $n++ ) {
			$pool    = $n < 9 ? $favourite : $ids;
			$reads[] = $pool[ ( $i * 7 + $n * 13 ) % count( $pool ) ];
		}
		$events = array();
		foreach ( array_values( array_unique( $reads ) ) as $position => $post ) {
			$events[] = array(
				'type'     => 'view',
				'post'     => $post,
				'position' => $position,
			);
		}
		$result = $client->request(
			$service,
			'POST',
			'/v1/signals',
			array(),
			array(
				'visitor' => $visitor,
				'events'  => $events,
			)
		);
		if ( is_wp_error( $result ) ) {
			// The catalogue is filled: the bench can still measure, on profiles it could not give history to (the
			// probe and the personal runs' mode counts show it); the error goes into the answer.
			$signals_error = 'POST /v1/signals: ' . $result->get_error_message();
			break;
		}
		$signals += (int) ( $result['accepted'] ?? 0 );
	}
	if ( $visitors > 0 ) {
		// What the first visitor's feed looks like straight from the service: the bench says which mode it measures.
		$result = $client->request(
			$service,
			'POST',
			'/v1/feed/personal',
			array(),
			array(
				'visitor' => 'benchvisitor0000000000',
				'slots'   => array( array( 'count' => 6 ) ),
			)
		);
		$probe  = is_wp_error( $result ) ? array( 'error' => $result->get_error_code() ) : array(
			'mode'  => $result['mode'] ?? null,
			'items' => is_array( $result['slots'][0]['items'] ?? null ) ? count( $result['slots'][0]['items'] ) : null,
		);
	}

	echo wp_json_encode(
		array(
			'pages'     => $urls,
			'indexed'   => $filled['indexed'],
			'via'       => $filled['via'],
			'catalogue' => $catalogue,
			'visitors'  => $visitors,
			'signals'   => $signals,
			'error'     => $signals_error,
			'probe'     => $probe,
		)
	) . "\n";
} )( $argv );
