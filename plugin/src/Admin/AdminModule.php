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

/**
 * Attaches the admin routes (`switchboard/v1/admin/...`, administrators only) and Settings → Switchboard.
 */
final class AdminModule implements Module {

	/**
	 * Stores the parts.
	 *
	 * @param HealthController   $health   Health and connection tests.
	 * @param SettingsController $settings Service URLs.
	 * @param OutboxController   $outbox   Dead letters and replay.
	 * @param SettingsPage       $page     The settings screen.
	 */
	public function __construct(
		private readonly HealthController $health,
		private readonly SettingsController $settings,
		private readonly OutboxController $outbox,
		private readonly SettingsPage $page
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
	 * @return self
	 */
	public static function create( string $plugin_file, ServiceRegistry $registry, ServiceClient $client, MetricsStore $metrics, Outbox $outbox, ?DispatchTrigger $trigger = null ): self {
		$breaker = new CircuitBreaker();

		return new self(
			new HealthController( $registry, $breaker, new MetricsReader( $metrics ), $outbox, $client ),
			new SettingsController( $registry, $breaker ),
			new OutboxController( $outbox, $trigger ),
			new SettingsPage( $plugin_file )
		);
	}

	/**
	 * Adds the routes, the page and its assets.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this->health, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->settings, 'register_routes' ) );
		add_action( 'rest_api_init', array( $this->outbox, 'register_routes' ) );
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
