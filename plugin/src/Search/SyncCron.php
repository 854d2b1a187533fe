<?php
/**
 * Keeps a running search sync going when nobody drives it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

/**
 * A single WP-Cron event, scheduled while a job runs: each run drives the job for a bounded time under the
 * same step lock as a browser tab or the CLI, then the last step schedules the next run if the job still
 * runs. When a browser drives the job, the event finds the lock taken or the job finished and does nothing.
 */
final class SyncCron {

	/**
	 * The cron hook.
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
	 * Listens to the cron hook.
	 */
	public function register_hooks(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	/**
	 * The cron run: drives the job for a while.
	 */
	public function run(): void {
		$this->sync->drive( self::BUDGET );
	}

	/**
	 * Schedules the next run unless one is already scheduled.
	 */
	public static function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_single_event( time() + self::DELAY, self::HOOK );
		}
	}

	/**
	 * Removes a scheduled run.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
