<?php
/**
 * The administrator's view of the gateway.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\Outbox;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\Metrics\MetricsReader;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Module;
use Switchboard\Search\AutoSync;
use Switchboard\Search\IndexSync;
use Switchboard\Search\SyncCron;
use Switchboard\Search\SyncTarget;

/**
 * Attaches the admin routes (`switchboard/v1/admin/...`, administrators only), Settings → Switchboard, the
 * WP-Cron events that keep a search index or feed catalogue sync going, and the feed catalogue's automatic
 * sync (a re-index when the feed service's catalogue is empty, a daily reconcile), checked at most hourly on
 * the events dispatcher's every-minute cron run.
 *
 * The search index has no automatic sync: its jobs start only from the screen or the CLI, as before.
 */
final class AdminModule implements Module {

	/**
	 * Stores the parts.
	 *
	 * @param HealthController    $health     Health and connection tests.
	 * @param SettingsController  $settings   Service URLs.
	 * @param OutboxController    $outbox     Dead letters and replay.
	 * @param SettingsPage        $page       The settings screen.
	 * @param SyncController      $search     Re-index and reconciliation of the search index.
	 * @param SyncCron            $cron       Keeps a running search sync going.
	 * @param SyncController      $feed       Re-index and reconciliation of the feed catalogue.
	 * @param SyncCron            $feed_cron  Keeps a running feed sync going.
	 * @param AutoSync            $feed_auto  Starts the feed catalogue's sync by itself.
	 * @param FeedStatsController $feed_stats The feed service's statistics.
	 */
	public function __construct(
		private readonly HealthController $health,
		private readonly SettingsController $settings,
		private readonly OutboxController $outbox,
		private readonly SettingsPage $page,
		private readonly SyncController $search,
		private readonly SyncCron $cron,
		private readonly SyncController $feed,
		private readonly SyncCron $feed_cron,
		private readonly AutoSync $feed_auto,
		private readonly FeedStatsController $feed_stats
	) {
	}

	/**
	 * Builds the module from the plugin's shared parts, without touching WordPress.
	 *
	 * @param string               $plugin_file Absolute path of the main plugin file.
	 * @param ServiceRegistry      $registry    The services.
	 * @param ServiceClient        $client      The gateway's client (connection tests go through it).
	 * @param MetricsStore         $metrics     The gateway's metrics.
	 * @param Outbox               $outbox      The events outbox.
	 * @param DispatchTrigger|null $trigger     Kicks a dispatcher run after a replay.
	 * @param IndexSync|null       $sync        The search index job; one over `$client` when null.
	 * @param IndexSync|null       $feed_sync   The feed catalogue job; one over `$client` when null.
	 * @return self
	 */
	public static function create( string $plugin_file, ServiceRegistry $registry, ServiceClient $client, MetricsStore $metrics, Outbox $outbox, ?DispatchTrigger $trigger = null, ?IndexSync $sync = null, ?IndexSync $feed_sync = null ): self {
		$breaker     = new CircuitBreaker();
		$sync      ??= IndexSync::create( $client, $registry );
		$feed_sync ??= IndexSync::create( $client, $registry, SyncTarget::feed() );

		return new self(
			new HealthController( $registry, $breaker, new MetricsReader( $metrics ), $outbox, $client ),
			new SettingsController( $registry, $breaker ),
			new OutboxController( $outbox, $trigger ),
			new SettingsPage( $plugin_file ),
			new SyncController( $sync ),
			new SyncCron( $sync ),
			new SyncController( $feed_sync ),
			new SyncCron( $feed_sync ),
			new AutoSync( $feed_sync ),
			new FeedStatsController( $registry, $client )
		);
	}

	/**
	 * Adds the routes, the page and its assets.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this->health, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->settings, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->outbox, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->search, 'register_routes' ) );
		$this->cron->register_hooks();
		add_action( 'rest_api_init', array( $this->feed, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->feed_stats, 'register_routes' ) );
		$this->feed_cron->register_hooks();
		// The dispatcher's every-minute run is the cron path that already exists; AutoSync throttles itself.
		$this->feed_auto->register_hooks( DispatchTrigger::CRON_HOOK );
		add_action( 'admin_menu', array( $this->page, 'add_page' ) );
		add_action( 'admin_enqueue_scripts', array( $this->page, 'enqueue' ) );
	}

	/**
	 * The settings screen.
	 *
	 * @return SettingsPage
	 */
	public function page(): SettingsPage {
		return $this->page;
	}
}
