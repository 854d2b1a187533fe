<?php
/**
 * Keeps a running sync going when nobody drives it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

/**
 * A single WP-Cron event per target, scheduled while a job runs: each run drives the job for a bounded time
 * under the same step lock as a browser tab or the CLI, then the last step schedules the next run if the job
 * still runs. When a browser drives the job, the event finds the lock taken or the job finished and does
 * nothing.
 */
final class SyncCron {

	/**
	 * The search job's cron hook (SyncTarget::cron_hook() for any target).
	 */
	public const HOOK = 'switchboard_search_sync';

	/**
	 * Seconds from a step until the cron run that continues the job if nobody else does.
	 */
	public const DELAY = 60;

	/**
	 * Seconds one cron run spends on steps (well within PHP's default 30 s limit).
	 */
	public const BUDGET = 20.0;

	/**
	 * Stores the job.
	 *
	 * @param IndexSync $sync The job.
	 */
	public function __construct( private readonly IndexSync $sync ) {
	}

	/**
	 * Listens to the job's cron hook.
	 */
	public function register_hooks(): void {
		add_action( $this->sync->target()->cron_hook(), array( $this, 'run' ) );
	}

	/**
	 * The cron run: drives the job for a while.
	 */
	public function run(): void {
		$this->sync->drive( self::BUDGET );
	}

	/**
	 * Schedules the next run unless one is already scheduled.
	 *
	 * @param SyncTarget|null $target Whose job; the search index's when null.
	 */
	public static function schedule( ?SyncTarget $target = null ): void {
		$hook = ( $target ?? SyncTarget::search() )->cron_hook();
		if ( false === wp_next_scheduled( $hook ) ) {
			wp_schedule_single_event( time() + self::DELAY, $hook );
		}
	}

	/**
	 * Removes a scheduled run.
	 *
	 * @param SyncTarget|null $target Whose job; the search index's when null.
	 */
	public static function unschedule( ?SyncTarget $target = null ): void {
		wp_clear_scheduled_hook( ( $target ?? SyncTarget::search() )->cron_hook() );
	}
}
