<?php
/**
 * The feed statistics route of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Search\SyncTarget;
use WP_Error;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `GET switchboard/v1/admin/feed/stats` (administrators only): the feed service's `GET /v1/stats` through
 * the gateway's own client (so with the service JWT, timeouts and circuit breaker), copied field by field
 * (FeedStats) with the time it was read. When the service has no URL, is down or answers nonsense, the route
 * answers the gateway's stable error code, message and status (503, 502, …), never the service's own body.
 */
final class FeedStatsController {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * Route.
	 */
	public const ROUTE = '/admin/feed/stats';

	/**
	 * The service's path.
	 */
	public const STATS_PATH = '/v1/stats';

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceRegistry $registry The services.
	 * @param ServiceClient   $client   The gateway's client.
	 */
	public function __construct(
		private readonly ServiceRegistry $registry,
		private readonly ServiceClient $client
	) {
	}

	/**
	 * Registers the route (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_stats' ),
				'permission_callback' => array( Permission::class, 'check' ),
				'args'                => array(),
			)
		);
	}

	/**
	 * The statistics, or why they cannot be read.
	 *
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_stats(): WP_REST_Response|WP_Error {
		$target  = SyncTarget::feed();
		$service = $this->registry->get( $target->service );
		if ( null === $service || ! $service->is_configured() ) {
			return new WP_Error(
				$target->code( 'not_configured' ),
				/* translators: 1: service name, e.g. "search", 2: constant name, e.g. SWITCHBOARD_SEARCH_URL. */
				sprintf( __( 'The %1$s service has no URL: set %2$s or its URL in Settings → Switchboard.', 'switchboard' ), $target->service_name(), $target->url_variable() ),
				array( 'status' => 503 )
			);
		}
		$answer = $this->client->request( $service, 'GET', self::STATS_PATH );
		if ( $answer instanceof WP_Error ) {
			$data   = $answer->get_error_data();
			$status = is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 502;

			return new WP_Error( (string) $answer->get_error_code(), $answer->get_error_message(), array( 'status' => $status ) );
		}
		$stats = FeedStats::from_answer( $answer );
		if ( null === $stats ) {
			return new WP_Error(
				$target->code( 'bad_answer' ),
				/* translators: %s: service name, e.g. "search". */
				sprintf( __( 'The %s service answered in an unexpected shape.', 'switchboard' ), $target->service_name() ),
				array( 'status' => 502 )
			);
		}
		$response = new WP_REST_Response(
			array(
				'stats'        => $stats->to_array(),
				'generated_at' => time(),
			)
		);
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}
}
