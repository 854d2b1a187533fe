<?php
/**
 * What the feed's tests share.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use RuntimeException;
use Switchboard\Tests\Support\DispatchesRestRequests;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * A real local upstream standing in for the feed service, posts and terms, and requests through the REST
 * server.
 */
abstract class FeedTestCase extends TestCase {

	use DigsArrays;
	use DispatchesRestRequests;
	use UsesFaultServer;

	/**
	 * A valid anonymous visitor id.
	 */
	protected const VISITOR = 'AbCdEfGhIjKlMnOpQr_-12';

	/**
	 * Points the feed service at the upstream.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::point_services_at( self::upstream()->url(), array( 'feed' ) );
	}

	/**
	 * Makes the upstream answer with a JSON body.
	 *
	 * @param array<mixed> $body   Body.
	 * @param int          $status Status.
	 */
	protected static function answer( array $body, int $status = 200 ): void {
		self::upstream()->set(
			array(
				'status' => $status,
				'body'   => (string) wp_json_encode( $body ),
			)
		);
	}

	/**
	 * Makes the feed service fail every call (a 503), so the gateway's own fallback answers.
	 */
	protected static function service_fails(): void {
		self::upstream()->set( array( 'status' => 503 ) );
	}

	/**
	 * An item of a service answer: a post and why it was ranked (with the term or author the reason names).
	 *
	 * @param int      $id   Post id.
	 * @param string   $kind Reason kind.
	 * @param int|null $term Id the reason names, for `category`, `tag` and `author`.
	 * @return array{id: int, reason: array{kind: string, id?: int}}
	 */
	protected static function ranked( int $id, string $kind, ?int $term = null ): array {
		return array(
			'id'     => $id,
			'reason' => null === $term ? array( 'kind' => $kind ) : array(
				'kind' => $kind,
				'id'   => $term,
			),
		);
	}

	/**
	 * The decoded data of a response, as an array.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<mixed>
	 */
	protected static function data( WP_REST_Response $response ): array {
		$data = json_decode( (string) wp_json_encode( $response->get_data() ), true );
		self::assertIsArray( $data );

		return $data;
	}

	/**
	 * A response header.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param string           $name     Header name as the gateway sets it.
	 * @return string|null
	 */
	protected static function header( WP_REST_Response $response, string $name ): ?string {
		$value = $response->get_headers()[ $name ] ?? null;

		return is_scalar( $value ) ? (string) $value : null;
	}

	/**
	 * The ids of a list of items.
	 *
	 * @param mixed $items Items.
	 * @return list<int>
	 */
	protected static function ids( mixed $items ): array {
		self::assertIsArray( $items );

		return array_values( array_map( static fn( $item ): int => is_array( $item ) && is_int( $item['id'] ?? null ) ? $item['id'] : 0, $items ) );
	}

	/**
	 * The reasons of a list of items.
	 *
	 * @param mixed $items Items.
	 * @return list<string>
	 */
	protected static function reasons( mixed $items ): array {
		self::assertIsArray( $items );

		return array_values( array_map( static fn( $item ): string => is_array( $item ) && is_string( $item['reason'] ?? null ) ? $item['reason'] : '', $items ) );
	}

	/**
	 * Creates a post.
	 *
	 * @param string               $title Title.
	 * @param array<string, mixed> $extra More wp_insert_post() fields (status, categories, …).
	 * @phpstan-param array{post_status?: string, post_type?: string, post_date?: string, post_author?: int, post_password?: string, post_category?: list<int>, tags_input?: list<string>} $extra
	 * @return int
	 * @throws RuntimeException When WordPress refuses it.
	 */
	protected static function post( string $title, array $extra = array() ): int {
		$post_id = wp_insert_post(
			array_merge(
				array(
					'post_title'   => $title,
					'post_content' => 'The body of ' . $title . '.',
					'post_status'  => 'publish',
				),
				$extra
			),
			true
		);
		if ( is_wp_error( $post_id ) ) {
			throw new RuntimeException( $post_id->get_error_message() );
		}

		return $post_id;
	}

	/**
	 * Creates a term.
	 *
	 * @param string $name     Name.
	 * @param string $taxonomy Taxonomy.
	 * @return int
	 * @throws RuntimeException When WordPress refuses it.
	 */
	protected static function term( string $name, string $taxonomy = 'category' ): int {
		$term = wp_insert_term( $name, $taxonomy );
		if ( is_wp_error( $term ) ) {
			throw new RuntimeException( $term->get_error_message() );
		}

		return (int) $term['term_id'];
	}
}
