<?php
/**
 * The health routes of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

use Switchboard\Events\Outbox;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\Metrics\MetricsReader;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `GET switchboard/v1/admin/health`: per service its configuration, circuit and last hour of metrics, and
 * the outbox's counts. `POST switchboard/v1/admin/services/<id>/test`: a `GET /health` on the service through
 * the gateway's own client (same timeouts, host rules and circuit breaker), reported as ok and latency or as
 * the gateway's stable error code and message.
 *
 * Every field is copied explicitly: nothing from a service's body and no credential leaves.
 */
final class HealthController {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * Path the connection test asks for.
	 */
	public const HEALTH_PATH = '/health';

	/**
	 * Error rate over the last hour from which a reachable service counts as degraded.
	 */
	public const DEGRADED_ERROR_RATE = 0.05;

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceRegistry $registry The services.
	 * @param CircuitBreaker  $breaker  Reads the circuits' shared state.
	 * @param MetricsReader   $metrics  The last hour of gateway metrics.
	 * @param Outbox          $outbox   The events outbox.
	 * @param ServiceClient   $client   The gateway's client, for the connection test.
	 */
	public function __construct(
		private readonly ServiceRegistry $registry,
		private readonly CircuitBreaker $breaker,
		private readonly MetricsReader $metrics,
		private readonly Outbox $outbox,
		private readonly ServiceClient $client
	) {
	}

	/**
	 * Registers the routes (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/admin/health',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_health' ),
				'permission_callback' => array( Permission::class, 'check' ),
				'args'                => array(),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/admin/services/(?P<id>[a-z0-9-]+)/test',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test_service' ),
				'permission_callback' => array( Permission::class, 'check' ),
				'args'                => array(
					'id' => array(
						'description' => __( 'Service id.', 'switchboard' ),
						'type'        => 'string',
						'pattern'     => '^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$',
						'required'    => true,
					),
				),
			)
		);
	}

	/**
	 * Every service's health and the outbox's counts.
	 *
	 * @return WP_REST_Response
	 */
	public function get_health(): WP_REST_Response {
		$services = array();
		foreach ( $this->registry->all() as $service ) {
			$services[] = $this->service_health( $service );
		}

		$response = new WP_REST_Response(
			array(
				'generated_at' => time(),
				'services'     => $services,
				'outbox'       => $this->outbox->counts(),
			),
			200
		);
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * Tests the connection to one service.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array{id: string}> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_service( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$id      = (string) $request->get_param( 'id' );
		$service = $this->registry->get( $id );
		if ( null === $service ) {
			return new WP_Error( 'switchboard_unknown_service', __( 'There is no service with this id.', 'switchboard' ), array( 'status' => 404 ) );
		}

		$started = microtime( true );
		$result  = $this->client->request( $service, 'GET', self::HEALTH_PATH );
		$latency = round( ( microtime( true ) - $started ) * 1000, 1 );

		if ( $result instanceof WP_Error ) {
			$data   = $result->get_error_data();
			$status = is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 0;
			$body   = array(
				'ok'         => false,
				'id'         => $service->id,
				'latency_ms' => $latency,
				'code'       => (string) $result->get_error_code(),
				'message'    => $result->get_error_message(),
				'status'     => $status,
			);
		} else {
			$body = array(
				'ok'         => true,
				'id'         => $service->id,
				'latency_ms' => $latency,
			);
		}

		$response = new WP_REST_Response( $body, 200 );
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * One service's allow-listed health fields.
	 *
	 * @param Service $service Service.
	 * @return array<string, mixed>
	 */
	private function service_health( Service $service ): array {
		$circuit = $this->breaker->status( $service );
		$last    = $circuit['last_failure'];
		$metrics = $this->metrics->last_hour( $service->id );

		return array(
			'id'         => $service->id,
			'label'      => $service->label,
			'configured' => $service->is_configured(),
			'url'        => $service->base_url,
			'url_source' => $service->url_source,
			'status'     => self::status_of( $service, $circuit['state'], $circuit['failures'], $metrics['requests'], $metrics['error_rate'] ),
			'circuit'    => array(
				'state'        => $circuit['state'],
				'failures'     => $circuit['failures'],
				'retry_at'     => $circuit['retry_at'],
				'last_failure' => null === $last ? null : array(
					'code'    => $last['code'],
					'message' => $last['message'],
					'time'    => $last['time'],
				),
			),
			'metrics'    => $metrics,
		);
	}

	/**
	 * A one-word summary: `unconfigured`; `down` (the circuit is not closed); `degraded` (calls are failing
	 * but the circuit is still closed, or the last hour's error rate is high); `idle` (no request in the
	 * last hour, so nothing is known); or `up`.
	 *
	 * @param Service    $service    Service.
	 * @param string     $circuit    Circuit state.
	 * @param int        $failures   Consecutive failures the circuit counts.
	 * @param int        $requests   Requests in the last hour.
	 * @param float|null $error_rate Error rate over the last hour.
	 * @return string
	 */
	private static function status_of( Service $service, string $circuit, int $failures, int $requests, ?float $error_rate ): string {
		if ( ! $service->is_configured() ) {
			return 'unconfigured';
		}
		if ( CircuitBreaker::CLOSED !== $circuit ) {
			return 'down';
		}
		if ( $failures > 0 || ( null !== $error_rate && $error_rate >= self::DEGRADED_ERROR_RATE ) ) {
			return 'degraded';
		}
		if ( 0 === $requests ) {
			return 'idle';
		}

		return 'up';
	}
}
