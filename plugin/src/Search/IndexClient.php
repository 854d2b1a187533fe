<?php
/**
 * A service's sync endpoints, as the re-index and reconciliation job sees them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use WP_Error;

/**
 * Calls `POST /v1/index/documents`, `POST /v1/index/remove` and `GET /v1/index/manifest` on the target's
 * service (`search`, or `feed`, which implements the same sync contract) through the gateway's ServiceClient (so with its JWT, timeouts and circuit breaker) and checks
 * each answer's shape: anything unexpected becomes a WP_Error with a stable code, never a partial result.
 */
final class IndexClient {

	/**
	 * The search service's id (the default target).
	 */
	public const SERVICE = SyncTarget::SEARCH;

	/**
	 * Most documents one upsert may carry (the service's limit).
	 */
	public const MAX_DOCUMENTS = 500;

	/**
	 * Most ids one removal may carry (the service's limit).
	 */
	public const MAX_REMOVE = 1000;

	/**
	 * Most manifest entries one page may hold (the service's limit).
	 */
	public const MAX_MANIFEST = 5000;

	/**
	 * Which service this client syncs.
	 *
	 * @var SyncTarget
	 */
	private SyncTarget $target;

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceClient   $client   The gateway's client.
	 * @param ServiceRegistry $registry Where the service lives.
	 * @param SyncTarget|null $target   Which service; the search service when null.
	 */
	public function __construct(
		private readonly ServiceClient $client,
		private readonly ServiceRegistry $registry,
		?SyncTarget $target = null
	) {
		$this->target = $target ?? SyncTarget::search();
	}

	/**
	 * Which service this client syncs.
	 *
	 * @return SyncTarget
	 */
	public function target(): SyncTarget {
		return $this->target;
	}

	/**
	 * Upserts documents.
	 *
	 * @param list<array<string, mixed>> $documents C1 payloads (1 to MAX_DOCUMENTS).
	 * @return array{indexed: int, skipped: int, rejected: list<array{id: int, code: string, message: string}>}|WP_Error
	 */
	public function index( array $documents ): array|WP_Error {
		$answer = $this->call( 'POST', '/v1/index/documents', array(), array( 'documents' => $documents ) );
		if ( $answer instanceof WP_Error ) {
			return $answer;
		}
		if ( ! is_int( $answer['indexed'] ?? null ) || ! is_int( $answer['skipped'] ?? null ) || ! is_array( $answer['rejected'] ?? null ) ) {
			return $this->bad_answer();
		}
		$rejected = array();
		foreach ( $answer['rejected'] as $item ) {
			if ( is_array( $item ) && is_int( $item['id'] ?? null ) ) {
				$rejected[] = array(
					'id'      => $item['id'],
					'code'    => is_string( $item['code'] ?? null ) ? sanitize_key( $item['code'] ) : '',
					'message' => is_string( $item['message'] ?? null ) ? sanitize_text_field( $item['message'] ) : '',
				);
			}
		}

		return array(
			'indexed'  => $answer['indexed'],
			'skipped'  => $answer['skipped'],
			'rejected' => $rejected,
		);
	}

	/**
	 * Removes documents by id (ids the index lacks are fine).
	 *
	 * @param list<int> $ids Post ids (1 to MAX_REMOVE).
	 * @return int|WP_Error Documents removed.
	 */
	public function remove( array $ids ): int|WP_Error {
		$answer = $this->call( 'POST', '/v1/index/remove', array(), array( 'ids' => $ids ) );
		if ( $answer instanceof WP_Error ) {
			return $answer;
		}

		return is_int( $answer['removed'] ?? null ) ? $answer['removed'] : $this->bad_answer();
	}

	/**
	 * A page of the index's manifest: the documents with ids above `$after`, ascending.
	 *
	 * @param int $after Exclusive lower bound.
	 * @param int $limit Page size (1 to MAX_MANIFEST).
	 * @return array{documents: array<int, string>, next: int|null, total: int}|WP_Error Fingerprints keyed by id.
	 */
	public function manifest( int $after, int $limit ): array|WP_Error {
		$answer = $this->call(
			'GET',
			'/v1/index/manifest',
			array(
				'after' => max( 0, $after ),
				'limit' => max( 1, min( self::MAX_MANIFEST, $limit ) ),
			)
		);
		if ( $answer instanceof WP_Error ) {
			return $answer;
		}
		$next = array_key_exists( 'next', $answer ) ? $answer['next'] : false;
		if ( ! is_array( $answer['documents'] ?? null ) || ! is_int( $answer['total'] ?? null ) || ! ( null === $next || is_int( $next ) ) ) {
			return $this->bad_answer();
		}
		$documents = array();
		$previous  = $after;
		foreach ( $answer['documents'] as $document ) {
			$id = is_array( $document ) ? ( $document['id'] ?? null ) : null;
			// Out of order or out of range would make the side-by-side walk skip or repeat documents.
			if ( ! is_int( $id ) || $id <= $previous ) {
				return $this->bad_answer();
			}
			$fingerprint      = $document['fingerprint'] ?? '';
			$documents[ $id ] = is_string( $fingerprint ) ? strtolower( $fingerprint ) : '';
			$previous         = $id;
		}
		if ( null !== $next && ( array() === $documents || $next < $previous ) ) {
			return $this->bad_answer();
		}

		return array(
			'documents' => $documents,
			'next'      => $next,
			'total'     => $answer['total'],
		);
	}

	/**
	 * Whether the target's service has a URL.
	 *
	 * @return bool
	 */
	public function is_configured(): bool {
		$service = $this->registry->get( $this->target->service );

		return null !== $service && $service->is_configured();
	}

	/**
	 * Calls the service.
	 *
	 * @param string                    $method Method.
	 * @param string                    $path   Path.
	 * @param array<string, int>        $query  Query.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return array<mixed>|WP_Error
	 */
	private function call( string $method, string $path, array $query, ?array $body = null ): array|WP_Error {
		$service = $this->registry->get( $this->target->service );
		if ( null === $service || ! $service->is_configured() ) {
			return $this->not_configured();
		}
		// A batch of documents is a bigger request than a visitor's query: give it the longest budget the
		// gateway allows, and room for a full manifest page.
		$sync = new Service( $service->id, $service->label, $service->base_url, $service->url_source, $service->connect_timeout, Service::MAX_TIMEOUT, Service::MAX_RESPONSE_BYTES, $service->subscribes_to_events );

		return $this->client->request( $sync, $method, $path, $query, $body );
	}

	/**
	 * The error for a service without a URL.
	 *
	 * @return WP_Error
	 */
	public function not_configured(): WP_Error {
		return new WP_Error(
			$this->target->code( 'not_configured' ),
			/* translators: 1: service name, e.g. "search", 2: constant name, e.g. SWITCHBOARD_SEARCH_URL. */
			sprintf( __( 'The %1$s service has no URL: set %2$s or its URL in Settings → Switchboard.', 'switchboard' ), $this->target->service_name(), $this->target->url_variable() ),
			array( 'status' => 503 )
		);
	}

	/**
	 * The error for an answer of the wrong shape.
	 *
	 * @return WP_Error
	 */
	private function bad_answer(): WP_Error {
		return new WP_Error(
			$this->target->code( 'bad_answer' ),
			/* translators: %s: service name, e.g. "search". */
			sprintf( __( 'The %s service answered in an unexpected shape.', 'switchboard' ), $this->target->service_name() ),
			array( 'status' => 502 )
		);
	}
}
