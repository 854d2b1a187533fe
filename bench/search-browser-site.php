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

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Identity\ServiceIdentity;

( static function (): void {
	$fail = static function ( string $message ): void {
		fwrite( STDERR, 'bench: ' . $message . "\n" );
		exit( 1 );
	};

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
		$id = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Bench search ' . $name,
				'post_name'    => 'bench-search-' . $name,
				'post_content' => $intro . $block,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			$fail( 'cannot create the ' . $name . ' page: ' . $id->get_error_message() );
		}
		$urls[ $name ] = (string) get_permalink( $id );
	}

	$registry = new ServiceRegistry();
	$service  = $registry->get( 'search' );
	if ( null === $service || ! $service->is_configured() ) {
		$fail( 'the search service is not configured (SWITCHBOARD_SEARCH_URL)' );
	}
	$file      = WP_PLUGIN_DIR . '/switchboard/switchboard.php';
	$client    = new ServiceClient( CircuitBreaker::configured(), $registry, ( new ServiceIdentity( $file ) )->request_signer() );
	$signature = new Signature();

	$ids     = get_posts(
		array(
			'post_type'      => 'post',
			'post_status'    => 'publish',
			'posts_per_page' => -1,
			'orderby'        => 'ID',
			'order'          => 'ASC',
			'fields'         => 'ids',
		)
	);
	$via     = 'index';
	$indexed = 0;
	foreach ( array_chunk( $ids, 100 ) as $chunk ) {
		$documents = array();
		foreach ( $chunk as $id ) {
			$post = get_post( (int) $id );
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
				$indexed += (int) ( $result['indexed'] ?? 0 );
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
			$result   = $client->request( $service, 'POST', '/events', array(), $envelope, $signature->headers( 'search', $envelope['id'], $body ) );
			if ( is_wp_error( $result ) ) {
				$fail( 'POST /events: ' . $result->get_error_message() );
			}
			++$indexed;
		}
	}

	echo wp_json_encode(
		array(
			'pages'   => $urls,
			'indexed' => $indexed,
			'via'     => $via,
		)
	) . "\n";
} )();
