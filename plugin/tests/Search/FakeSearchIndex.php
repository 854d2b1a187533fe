<?php
/**
 * An in-memory index answering the C2 sync endpoints, for the job's unit tests (the search index, or the
 * feed catalogue, which implements the same contract, at another URL).
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Search;

use Switchboard\Tests\Support\HttpApiResponse;

/**
 * Answers `POST /v1/index/documents`, `POST /v1/index/remove` and `GET /v1/index/manifest` at its base URL
 * through `pre_http_request`, as the contract describes them (upserts skip a document whose stored
 * `modified` is newer, non-publishable items are rejected, the manifest is sorted by id with `next` and
 * `total`), and records every call. A failure can be planned for the next call to a path.
 */
final class FakeSearchIndex {

	/**
	 * Base URL it answers by default (the search service's in the tests).
	 */
	public const URL = 'http://search.test:4799';

	/**
	 * Base URL the feed service's fake answers.
	 */
	public const FEED_URL = 'http://feed.test:4798';

	/**
	 * Documents by id: `modified` and `fingerprint`.
	 *
	 * @var array<int, array{modified: string, fingerprint: string}>
	 */
	public array $documents = array();

	/**
	 * Calls received: method, path, query and decoded body.
	 *
	 * @var list<array{method: string, path: string, query: array<string, string>, body: mixed}>
	 */
	public array $calls = array();

	/**
	 * Planned failures: path => HTTP status of the next call to it.
	 *
	 * @var array<string, int>
	 */
	public array $fail_next = array();

	/**
	 * Documents whose ids `POST /v1/index/documents` answers as rejected.
	 *
	 * @var list<int>
	 */
	public array $reject_ids = array();

	/**
	 * Picks the base URL.
	 *
	 * @param string $url Base URL it answers.
	 */
	public function __construct( private readonly string $url = self::URL ) {
	}

	/**
	 * Starts answering.
	 */
	public function attach(): void {
		add_filter( 'pre_http_request', array( $this, 'answer' ), 10, 3 );
	}

	/**
	 * The `pre_http_request` filter.
	 *
	 * @param mixed $pre  Earlier answer.
	 * @param mixed $args Request arguments.
	 * @param mixed $url  URL.
	 * @return mixed
	 */
	public function answer( $pre, $args, $url ) {
		if ( false !== $pre || ! is_string( $url ) || ! str_starts_with( $url, $this->url . '/' ) ) {
			return $pre;
		}
		$parts = wp_parse_url( $url );
		$path  = is_array( $parts ) && isset( $parts['path'] ) ? $parts['path'] : '';
		$query = array();
		wp_parse_str( is_array( $parts ) && isset( $parts['query'] ) ? $parts['query'] : '', $query );
		$method        = is_array( $args ) && is_string( $args['method'] ?? null ) ? $args['method'] : 'GET';
		$body          = is_array( $args ) && is_string( $args['body'] ?? null ) ? json_decode( $args['body'], true ) : null;
		$this->calls[] = array(
			'method' => $method,
			'path'   => $path,
			'query'  => self::strings( $query ),
			'body'   => $body,
		);

		if ( isset( $this->fail_next[ $path ] ) ) {
			$status = $this->fail_next[ $path ];
			unset( $this->fail_next[ $path ] );
			return HttpApiResponse::json(
				$status,
				array(
					'code'    => 'unavailable',
					'message' => 'Planned failure.',
				)
			);
		}

		if ( 'POST' === $method && '/v1/index/documents' === $path && is_array( $body ) && is_array( $body['documents'] ?? null ) ) {
			return HttpApiResponse::json( 200, $this->upsert( $body['documents'] ) );
		}
		if ( 'POST' === $method && '/v1/index/remove' === $path && is_array( $body ) && is_array( $body['ids'] ?? null ) ) {
			$removed = 0;
			foreach ( $body['ids'] as $id ) {
				if ( is_int( $id ) && isset( $this->documents[ $id ] ) ) {
					unset( $this->documents[ $id ] );
					++$removed;
				}
			}
			return HttpApiResponse::json( 200, array( 'removed' => $removed ) );
		}
		if ( 'GET' === $method && '/v1/index/manifest' === $path ) {
			return HttpApiResponse::json( 200, $this->manifest( (int) ( $query['after'] ?? 0 ), (int) ( $query['limit'] ?? 1000 ) ) );
		}

		return HttpApiResponse::json(
			400,
			array(
				'code'    => 'bad_request',
				'message' => 'Unexpected call.',
			)
		);
	}

