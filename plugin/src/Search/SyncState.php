<?php
/**
 * The stored state of the re-index / reconciliation job.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use wpdb;

/**
 * Keeps the job's state in one option (JSON, not autoloaded) and always reads it from the database, so that
 * a step in one process sees what a step in another wrote. A cancel request is a second option, written
 * without the step lock, that the step holding the lock applies when it finishes.
 *
 * State keys: id, mode (`reindex`|`reconcile`), status (`running`|`done`|`failed`|`cancelled`), cursor (the
 * highest post id handled), processed, total (published posts when it started), index_total (documents in
 * the index at the last look), counts (indexed, skipped, rejected, removed, missing, stale, extra), fixed
 * (ids per category, capped), rejected (the service's refusals, capped), steps, started_at, updated_at,
 * finished_at and error (code and message of the last failure, or null).
 *
 * @phpstan-type Counts array{indexed: int, skipped: int, rejected: int, removed: int, missing: int, stale: int, extra: int}
 * @phpstan-type Fixed array{missing: list<int>, stale: list<int>, extra: list<int>}
 * @phpstan-type Rejection array{id: int, code: string, message: string}
 * @phpstan-type State array{id: string, mode: string, status: string, cursor: int, processed: int, total: int, index_total: int|null, counts: Counts, fixed: Fixed, rejected: list<Rejection>, steps: int, started_at: int, updated_at: int, finished_at: int|null, error: array{code: string, message: string}|null}
 */
final class SyncState {

	/**
	 * Option holding the search job's state (SyncTarget::state_option() for any target).
	 */
	public const OPTION = 'switchboard_search_sync';

	/**
	 * Option holding the id of a search job whose cancellation was asked for.
	 */
	public const CANCEL_OPTION = 'switchboard_search_sync_cancel';

	/**
	 * Modes.
	 */
	public const MODES = array( 'reindex', 'reconcile' );

	/**
	 * Statuses.
	 */
	public const RUNNING   = 'running';
	public const DONE      = 'done';
	public const FAILED    = 'failed';
	public const CANCELLED = 'cancelled';

	/**
	 * Most ids kept per fixed category, and most refusals kept.
	 */
	public const CAP = 50;

	/**
	 * Option holding the state.
	 *
	 * @var string
	 */
	private string $option;

	/**
	 * Option holding a cancel request.
	 *
	 * @var string
	 */
	private string $cancel_option;

	/**
	 * Picks the target's options.
	 *
	 * @param SyncTarget|null $target Whose job; the search index's when null.
	 */
	public function __construct( ?SyncTarget $target = null ) {
		$target              = $target ?? SyncTarget::search();
		$this->option        = $target->state_option();
		$this->cancel_option = $target->cancel_option();
	}

	/**
	 * The stored state, or null when no job ever ran.
	 *
	 * @phpstan-return State|null
	 * @return array<string, mixed>|null
	 */
	public function load(): ?array {
		$raw   = $this->read( $this->option );
		$state = is_string( $raw ) ? json_decode( $raw, true ) : null;

		return is_array( $state ) ? self::normalize( $state ) : null;
	}

	/**
	 * Stores the state.
	 *
	 * @phpstan-param State $state
	 * @param array<string, mixed> $state State.
	 */
	public function save( array $state ): void {
		self::write( $this->option, (string) wp_json_encode( $state ) );
	}

	/**
	 * A new job's state.
	 *
	 * @param string $mode  Mode.
	 * @param int    $total Published posts now.
	 * @param int    $now   Unix time.
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	public static function fresh( string $mode, int $total, int $now ): array {
		return array(
			'id'          => wp_generate_uuid4(),
			'mode'        => in_array( $mode, self::MODES, true ) ? $mode : 'reconcile',
			'status'      => self::RUNNING,
			'cursor'      => 0,
			'processed'   => 0,
			'total'       => max( 0, $total ),
			'index_total' => null,
			'counts'      => self::zero_counts(),
			'fixed'       => array(
				'missing' => array(),
				'stale'   => array(),
				'extra'   => array(),
			),
			'rejected'    => array(),
			'steps'       => 0,
			'started_at'  => $now,
			'updated_at'  => $now,
			'finished_at' => null,
			'error'       => null,
		);
	}

	/**
	 * Asks the step holding the lock to cancel a job.
	 *
	 * @param string $job_id Job id.
	 */
	public function request_cancel( string $job_id ): void {
		self::write( $this->cancel_option, $job_id );
	}

	/**
	 * Whether cancelling a job was asked for.
	 *
	 * @param string $job_id Job id.
	 * @return bool
	 */
	public function cancel_requested( string $job_id ): bool {
		return '' !== $job_id && $this->read( $this->cancel_option ) === $job_id;
	}

