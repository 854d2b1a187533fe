<?php
/**
 * The feed's WordPress side that is not a gateway route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Module;

/**
 * Attaches the feed's privacy tools (exporter, eraser, policy text), the sample-profiles route of the
 * editor's preview, and the visitor routes' consent and body-size checks.
 */
final class FeedModule implements Module {

	/**
	 * Key of the exporter and eraser.
	 */
	public const PRIVACY_KEY = 'switchboard-feed';

	/**
	 * The service's profiles.
	 *
	 * @var FeedProfilesClient
	 */
	private readonly FeedProfilesClient $profiles;

	/**
	 * Builds the profile client.
	 *
	 * @param ServiceRegistry $registry The services.
	 * @param ServiceClient   $client   Calls them.
	 */
	public function __construct( ServiceRegistry $registry, ServiceClient $client ) {
		$this->profiles = new FeedProfilesClient( $registry, $client );
	}

	/**
	 * Adds the hooks.
	 */
	public function register_hooks(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'add_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'add_eraser' ) );
		add_action( 'admin_init', array( PrivacyPolicy::class, 'add' ) );
		add_action( 'rest_api_init', array( SampleProfilesController::class, 'register_routes' ) );
		add_filter( 'rest_pre_dispatch', array( RequestGuard::class, 'limit_body' ), 10, 3 );
		// After NamespaceGuard (10): a malformed request is a 400 whatever the consent.
		add_filter( 'rest_request_before_callbacks', array( RequestGuard::class, 'check_consent' ), 20, 3 );
	}

	/**
	 * `wp_privacy_personal_data_exporters`.
	 *
	 * @param mixed $exporters Registered exporters.
	 * @return array<mixed>
	 */
	public function add_exporter( mixed $exporters ): array {
		$exporters                      = is_array( $exporters ) ? $exporters : array();
		$exporters[ self::PRIVACY_KEY ] = array(
			'exporter_friendly_name' => __( 'Switchboard feed profile', 'switchboard' ),
			'callback'               => array( new PrivacyExporter( $this->profiles ), 'export' ),
		);

		return $exporters;
	}

	/**
	 * `wp_privacy_personal_data_erasers`.
	 *
	 * @param mixed $erasers Registered erasers.
	 * @return array<mixed>
	 */
	public function add_eraser( mixed $erasers ): array {
		$erasers                      = is_array( $erasers ) ? $erasers : array();
		$erasers[ self::PRIVACY_KEY ] = array(
			'eraser_friendly_name' => __( 'Switchboard feed profile', 'switchboard' ),
			'callback'             => array( new PrivacyEraser( $this->profiles ), 'erase' ),
		);

		return $erasers;
	}
}
