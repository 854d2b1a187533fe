<?php
/**
 * Service identity: the module that publishes keys and rotates them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use Switchboard\Module;

/**
 * Attaches the JWKS route and the daily key rotation to WordPress.
 *
 * The rotation event is scheduled on activation and, idempotently, on `init` (covering sites that were
 * active before this module existed), and cleared on deactivation, which WordPress always runs before an
 * uninstall; the uninstaller then deletes the key option with the other `switchboard_` options.
 */
final class ServiceIdentity implements Module {

	/**
	 * Cron hook of the daily rotation check.
	 */
	public const ROTATION_HOOK = 'switchboard_rotate_identity_keys';

	/**
	 * The key ring.
	 *
	 * @var KeyRing
	 */
	private readonly KeyRing $keys;

	/**
	 * Sets the collaborators.
	 *
	 * @param string       $plugin_file Absolute path of the main plugin file, for the (de)activation hooks.
	 * @param KeyRing|null $keys        Site's signing keys; a ring on the system clock when null.
	 */
	public function __construct(
		private readonly string $plugin_file,
		?KeyRing $keys = null
	) {
		$this->keys = $keys ?? new KeyRing();
	}

	/**
	 * Adds the route, the cron callback and the scheduling hooks.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_action( self::ROTATION_HOOK, array( $this, 'rotate_keys' ) );
		add_action( 'init', array( $this, 'schedule_rotation' ) );
		register_activation_hook( $this->plugin_file, array( $this, 'schedule_rotation' ) );
		register_deactivation_hook( $this->plugin_file, array( $this, 'unschedule_rotation' ) );
	}

	/**
	 * Registers the JWKS route (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		( new JwksController( $this->keys ) )->register_routes();
	}

	/**
	 * Rotates the key when it is due (the daily cron event).
	 */
	public function rotate_keys(): void {
		$this->keys->rotate_if_due();
	}

	/**
	 * Schedules the daily rotation check unless it is scheduled already.
	 */
	public function schedule_rotation(): void {
		if ( false === wp_next_scheduled( self::ROTATION_HOOK ) ) {
			wp_schedule_event( time(), 'daily', self::ROTATION_HOOK );
		}
	}

	/**
	 * Removes the rotation event.
	 */
	public function unschedule_rotation(): void {
		wp_clear_scheduled_hook( self::ROTATION_HOOK );
	}

	/**
	 * Signs gateway requests with tokens from this module's key ring, for the gateway's service client.
	 *
	 * @return BearerRequestSigner
	 */
	public function request_signer(): BearerRequestSigner {
		return new BearerRequestSigner( new ServiceTokens( $this->keys, new JwtSigner() ) );
	}
}
