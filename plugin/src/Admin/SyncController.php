<?php
/**
 * The sync routes of the settings screen, for one target (the search index, the feed catalogue).
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

use Switchboard\Search\IndexSync;
use Switchboard\Search\SyncState;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Administrators only (the REST nonce of cookie authentication on every write, as WordPress requires), with
 * `<service>` the job's target (`search`, `feed`):
 *
 * - `GET  switchboard/v1/admin/<service>/sync`: the job's state, documents WordPress publishes and documents
 *   the index holds (null and an error message when the service cannot say).
 * - `POST switchboard/v1/admin/<service>/sync` `{mode: reindex (default)|reconcile}`: starts a job (409 while
 *   one runs).
 * - `POST switchboard/v1/admin/<service>/sync/step`: runs one step of the running job (`busy` when another
 *   driver is in a step).
 * - `POST switchboard/v1/admin/<service>/sync/resume`: runs a failed job again from where it stopped.
 * - `POST switchboard/v1/admin/<service>/sync/cancel`: cancels the running or failed job.
 */
final class SyncController {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * The search job's route base (base() for any target).
	 */
	public const BASE = '/admin/search/sync';

	/**
	 * Stores the job.
	 *
	 * @param IndexSync $sync The re-index / reconciliation job.
	 */
	public function __construct( private readonly IndexSync $sync ) {
	}

	/**
	 * The routes' base, e.g. `/admin/feed/sync`.
	 *
	 * @return non-falsy-string
	 */
	public function base(): string {
		return '/admin/' . $this->sync->target()->service . '/sync';
	}

	/**
	 * Registers the routes (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			$this->base(),
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_status' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'start' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(
						'mode' => array(
							'description' => __( 'Re-index every published post, or fix only drift.', 'switchboard' ),
							'type'        => 'string',
							'enum'        => SyncState::MODES,
							// A default rather than `required`: core checks required arguments before the
							// permission callback, and a stranger must get 401/403, not a hint about the form.
							'default'     => 'reindex',
						),
					),
				),
			)
		);
		foreach ( array( 'step', 'resume', 'cancel' ) as $action ) {
			register_rest_route(
				self::NAMESPACE,
				$this->base() . '/' . $action,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, $action ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(),
				)
			);
		}
	}

	/**
	 * The job's state and both document counts.
	 *
	 * @return WP_REST_Response
	 */
	public function get_status(): WP_REST_Response {
		$index = $this->sync->index_count();

		return self::respond(
			array(
				'job'         => $this->sync->state(),
				'busy'        => false,
				'published'   => $this->sync->published_count(),
				'index'       => $index instanceof WP_Error ? null : $index,
				'index_error' => $index instanceof WP_Error ? $index->get_error_message() : null,
			)
		);
	}

	/**
	 * Starts a job.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function start( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$mode  = $request->get_param( 'mode' );
		$state = $this->sync->start( is_string( $mode ) ? $mode : '' );

		return $state instanceof WP_Error ? $state : self::job( $state, false, 201 );
	}

	/**
	 * Runs one step.
	 *
	 * @return WP_REST_Response|WP_Error
	 */
	public function step(): WP_REST_Response|WP_Error {
		$result = $this->sync->step();

		return $result instanceof WP_Error ? $result : self::job( $result['state'], $result['busy'] );
	}

	/**
	 * Resumes a failed job.
	 *
	 * @return WP_REST_Response|WP_Error
	 */
	public function resume(): WP_REST_Response|WP_Error {
		$state = $this->sync->resume();

		return $state instanceof WP_Error ? $state : self::job( $state, false );
	}

	/**
	 * Cancels the job.
	 *
	 * @return WP_REST_Response|WP_Error
	 */
	public function cancel(): WP_REST_Response|WP_Error {
		$state = $this->sync->cancel();

		return $state instanceof WP_Error ? $state : self::job( $state, false );
	}

	/**
	 * A response with the job's state.
	 *
	 * @param array<string, mixed> $state  State.
	 * @param bool                 $busy   Whether another driver was in a step.
	 * @param int                  $status HTTP status.
	 * @return WP_REST_Response
	 */
	private static function job( array $state, bool $busy, int $status = 200 ): WP_REST_Response {
		return self::respond(
			array(
				'job'  => $state,
				'busy' => $busy,
			),
			$status
		);
	}

	/**
	 * A response that no cache keeps.
	 *
	 * @param array<string, mixed> $data   Data.
	 * @param int                  $status HTTP status.
	 * @return WP_REST_Response
	 */
	private static function respond( array $data, int $status = 200 ): WP_REST_Response {
		$response = new WP_REST_Response( $data, $status );
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}
}
