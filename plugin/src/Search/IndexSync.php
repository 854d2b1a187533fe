<?php
/**
 * The re-index and reconciliation job of a service's index (the search index, the feed catalogue).
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use Closure;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use WP_Error;

/**
 * Brings a service's index in line with what WordPress publishes, one bounded step at a time. The service
 * is the IndexClient's SyncTarget (`search`, or `feed`, which implements the same sync contract); the state,
 * lock, cron hook, batch filter and error codes all follow from it.
 *
 * Both modes walk WordPress's published posts and the service's manifest side by side, by ascending id: each
 * step takes the next id range (at most one batch of posts and one manifest page), then sends documents and
 * removes the ones WordPress no longer publishes. `reindex` sends every published post of the range (the
 * index is never emptied first, so visitors keep getting results); `reconcile` sends only the missing ones
 * (WordPress publishes them, the index lacks them) and the stale ones (their fingerprint differs), and
 * removes the extra ones. Both count each category and keep the first fixed ids.
 *
 * A step runs under a StepLock, reads the state fresh, and saves it only after every call of the step
 * succeeded, so a service error or a PHP timeout never loses or double-counts progress: the job is `failed`
 * (with the error) or still `running`, at the same cursor, and resume() or the next step redoes that range
 * (upserts and removals are idempotent). A WP-Cron event (SyncCron) keeps a running job going when no browser
 * or CLI drives it.
 *
 * @phpstan-import-type State from SyncState
 */
final class IndexSync {

	/**
	 * Posts per step unless filtered (`switchboard_search_sync_batch`, `switchboard_feed_sync_batch`).
	 */
	public const DEFAULT_BATCH = 100;

	/**
	 * Manifest entries read per step.
	 */
	public const MANIFEST_PAGE = 1000;

	/**
	 * Seconds a step's lock lasts before another driver may take over from a dead process.
	 */
	public const LOCK_SECONDS = 120;

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Stores the collaborators.
	 *
	 * @param IndexClient        $index The service's sync endpoints.
	 * @param PublishedPosts     $posts WordPress's side.
	 * @param SyncState          $state Where the job's state lives.
	 * @param StepLock           $lock  The step lock.
	 * @param Closure():int|null $clock Current Unix time; time() when null.
	 */
	public function __construct(
		private readonly IndexClient $index,
		private readonly PublishedPosts $posts,
		private readonly SyncState $state,
		private readonly StepLock $lock,
		?Closure $clock = null
	) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * Builds the job over the gateway's client.
	 *
	 * @param ServiceClient   $client   The gateway's client.
	 * @param ServiceRegistry $registry The services.
	 * @param SyncTarget|null $target   Which service; the search service when null.
	 * @return self
	 */
	public static function create( ServiceClient $client, ServiceRegistry $registry, ?SyncTarget $target = null ): self {
		$target ??= SyncTarget::search();

		return new self( new IndexClient( $client, $registry, $target ), new PublishedPosts(), new SyncState( $target ), new StepLock( $target ) );
	}

	/**
	 * Which service this job syncs.
	 *
	 * @return SyncTarget
	 */
	public function target(): SyncTarget {
		return $this->index->target();
	}

	/**
	 * Whether the target's service has a URL.
	 *
	 * @return bool
	 */
	public function is_configured(): bool {
		return $this->index->is_configured();
	}

	/**
	 * The current (or last) job's state, or null when none ever ran (read fresh from the database).
	 *
	 * @phpstan-impure
	 * @phpstan-return State|null
	 * @return array<string, mixed>|null
	 */
	public function state(): ?array {
		return $this->state->load();
	}

	/**
	 * How many posts WordPress publishes for the index.
	 *
	 * @return int
	 */
	public function published_count(): int {
		return $this->posts->count();
	}

	/**
	 * How many documents the index holds, asked of the service.
	 *
	 * @return int|WP_Error
	 */
	public function index_count(): int|WP_Error {
		$page = $this->index->manifest( 0, 1 );

		return $page instanceof WP_Error ? $page : $page['total'];
	}

