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
use Switchboard\Search\IndexSync;
use Switchboard\Search\SyncCron;

/**
 * Attaches the admin routes (`switchboard/v1/admin/...`, administrators only), Settings → Switchboard, and
 * the WP-Cron event that keeps a search index sync started there going.
 */
final class AdminModule implements Module {

	/**
	 * Stores the parts.
	 *
	 * @param HealthController     $health   Health and connection tests.
	 * @param SettingsController   $settings Service URLs.
	 * @param OutboxController     $outbox   Dead letters and replay.
	 * @param SettingsPage         $page     The settings screen.
	 * @param SearchSyncController $search   Re-index and reconciliation of the search index.
	 * @param SyncCron             $cron     Keeps a running sync going.
	 */
	public function __construct(
		private readonly HealthController $health,
		private readonly SettingsController $settings,
		private readonly OutboxController $outbox,
		private readonly SettingsPage $page,
		private readonly SearchSyncController $search,
		private readonly SyncCron $cron
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
	 * @return self
	 */
	public static function create( string $plugin_file, ServiceRegistry $registry, ServiceClient $client, MetricsStore $metrics, Outbox $outbox, ?DispatchTrigger $trigger = null, ?IndexSync $sync = null ): self {
		$breaker = new CircuitBreaker();
		$sync  ??= IndexSync::create( $client, $registry );

		return new self(
			new HealthController( $registry, $breaker, new MetricsReader( $metrics ), $outbox, $client ),
			new SettingsController( $registry, $breaker ),
			new OutboxController( $outbox, $trigger ),
			new SettingsPage( $plugin_file ),
			new SearchSyncController( $sync ),
			new SyncCron( $sync )
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
