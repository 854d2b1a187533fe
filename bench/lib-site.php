<?php
/**
 * What the bench site scripts (bench/search-browser-site.php, bench/feed-site.php) share: failing loudly,
 * the pages they compare, and filling a service with every published post the way the plugin describes it.
 * One copy, so the search and feed benches measure services filled by the same path.
 *
 * Loaded with require_once by those scripts, which `bin/wp-server php` runs inside WordPress.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Identity\ServiceIdentity;

/**
 * Stops the script with a message on standard error and exit status 1.
 *
 * @param string $message Why.
 */
function switchboard_bench_fail( string $message ): never {
	// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a CLI script's standard error.
	fwrite( STDERR, 'bench: ' . $message . "\n" );
	exit( 1 );
}

/**
 * Publishes a page (or, with $reuse, keeps the one a previous run made) and returns its URL.
 *
 * @param string $slug    Page slug.
 * @param string $title   Page title.
 * @param string $content Block markup.
 * @param bool   $reuse   Whether an existing page of that slug is kept as it is.
 * @return string
 */
function switchboard_bench_page( string $slug, string $title, string $content, bool $reuse = false ): string {
	$existing = $reuse ? get_page_by_path( $slug ) : null;
	if ( $existing instanceof WP_Post ) {
		return (string) get_permalink( $existing );
	}
	$id = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => $title,
			'post_name'    => $slug,
			'post_content' => $content,
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		switchboard_bench_fail( 'cannot create the page ' . $slug . ': ' . $id->get_error_message() );
	}

	return (string) get_permalink( $id );
}

/**
 * A configured service and the gateway's own client for it (its JWT identity and circuit breaker).
 *
 * @param string $name Service id (`search`, `feed`).
 * @param string $env  The constant or variable that configures its URL, for the error.
 * @return array{0: Service, 1: ServiceClient}
 */
function switchboard_bench_service( string $name, string $env ): array {
	$registry = new ServiceRegistry();
	$service  = $registry->get( $name );
	if ( null === $service || ! $service->is_configured() ) {
		switchboard_bench_fail( 'the ' . $name . ' service is not configured (' . $env . ')' );
	}
	$file = WP_PLUGIN_DIR . '/switchboard/switchboard.php';

	return array( $service, new ServiceClient( CircuitBreaker::configured(), $registry, ( new ServiceIdentity( $file ) )->request_signer() ) );
}

/**
 * Sends a service every given post as ContentEvents::payload() describes it: POST /v1/index/documents in
 * batches of 100 (the sync contract), or, on a service without that route, one signed `post.published`
 * event per post (POST /events, what the outbox dispatcher sends).
 *
 * @param Service       $service Service.
 * @param ServiceClient $client  Client.
 * @param list<int>     $ids     Post ids.
 * @return array{indexed: int, via: string}
 */
function switchboard_bench_fill( Service $service, ServiceClient $client, array $ids ): array {
	$signature = new Signature();
	$via       = 'index';
	$indexed   = 0;
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
			$error  = is_wp_error( $result ) ? $result->get_error_data() : null;
			if ( is_array( $error ) && 404 === ( $error['status'] ?? null ) ) {
				$via = 'events';
			} elseif ( is_wp_error( $result ) ) {
				switchboard_bench_fail( 'POST /v1/index/documents: ' . $result->get_error_message() );
			} else {
				$indexed += is_int( $result['indexed'] ?? null ) ? $result['indexed'] : count( $documents );
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
			$result   = $client->request( $service, 'POST', '/events', array(), $envelope, $signature->headers( $service->id, $envelope['id'], $body ) );
			if ( is_wp_error( $result ) ) {
				switchboard_bench_fail( 'POST /events: ' . $result->get_error_message() );
			}
			++$indexed;
		}
	}

	return array(
		'indexed' => $indexed,
		'via'     => $via,
	);
}

/**
 * Every published post's id, oldest first.
 *
 * @return list<int>
 */
function switchboard_bench_post_ids(): array {
	return array_values(
		array_map(
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
		)
	);
}