	/**
	 * Starts a job, unless one is running.
	 *
	 * @param string $mode `reindex` or `reconcile`.
	 * @phpstan-return State|WP_Error
	 * @return array<string, mixed>|WP_Error
	 */
	public function start( string $mode ): array|WP_Error {
		if ( ! in_array( $mode, SyncState::MODES, true ) ) {
			return new WP_Error( $this->target()->code( 'sync_bad_mode' ), __( 'Unknown sync mode.', 'switchboard' ), array( 'status' => 400 ) );
		}
		if ( ! $this->index->is_configured() ) {
			return $this->index->not_configured();
		}
		if ( ! $this->lock->acquire( self::LOCK_SECONDS ) ) {
			return $this->running_error();
		}
		try {
			$current = $this->state->load();
			if ( null !== $current && SyncState::RUNNING === $current['status'] ) {
				return $this->running_error();
			}
			$state = SyncState::fresh( $mode, $this->posts->count(), ( $this->clock )() );
			$this->state->clear_cancel();
			$this->state->save( $state );
		} finally {
			$this->lock->release();
		}
		SyncCron::schedule( $this->target() );

		return $state;
	}

	/**
	 * Makes a failed job run again from its cursor.
	 *
	 * @phpstan-return State|WP_Error
	 * @return array<string, mixed>|WP_Error
	 */
	public function resume(): array|WP_Error {
		if ( ! $this->lock->acquire( self::LOCK_SECONDS ) ) {
			return $this->running_error();
		}
		try {
			$state = $this->state->load();
			if ( null === $state || SyncState::FAILED !== $state['status'] ) {
				return new WP_Error( $this->target()->code( 'sync_not_failed' ), __( 'There is no failed sync to resume.', 'switchboard' ), array( 'status' => 409 ) );
			}
			$state['status']     = SyncState::RUNNING;
			$state['updated_at'] = ( $this->clock )();
			$this->state->save( $state );
		} finally {
			$this->lock->release();
		}
		SyncCron::schedule( $this->target() );

		return $state;
	}

