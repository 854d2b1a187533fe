<?php
/**
 * What SearchSyncHttpTest does inside its served site, in a separate PHP process with WordPress loaded.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Search;

use RuntimeException;
use Switchboard\Events\ContentEvents;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Identity\ServiceIdentity;
use Switchboard\Plugin;
use Switchboard\Search\IndexClient;
use Switchboard\Search\PublishedPosts;
use WP_Post;

/**
 * Commands (run through `bin/wp-server php sync-site-tool.php COMMAND ARGS`), each printing one JSON line:
 * - `seed <count>`: inserts published posts (with categories and tags), plus drafts and private posts.
 * - `published`: the ids WordPress publishes for the index, with each one's payload fingerprint.
 * - `manifest`: the index's manifest, walked to the end, as id => fingerprint (through the real service,
 *   with the gateway's JWT).
 * - `remove <id,...>`, `index-unpublished <id>`, `index-fake <id>`: drift in the index.
 * - `edit-silently <id,...>`: changes posts' titles in the database, without hooks or events.
 */
final class SyncSiteTool {

	/**
	 * Runs a command.
	 *
	 * @param list<string> $args Command and arguments.
	 * @return array<mixed>
	 * @throws RuntimeException On a bad command or a service error.
	 */
	public static function run( array $args ): array {
		$command = $args[0] ?? '';
		$value   = $args[1] ?? '';
		switch ( $command ) {
			case 'seed':
				return self::seed( (int) $value );
			case 'published':
				$posts = new PublishedPosts();
				$ids   = $posts->ids_after( 0, null, 100000 );
				$out   = array();
				foreach ( array_chunk( $ids, 200 ) as $chunk ) {
					foreach ( $posts->payloads( $chunk ) as $id => $payload ) {
						$out[ $id ] = $payload['fingerprint'];
					}
				}
				return $out;
			case 'manifest':
				$documents = array();
				$after     = 0;
				do {
					$page       = self::unwrap( self::index()->manifest( $after, 1000 ) );
					$documents += $page['documents'];
					$after      = (int) $page['next'];
				} while ( null !== $page['next'] );
				return $documents;
			case 'remove':
				return array( 'removed' => self::unwrap( self::index()->remove( array_values( wp_parse_id_list( $value ) ) ) ) );
			case 'index-unpublished':
				$post = get_post( (int) $value );
				if ( ! $post instanceof WP_Post ) {
					throw new RuntimeException( 'No post ' . $value );
				}
				$payload                = ContentEvents::payload( $post );
				$payload['status']      = 'publish';
				$payload['fingerprint'] = ContentEvents::fingerprint( $payload );
				return self::indexed( self::unwrap( self::index()->index( array( $payload ) ) ) );
			case 'index-fake':
				$payload                = array(
					'id'        => (int) $value,
					'type'      => 'post',
					'status'    => 'publish',
					'title'     => 'A document WordPress never had',
					'excerpt'   => 'Left over from another site.',
					'permalink' => home_url( '/?p=' . (int) $value ),
					'author'    => array(
						'id'   => 1,
						'name' => 'admin',
					),
					'terms'     => array( 'category' => array() ),
					'date'      => '2020-01-01T00:00:00+00:00',
					'modified'  => '2020-01-01T00:00:00+00:00',
					'content'   => 'Orphan.',
				);
				$payload['fingerprint'] = ContentEvents::fingerprint( $payload );
				return self::indexed( self::unwrap( self::index()->index( array( $payload ) ) ) );
			case 'edit-silently':
				$wpdb = $GLOBALS['wpdb'] ?? null;
				if ( ! $wpdb instanceof \wpdb ) {
					throw new RuntimeException( 'No database.' );
				}
				foreach ( wp_parse_id_list( $value ) as $id ) {
					$wpdb->update( $wpdb->posts, array( 'post_title' => 'Silently edited ' . $id ), array( 'ID' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no hooks on purpose: drift.
					clean_post_cache( $id );
				}
				return array( 'edited' => wp_parse_id_list( $value ) );
		}
		throw new RuntimeException( 'Unknown command ' . $command );
	}

	/**
	 * Inserts posts.
	 *
	 * @param int $count Published posts.
	 * @return array{published: int, hidden: list<int>}
	 */
	private static function seed( int $count ): array {
		wp_set_current_user( 1 );
		wp_defer_term_counting( true );
		$categories = array();
		foreach ( array( 'Sync Alpha', 'Sync Beta', 'Sync Gamma' ) as $name ) {
			$term         = wp_insert_term( $name, 'category' );
			$categories[] = is_array( $term ) ? (int) $term['term_id'] : 1;
		}
		$hidden = array();
		for ( $i = 1; $i <= $count; $i++ ) {
			wp_insert_post(
				array(
					'post_title'    => 'Synced post ' . $i,
					'post_content'  => '<!-- wp:paragraph --><p>Body of synced post ' . $i . ' about ' . ( 0 === $i % 2 ? 'gardens' : 'rivers' ) . '.</p><!-- /wp:paragraph -->',
					'post_status'   => 'publish',
					'post_category' => array( $categories[ $i % 3 ] ),
					'tags_input'    => array( 'tag-' . ( $i % 5 ) ),
				)
			);
			if ( 0 === $i % 50 ) {
				foreach ( array( 'draft', 'private' ) as $status ) {
					$hidden[] = (int) wp_insert_post(
						array(
							'post_title'  => 'Hidden ' . $status . ' ' . $i,
							'post_status' => $status,
						)
					);
				}
			}
		}
		wp_defer_term_counting( false );

		return array(
			'published' => $count,
			'hidden'    => $hidden,
		);
	}

	/**
	 * The search service's sync endpoints with the gateway's identity.
	 *
	 * @return IndexClient
	 * @throws RuntimeException When the plugin is not booted.
	 */
	private static function index(): IndexClient {
		$plugin = Plugin::instance();
		if ( null === $plugin ) {
			throw new RuntimeException( 'The plugin is not active.' );
		}
		$registry = new ServiceRegistry();

		return new IndexClient( new ServiceClient( new CircuitBreaker(), $registry, ( new ServiceIdentity( $plugin->file() ) )->request_signer() ), $registry );
	}

	/**
	 * An upsert's result, when the service took the document.
	 *
	 * @param array{indexed: int, skipped: int, rejected: list<array{id: int, code: string, message: string}>} $result Result.
	 * @return array<mixed>
	 * @throws RuntimeException When it was not indexed.
	 */
	private static function indexed( array $result ): array {
		if ( 1 !== $result['indexed'] ) {
			throw new RuntimeException( 'Not indexed: ' . wp_json_encode( $result ) );
		}

		return $result;
	}

	/**
	 * A result, or an exception for an error.
	 *
	 * @template T
	 * @param T|\WP_Error $result Result.
	 * @return T
	 * @throws RuntimeException For an error.
	 */
	private static function unwrap( mixed $result ): mixed {
		if ( $result instanceof \WP_Error ) {
			throw new RuntimeException( $result->get_error_code() . ': ' . $result->get_error_message() );
		}

		return $result;
	}
}