	/**
	 * Forgets a cancel request.
	 */
	public function clear_cancel(): void {
		delete_option( $this->cancel_option );
	}

	/**
	 * Counts of zero.
	 *
	 * @phpstan-return Counts
	 * @return array<string, int>
	 */
	private static function zero_counts(): array {
		return array(
			'indexed'  => 0,
			'skipped'  => 0,
			'rejected' => 0,
			'removed'  => 0,
			'missing'  => 0,
			'stale'    => 0,
			'extra'    => 0,
		);
	}

	/**
	 * Stored data in the state's shape (a damaged or older option never breaks the job).
	 *
	 * @param array<mixed> $data Decoded option.
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	private static function normalize( array $data ): array {
		$state = self::fresh( is_string( $data['mode'] ?? null ) ? $data['mode'] : 'reconcile', self::int( $data['total'] ?? 0 ), self::int( $data['started_at'] ?? 0 ) );

		$state['id']          = is_string( $data['id'] ?? null ) ? $data['id'] : $state['id'];
		$state['status']      = in_array( $data['status'] ?? null, array( self::RUNNING, self::DONE, self::FAILED, self::CANCELLED ), true ) ? (string) $data['status'] : self::FAILED;
		$state['cursor']      = self::int( $data['cursor'] ?? 0 );
		$state['processed']   = self::int( $data['processed'] ?? 0 );
		$state['index_total'] = is_int( $data['index_total'] ?? null ) ? $data['index_total'] : null;
		$state['steps']       = self::int( $data['steps'] ?? 0 );
		$state['updated_at']  = self::int( $data['updated_at'] ?? 0 );
		$state['finished_at'] = is_int( $data['finished_at'] ?? null ) ? $data['finished_at'] : null;

		$counts = is_array( $data['counts'] ?? null ) ? $data['counts'] : array();
		foreach ( array_keys( $state['counts'] ) as $key ) {
			$state['counts'][ $key ] = self::int( $counts[ $key ] ?? 0 );
		}
		$fixed = is_array( $data['fixed'] ?? null ) ? $data['fixed'] : array();
		foreach ( array_keys( $state['fixed'] ) as $key ) {
			$ids                    = is_array( $fixed[ $key ] ?? null ) ? $fixed[ $key ] : array();
			$state['fixed'][ $key ] = array_slice( array_values( array_map( 'intval', array_filter( $ids, 'is_int' ) ) ), 0, self::CAP );
		}
		foreach ( is_array( $data['rejected'] ?? null ) ? $data['rejected'] : array() as $item ) {
			if ( is_array( $item ) && is_int( $item['id'] ?? null ) && count( $state['rejected'] ) < self::CAP ) {
				$state['rejected'][] = array(
					'id'      => $item['id'],
					'code'    => is_string( $item['code'] ?? null ) ? $item['code'] : '',
					'message' => is_string( $item['message'] ?? null ) ? $item['message'] : '',
				);
			}
		}
		$error          = is_array( $data['error'] ?? null ) ? $data['error'] : null;
		$state['error'] = null === $error ? null : array(
			'code'    => is_string( $error['code'] ?? null ) ? $error['code'] : '',
			'message' => is_string( $error['message'] ?? null ) ? $error['message'] : '',
		);

		return $state;
	}

	/**
	 * A value as a non-negative integer.
	 *
	 * @param mixed $value Value.
	 * @return int
	 */
	private static function int( mixed $value ): int {
		return is_int( $value ) ? max( 0, $value ) : 0;
	}

	/**
	 * Writes an option; the cached copy is dropped first, because update_option() skips a write whose value
	 * equals what this request cached, even when another process changed the row since.
	 *
	 * @param string $name  Option name.
	 * @param string $value Value.
	 */
	private static function write( string $name, string $value ): void {
		wp_cache_delete( $name, 'options' );
		$notoptions = wp_cache_get( 'notoptions', 'options' );
		if ( is_array( $notoptions ) && isset( $notoptions[ $name ] ) ) {
			unset( $notoptions[ $name ] );
			wp_cache_set( 'notoptions', $notoptions, 'options' );
		}
		update_option( $name, $value, false );
	}

	/**
	 * An option's raw value straight from the database, bypassing every cache.
	 *
	 * @param string $name Option name.
	 * @return string|null
	 */
	private function read( string $name ): ?string {
		global $wpdb;
		if ( ! $wpdb instanceof wpdb ) {
			return null;
		}
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- another process may have changed it since this request cached options; %i postdates WPCS 2.3.
		$value = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, $name ) );
		// phpcs:enable

		return is_string( $value ) ? $value : null;
	}
}