	/**
	 * Ids in the index, ascending.
	 *
	 * @return list<int>
	 */
	public function ids(): array {
		$ids = array_keys( $this->documents );
		sort( $ids );

		return $ids;
	}

	/**
	 * Ids of the documents sent in all upserts so far.
	 *
	 * @return list<int>
	 */
	public function sent_ids(): array {
		$ids = array();
		foreach ( $this->calls as $call ) {
			if ( '/v1/index/documents' === $call['path'] && is_array( $call['body'] ) && is_array( $call['body']['documents'] ?? null ) ) {
				foreach ( $call['body']['documents'] as $document ) {
					$ids[] = is_array( $document ) && is_int( $document['id'] ?? null ) ? $document['id'] : 0;
				}
			}
		}

		return $ids;
	}

	/**
	 * Upserts documents as the service does.
	 *
	 * @param array<mixed> $documents Documents.
	 * @return array{indexed: int, skipped: int, rejected: list<array{id: int, code: string, message: string}>}
	 */
	private function upsert( array $documents ): array {
		$indexed  = 0;
		$skipped  = 0;
		$rejected = array();
		foreach ( $documents as $document ) {
			$id = is_array( $document ) && is_int( $document['id'] ?? null ) ? $document['id'] : 0;
			if ( ! is_array( $document ) || 'publish' !== ( $document['status'] ?? null ) || in_array( $id, $this->reject_ids, true ) || ! is_string( $document['modified'] ?? null ) ) {
				$rejected[] = array(
					'id'      => $id,
					'code'    => 'invalid_document',
					'message' => 'Not publishable.',
				);
				continue;
			}
			$stored = $this->documents[ $id ] ?? null;
			if ( null !== $stored && strtotime( $stored['modified'] ) > strtotime( $document['modified'] ) ) {
				++$skipped;
				continue;
			}
			$this->documents[ $id ] = array(
				'modified'    => $document['modified'],
				'fingerprint' => is_string( $document['fingerprint'] ?? null ) ? $document['fingerprint'] : '',
			);
			++$indexed;
		}

		return array(
			'indexed'  => $indexed,
			'skipped'  => $skipped,
			'rejected' => $rejected,
		);
	}

	/**
	 * A manifest page.
	 *
	 * @param int $after Exclusive lower bound.
	 * @param int $limit Page size.
	 * @return array{documents: list<array{id: int, modified: string, fingerprint: string}>, next: int|null, total: int}
	 */
	private function manifest( int $after, int $limit ): array {
		$after_ids = array_values( array_filter( $this->ids(), static fn( int $id ): bool => $id > $after ) );
		$page      = array_slice( $after_ids, 0, $limit );
		$documents = array();
		foreach ( $page as $id ) {
			$documents[] = array(
				'id'          => $id,
				'modified'    => $this->documents[ $id ]['modified'],
				'fingerprint' => $this->documents[ $id ]['fingerprint'],
			);
		}

		return array(
			'documents' => $documents,
			'next'      => count( $after_ids ) > $limit ? (int) end( $page ) : null,
			'total'     => count( $this->documents ),
		);
	}

	/**
	 * Query arguments as strings.
	 *
	 * @param array<mixed> $query Parsed query.
	 * @return array<string, string>
	 */
	private static function strings( array $query ): array {
		$strings = array();
		foreach ( $query as $key => $value ) {
			$strings[ (string) $key ] = is_scalar( $value ) ? (string) $value : '';
		}

		return $strings;
	}
}
