<?php
/**
 * Runs the dispatcher from WP-Cron and from a loopback kick.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use Closure;
use Switchboard\Module;

/**
 * Schedules a dispatcher run every minute (a custom WP-Cron schedule), and after a request that wrote outbox
 * rows, sends one non-blocking loopback request to admin-ajax that runs the dispatcher at once.
 *
 * The kick carries a token (an HMAC of a five-minute time slot with the site's nonce salt) so that only this
 * site can start runs early; the cron run is the safety net when loopbacks are blocked.
 */
final class DispatchTrigger implements Module {

	/**
	 * WP-Cron hook of the dispatcher's run.
	 */
	public const CRON_HOOK = 'switchboard_dispatch_events';

	/**
	 * Name of the custom schedule.
	 */
	public const SCHEDULE = 'switchboard_every_minute';

	/**
	 * The admin-ajax action of the kick.
	 */
	public const AJAX_ACTION = 'switchboard_dispatch_events';

	/**
	 * Builds the dispatcher on first use.
	 *
	 * @var Closure(): Dispatcher
	 */
	private Closure $dispatcher;

	/**
	 * Whether a kick is already planned for this request.
	 *
	 * @var bool
	 */
	private bool $kick_planned = false;

	/**
	 * Stores how to build the dispatcher.
	 *
	 * @param string               $plugin_file Absolute path of the main plugin file (for the deactivation hook).
	 * @param Closure():Dispatcher $dispatcher  Builds the dispatcher (only when a run happens).
	 */
	public function __construct( private readonly string $plugin_file, Closure $dispatcher ) {
		$this->dispatcher = $dispatcher;
	}

	/**
	 * Adds the schedule, the cron run and the kick's handler.
	 */
	public function register_hooks(): void {
		// Events must not wait long when the loopback kick is blocked.
		add_filter( 'cron_schedules', array( $this, 'add_schedule' ) ); // phpcs:ignore WordPress.WP.CronInterval.CronSchedulesInterval -- a one-minute schedule on purpose, see above.
		add_action( 'init', array( $this, 'schedule' ) );
		add_action( self::CRON_HOOK, array( $this, 'run' ) );
		add_action( 'wp_ajax_' . self::AJAX_ACTION, array( $this, 'handle_kick' ) );
		add_action( 'wp_ajax_nopriv_' . self::AJAX_ACTION, array( $this, 'handle_kick' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule' ) );
	}

	/**
	 * Adds the every-minute schedule.
	 *
	 * @param mixed $schedules Schedules.
	 * @return array<mixed>
	 */
	public function add_schedule( $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => MINUTE_IN_SECONDS,
			'display'  => __( 'Every minute (Switchboard events)', 'switchboard' ),
		);

		return $schedules;
	}

	/**
	 * Schedules the recurring run when it is not scheduled yet.
	 */
	public function schedule(): void {
		if ( false === wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_event( time(), self::SCHEDULE, self::CRON_HOOK );
		}
	}

	/**
	 * Removes the recurring run (on deactivation; rows stay in the outbox for when the plugin returns).
	 */
	public function unschedule(): void {
		wp_clear_scheduled_hook( self::CRON_HOOK );
	}

	/**
	 * Runs the dispatcher once.
	 *
	 * @return array{delivered: int, failed: int, dead: int, released: int}
	 */
	public function run(): array {
		return ( $this->dispatcher )()->run();
	}

	/**
	 * Plans a loopback kick when the current request ends (once per request).
	 */
	public function kick_after_request(): void {
		if ( $this->kick_planned ) {
			return;
		}
		$this->kick_planned = true;
		add_action( 'shutdown', array( $this, 'kick' ) );
	}

	/**
	 * Sends the non-blocking loopback request that starts a run.
	 */
	public function kick(): void {
		$this->kick_planned = false;

		/**
		 * Filters whether a request that wrote events kicks the dispatcher at once (WP-Cron runs it anyway).
		 *
		 * @param bool $kick Whether to kick.
		 */
		if ( ! apply_filters( 'switchboard_events_kick', true ) ) {
			return;
		}

		// A loopback, verified the way WordPress verifies its own cron loopback.
		/** This filter is documented in wp-includes/class-wp-http-streams.php */
		$verify_ssl = (bool) apply_filters( 'https_local_ssl_verify', false ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own filter.
		wp_remote_post(
			admin_url( 'admin-ajax.php' ),
			array(
				'blocking'  => false,
				'timeout'   => 0.01,
				'sslverify' => $verify_ssl,
				'body'      => array(
					'action' => self::AJAX_ACTION,
					'token'  => self::token( (int) floor( time() / 300 ) ),
				),
			)
		);
	}

	/**
	 * Runs the dispatcher for a kick with a valid token; answers 403 otherwise.
	 */
	public function handle_kick(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- the token stands in for a nonce: the kick has no user session.
		$token = isset( $_POST['token'] ) && is_string( $_POST['token'] ) ? sanitize_text_field( wp_unslash( $_POST['token'] ) ) : '';
		if ( ! self::is_valid_token( $token ) ) {
			wp_send_json_error( null, 403 );
		}

		ignore_user_abort( true );
		wp_send_json_success( $this->run() );
	}

	/**
	 * Whether a kick's token is this site's, for the current or the previous time slot.
	 *
	 * @param string $token Token.
	 * @return bool
	 */
	public static function is_valid_token( string $token ): bool {
		$slot = (int) floor( time() / 300 );

		return hash_equals( self::token( $slot ), $token ) || hash_equals( self::token( $slot - 1 ), $token );
	}

	/**
	 * The kick's token for a time slot.
	 *
	 * @param int $slot Five-minute slot number.
	 * @return string
	 */
	private static function token( int $slot ): string {
		return hash_hmac( 'sha256', self::AJAX_ACTION . '|' . $slot, wp_salt( 'nonce' ) );
	}
}
