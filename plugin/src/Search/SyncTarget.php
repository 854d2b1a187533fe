<?php
/**
 * Which service a re-index / reconciliation job keeps in line with WordPress.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Search;

use Switchboard\Gateway\Service;

/**
 * The one thing that differs between the search index's job and the feed catalogue's: the service id, and
 * the prefix every stored name derives from (state and cancel options, step lock, cron hook, batch filter,
 * error codes). Search keeps the names it always had (`switchboard_search_sync*`), so nothing existing moves;
 * the feed gets `switchboard_feed_sync*`.
 *
 * The human words are translated when asked for, never at construction: the plugin builds its targets
 * before WordPress loads translations.
 */
final class SyncTarget {

	/**
	 * The search service's id.
	 */
	public const SEARCH = 'search';

	/**
	 * The feed service's id.
	 */
	public const FEED = 'feed';

	/**
	 * Stores the target.
	 *
	 * @param non-empty-string $service Service id in the ServiceRegistry.
	 * @param non-empty-string $prefix  Prefix of the stored names, e.g. `switchboard_search`.
	 */
	private function __construct(
		public readonly string $service,
		public readonly string $prefix
	) {
	}

	/**
	 * The search service's index.
	 *
	 * @return self
	 */
	public static function search(): self {
		return new self( self::SEARCH, 'switchboard_search' );
	}

	/**
	 * The feed service's catalogue.
	 *
	 * @return self
	 */
	public static function feed(): self {
		return new self( self::FEED, 'switchboard_feed' );
	}

	/**
	 * Option holding the job's state.
	 *
	 * @return non-falsy-string
	 */
	public function state_option(): string {
		return $this->prefix . '_sync';
	}

	/**
	 * Option holding the id of a job whose cancellation was asked for.
	 *
	 * @return non-falsy-string
	 */
	public function cancel_option(): string {
		return $this->prefix . '_sync_cancel';
	}

	/**
	 * Option row that is the step lock.
	 *
	 * @return non-falsy-string
	 */
	public function lock_option(): string {
		return $this->prefix . '_sync_lock';
	}

	/**
	 * Option holding when the automatic checks last ran (AutoSync).
	 *
	 * @return non-falsy-string
	 */
	public function checked_option(): string {
		return $this->prefix . '_sync_checked';
	}

	/**
	 * WP-Cron hook that keeps a running job going.
	 *
	 * @return non-falsy-string
	 */
	public function cron_hook(): string {
		return $this->prefix . '_sync';
	}

	/**
	 * Filter of the posts per step.
	 *
	 * @return non-falsy-string
	 */
	public function batch_filter(): string {
		return $this->prefix . '_sync_batch';
	}

	/**
	 * An error code in this target's family, e.g. `switchboard_feed_sync_running`.
	 *
	 * @param string $suffix E.g. `sync_running`.
	 * @return non-falsy-string
	 */
	public function code( string $suffix ): string {
		return $this->prefix . '_' . $suffix;
	}

	/**
	 * The service's name inside a sentence ("The %s service …").
	 *
	 * @return string
	 */
	public function service_name(): string {
		return match ( $this->service ) {
			self::SEARCH => _x( 'search', 'service name inside a sentence', 'switchboard' ),
			self::FEED   => _x( 'feed', 'service name inside a sentence', 'switchboard' ),
			default      => $this->service,
		};
	}

	/**
	 * What the job fills, inside a sentence ("A %s sync is already running.").
	 *
	 * @return string
	 */
	public function subject(): string {
		return match ( $this->service ) {
			self::SEARCH => _x( 'search index', 'what a sync fills, inside a sentence', 'switchboard' ),
			self::FEED   => _x( 'feed catalogue', 'what a sync fills, inside a sentence', 'switchboard' ),
			default      => $this->service,
		};
	}

	/**
	 * Name of the constant and environment variable holding the service's URL.
	 *
	 * @return string
	 */
	public function url_variable(): string {
		return Service::url_variable( $this->service );
	}
}
