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

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Identity\ServiceIdentity;

( static function ( array $argv ): void {
	$fail       = static function ( string $message ): void {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a CLI script's standard error.
		fwrite( STDERR, 'bench: ' . $message . "\n" );
		exit( 1 );
	};
	$visitors   = isset( $argv[1] ) ? (int) $argv[1] : 200;
	$pages_only = 'pages-only' === ( $argv[2] ?? '' );
	if ( $visitors < 0 || $visitors > 100000 ) {
		$fail( 'VISITORS is a count from 0 to 100000' );
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
		$existing = get_page_by_path( 'bench-feed-' . $name );
		if ( $existing instanceof WP_Post ) {
			$urls[ $name ] = (string) get_permalink( $existing );
			continue;
		}
		$id = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Bench feed ' . $name,
				'post_name'    => 'bench-feed-' . $name,
				'post_content' => $intro . $content,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			$fail( 'cannot create the ' . $name . ' page: ' . $id->get_error_message() );
		}
		$urls[ $name ] = (string) get_permalink( $id );
	}
	if ( $pages_only ) {
		echo wp_json_encode( array( 'pages' => $urls ) ) . "\n";
		return;
	}

	// No user from here on: the service's profile key is then the visitor id, never `u:<admin>`.
	wp_set_current_user( 0 );
	$registry = new ServiceRegistry();
	$service  = $registry->get( 'feed' );
	if ( null === $service || ! $service->is_configured() ) {
		$fail( 'the feed service is not configured (SWITCHBOARD_FEED_URL)' );
	}
	$file      = WP_PLUGIN_DIR . '/switchboard/switchboard.php';
	$client    = new ServiceClient( CircuitBreaker::configured(), $registry, ( new ServiceIdentity( $file ) )->request_signer() );
	$signature = new Signature();

	$ids     = array_map(
		'intval',
		get_posts(
			array(
				'post_type'      => 'post',
				'post_status'    => 'publish',
				'posts_per_page' => -1,
				'orderby'        => 'ID',
				'order'          => 'ASC',
				'fields'         => 'ids',
			)
		)
	);
	$via     = 'index';
	$indexed = 0;
	foreach ( array_chunk( $ids, 100 ) as $chunk ) {
		$documents = array();
		foreach ( $chunk as $id ) {
			$post = get_post( $id );
			if ( $post instanceof WP_Post ) {
				$documents[] = ContentEvents::payload( $post );
			}
		}
		if ( 'index' === $via ) {
			$result = $client->request( $service, 'POST', '/v1/index/documents', array(), array( 'documents' => $documents ) );
			if ( is_wp_error( $result ) && 404 === (int) ( $result->get_error_data()['status'] ?? 0 ) ) {
				$via = 'events';
			} elseif ( is_wp_error( $result ) ) {
				$fail( 'POST /v1/index/documents: ' . $result->get_error_message() );
			} else {
				$indexed += (int) ( $result['indexed'] ?? count( $documents ) );
				continue;
			}
		}
		foreach ( $documents as $document ) {
			$envelope = array(
				'id'   => wp_generate_uuid4(),
				'type' => 'post.published',
				'data' => $document,
			);
			$body     = (string) wp_json_encode( $envelope );
			$result   = $client->request( $service, 'POST', '/events', array(), $envelope, $signature->headers( 'feed', $envelope['id'], $body ) );
			if ( is_wp_error( $result ) ) {
				$fail( 'POST /events: ' . $result->get_error_message() );
			}
			++$indexed;
		}
	}
	$manifest  = $client->request( $service, 'GET', '/v1/index/manifest' );
	$catalogue = is_wp_error( $manifest ) || ! is_numeric( $manifest['total'] ?? null ) ? null : (int) $manifest['total'];

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
			'indexed'   => $indexed,
			'via'       => $via,
			'catalogue' => $catalogue,
			'visitors'  => $visitors,
			'signals'   => $signals,
			'error'     => $signals_error,
			'probe'     => $probe,
		)
	) . "\n";
} )( $argv );
