<?php
/**
 * Starts a target's sync job by itself when its index needs one.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use Closure;
use WP_Error;

/**
 * Runs on a cron path that already exists (the events dispatcher's every-minute run), but does its work at
 * most once an hour per target, so the cost of the check is one option read on every other run.
 *
 * The rules, in order, when the service is configured and no job runs:
 *
 * - the index is empty while WordPress publishes posts (a fresh service, a lost volume): start a `reindex`
 *   at once, because content events only carry changes and would never fill it;
 * - the last job finished (or stopped) more than a day ago, or none ever ran: start a `reconcile`, which
 *   sends only the drift (events lost while the service was down, posts changed behind WordPress's back).
 *
 * A job that is running is left alone; a failed one is replaced by the next daily reconcile (which redoes
 * what the failed one missed), so an unattended site heals without an administrator.
 */
final class AutoSync {

	/**
	 * Seconds between two checks.
	 */
	public const CHECK_INTERVAL = HOUR_IN_SECONDS;

	/**
	 * Seconds after the last job before a reconcile is due.
	 */
	public const RECONCILE_INTERVAL = DAY_IN_SECONDS;

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Stores the job.
	 *
	 * @param IndexSync          $sync  The job.
	 * @param Closure():int|null $clock Current Unix time; time() when null.
	 */
	public function __construct( private readonly IndexSync $sync, ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * Runs the check on a recurring hook.
	 *
	 * @param string $hook A hook that fires regularly (e.g. the dispatcher's cron hook).
	 */
	public function register_hooks( string $hook ): void {
		add_action( $hook, array( $this, 'run' ) );
	}

	/**
	 * The hook's callback: the check, unless it ran within the hour.
	 */
	public function run(): void {
		$this->check();
	}

	/**
	 * Checks the rules and starts the job they call for.
	 *
	 * @param bool $force Ignore the hourly throttle.
	 * @return string|null The mode started (`reindex` or `reconcile`), or null when nothing was started.
	 */
	public function check( bool $force = false ): ?string {
		$now    = ( $this->clock )();
		$option = $this->sync->target()->checked_option();
		$last   = get_option( $option, 0 );
		if ( ! $force && is_numeric( $last ) && $now - (int) $last < self::CHECK_INTERVAL && (int) $last <= $now ) {
			return null;
		}
		// Recorded before the service is asked, so a service that hangs is not asked again every minute.
		update_option( $option, $now, false );

		$mode = $this->due( $now );
		if ( null === $mode ) {
			return null;
		}

		return $this->sync->start( $mode ) instanceof WP_Error ? null : $mode;
	}

	/**
	 * The mode the rules call for now, if any.
	 *
	 * @param int $now Unix time.
	 * @return string|null
	 */
	private function due( int $now ): ?string {
		if ( ! $this->sync->is_configured() ) {
			return null;
		}
		$state = $this->sync->state();
		if ( null !== $state && SyncState::RUNNING === $state['status'] ) {
			return null;
		}
		$held = $this->sync->index_count();
		if ( $held instanceof WP_Error ) {
			return null; // The service is down: the health screen says so; the next check tries again.
		}
		$published = $this->sync->published_count();
		if ( 0 === $held ) {
			return $published > 0 ? 'reindex' : null; // Nothing on either side: nothing to check.
		}
		$since = null === $state ? null : ( $state['finished_at'] ?? $state['updated_at'] );

		return null === $since || $now - $since >= self::RECONCILE_INTERVAL ? 'reconcile' : null;
	}
}