	/**
	 * Cancels the running (or failed) job: at once when no step is under way, otherwise when that step ends.
	 *
	 * @phpstan-return State|WP_Error
	 * @return array<string, mixed>|WP_Error
	 */
	public function cancel(): array|WP_Error {
		$state = $this->state->load();
		if ( null === $state || ! in_array( $state['status'], array( SyncState::RUNNING, SyncState::FAILED ), true ) ) {
			return new WP_Error( $this->target()->code( 'sync_not_running' ), __( 'There is no sync to cancel.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$this->state->request_cancel( $state['id'] );
		if ( ! $this->lock->acquire( self::LOCK_SECONDS ) ) {
			return $state; // The step under way applies the request when it finishes.
		}
		try {
			$state = $this->state->load() ?? $state;
			$state = $this->apply_cancel( $state );
			$this->state->save( $state );
		} finally {
			$this->lock->release();
		}

		return $state;
	}

	/**
	 * Runs one step of the running job.
	 *
	 * @phpstan-return array{state: State, busy: bool}|WP_Error
	 * @return array{state: array<string, mixed>, busy: bool}|WP_Error The state after the step; busy when
	 *         another driver holds the lock (the state is then as last saved).
	 */
	public function step(): array|WP_Error {
		if ( ! $this->lock->acquire( self::LOCK_SECONDS ) ) {
			$state = $this->state->load();
			return null === $state ? $this->not_running_error() : array(
				'state' => $state,
				'busy'  => true,
			);
		}
		try {
			$state = $this->state->load();
			if ( null === $state || SyncState::RUNNING !== $state['status'] ) {
				return $this->not_running_error();
			}
			$state = $this->run_step( $state );
			$state = $this->apply_cancel( $state );
			$this->state->save( $state );
		} finally {
			$this->lock->release();
		}
		if ( SyncState::RUNNING === $state['status'] ) {
			SyncCron::schedule( $this->target() );
		} else {
			SyncCron::unschedule( $this->target() );
		}

		return array(
			'state' => $state,
			'busy'  => false,
		);
	}

	/**
	 * Runs steps until the job stops running, another driver holds the lock, or `$budget` seconds passed.
	 *
	 * @param float $budget Seconds to spend (a step under way finishes).
	 * @return int Steps run.
	 */
	public function drive( float $budget ): int {
		$deadline = microtime( true ) + $budget;
		$steps    = 0;
		while ( microtime( true ) < $deadline ) {
			$result = $this->step();
			if ( $result instanceof WP_Error || $result['busy'] ) {
				break;
			}
			++$steps;
			if ( SyncState::RUNNING !== $result['state']['status'] ) {
				break;
			}
		}

		return $steps;
	}

	/**
	 * Posts per step.
	 *
	 * @return int
	 */
	public function batch_size(): int {
		/**
		 * Filters how many posts one step of the search sync (`switchboard_search_sync_batch`) or of the feed
		 * catalogue sync (`switchboard_feed_sync_batch`) handles (1 to 500).
		 *
		 * @param int $batch Posts per step.
		 */
		$batch = apply_filters( $this->target()->batch_filter(), self::DEFAULT_BATCH ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- every SyncTarget prefix starts with `switchboard_`.

		return is_int( $batch ) ? max( 1, min( IndexClient::MAX_DOCUMENTS, $batch ) ) : self::DEFAULT_BATCH;
	}

	/**
	 * Handles the next id range; on an error returns the state as it was, failed, with the error.
	 *
	 * @phpstan-param State $state
	 * @param array<string, mixed> $state Running state.
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	private function run_step( array $state ): array {
		$batch  = $this->batch_size();
		$cursor = $state['cursor'];
		$page   = $this->index->manifest( $cursor, self::MANIFEST_PAGE );
		if ( $page instanceof WP_Error ) {
			return $this->fail( $state, $page, __( 'reading the index manifest', 'switchboard' ) );
		}

		// The range ends where the manifest page ends (unless it is the last) or where the batch of posts ends.
		$listed = array_keys( $page['documents'] );
		$upto   = null === $page['next'] ? null : (int) end( $listed );
		$ids    = $this->posts->ids_after( $cursor, $upto, $batch );
		$upper  = count( $ids ) >= $batch ? (int) end( $ids ) : $upto;

		$indexed = array();
		foreach ( $page['documents'] as $id => $fingerprint ) {
			if ( null === $upper || $id <= $upper ) {
				$indexed[ $id ] = $fingerprint;
			}
		}
		$payloads = $this->posts->payloads( $ids );
		$extra    = array_values( array_diff( array_keys( $indexed ), array_keys( $payloads ) ) );
		$missing  = array();
		$stale    = array();
		$send     = array();
		foreach ( $payloads as $id => $payload ) {
			$known = array_key_exists( $id, $indexed );
			if ( ! $known ) {
				$missing[] = $id;
			} elseif ( $indexed[ $id ] !== $payload['fingerprint'] ) {
				$stale[] = $id;
			}
			if ( 'reindex' === $state['mode'] || ! $known || $indexed[ $id ] !== $payload['fingerprint'] ) {
				$send[] = $payload;
			}
		}

		$result = array(
			'indexed'  => 0,
			'skipped'  => 0,
			'rejected' => array(),
		);
		if ( array() !== $send ) {
			$result = $this->index->index( $send );
			if ( $result instanceof WP_Error ) {
				return $this->fail( $state, $result, __( 'sending documents', 'switchboard' ) );
			}
		}
		$removed = 0;
		if ( array() !== $extra ) {
			$removed = $this->index->remove( $extra );
			if ( $removed instanceof WP_Error ) {
				return $this->fail( $state, $removed, __( 'removing documents', 'switchboard' ) );
			}
		}

		$counts               = $state['counts'];
		$counts['indexed']   += $result['indexed'];
		$counts['skipped']   += $result['skipped'];
		$counts['rejected']  += count( $result['rejected'] );
		$counts['removed']   += $removed;
		$counts['missing']   += count( $missing );
		$counts['stale']     += count( $stale );
		$counts['extra']     += count( $extra );
		$state['counts']      = $counts;
		$state['fixed']       = array(
			'missing' => array_slice( array_merge( $state['fixed']['missing'], $missing ), 0, SyncState::CAP ),
			'stale'   => array_slice( array_merge( $state['fixed']['stale'], $stale ), 0, SyncState::CAP ),
			'extra'   => array_slice( array_merge( $state['fixed']['extra'], $extra ), 0, SyncState::CAP ),
		);
		$state['rejected']    = array_slice( array_merge( $state['rejected'], $result['rejected'] ), 0, SyncState::CAP );
		$state['processed']  += count( $ids );
		$state['index_total'] = $page['total'];
		$state['steps']      += 1;
		$state['error']       = null;
		$state['updated_at']  = ( $this->clock )();
		if ( null === $upper ) {
			$state['status']      = SyncState::DONE;
			$state['finished_at'] = $state['updated_at'];
			$state['total']       = max( $state['total'], $state['processed'] );
		} else {
			$state['cursor'] = $upper;
		}

		return $state;
	}

	/**
	 * The state, failed with a service error, cursor and counts unchanged.
	 *
	 * @phpstan-param State $state
	 * @param array<string, mixed> $state  State before the step.
	 * @param WP_Error             $error  The error.
	 * @param string               $during What the step was doing.
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	private function fail( array $state, WP_Error $error, string $during ): array {
		$state['status']     = SyncState::FAILED;
		$state['updated_at'] = ( $this->clock )();
		$state['error']      = array(
			'code'    => (string) $error->get_error_code(),
			/* translators: 1: service name, e.g. "search", 2: what the job was doing, e.g. "sending documents", 3: the error's message. */
			'message' => sprintf( __( 'The %1$s service failed while %2$s: %3$s Progress is kept; resume to continue.', 'switchboard' ), $this->target()->service_name(), $during, $error->get_error_message() ),
		);

		return $state;
	}

	/**
	 * Applies a pending cancel request to the state.
	 *
	 * @phpstan-param State $state
	 * @param array<string, mixed> $state State.
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	private function apply_cancel( array $state ): array {
		if ( ! $this->state->cancel_requested( $state['id'] ) ) {
			return $state;
		}
		$this->state->clear_cancel();
		if ( in_array( $state['status'], array( SyncState::RUNNING, SyncState::FAILED ), true ) ) {
			$state['status']      = SyncState::CANCELLED;
			$state['updated_at']  = ( $this->clock )();
			$state['finished_at'] = $state['updated_at'];
			SyncCron::unschedule( $this->target() );
		}

		return $state;
	}

	/**
	 * The error for a second job while one runs.
	 *
	 * @return WP_Error
	 */
	private function running_error(): WP_Error {
		return new WP_Error(
			$this->target()->code( 'sync_running' ),
			/* translators: %s: what the sync fills, e.g. "search index". */
			sprintf( __( 'A %s sync is already running.', 'switchboard' ), $this->target()->subject() ),
			array( 'status' => 409 )
		);
	}

	/**
	 * The error for a step without a running job.
	 *
	 * @return WP_Error
	 */
	private function not_running_error(): WP_Error {
		return new WP_Error(
			$this->target()->code( 'sync_not_running' ),
			/* translators: %s: what the sync fills, e.g. "search index". */
			sprintf( __( 'No %s sync is running.', 'switchboard' ), $this->target()->subject() ),
			array( 'status' => 409 )
		);
	}
}
