<?php
/**
 * The outbox routes of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\Outbox;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `GET switchboard/v1/admin/outbox`: a page of dead letters and of events being retried, newest first, with
 * the counts per status. `POST switchboard/v1/admin/outbox/<id>/replay`: makes a dead event pending again and
 * kicks the dispatcher when the request ends.
 *
 * Rows are listed by id, service, type, status, attempts, last error (a stable code) and times; an event's
 * payload never leaves.
 */
final class OutboxController {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * Which rows the list shows.
	 */
	public const KINDS = array( 'all', Outbox::DEAD, 'retrying' );

	/**
	 * Stores the collaborators.
	 *
	 * @param Outbox               $outbox  The events outbox.
	 * @param DispatchTrigger|null $trigger Kicks a dispatcher run after a replay; none when null.
	 */
	public function __construct(
		private readonly Outbox $outbox,
		private readonly ?DispatchTrigger $trigger = null
	) {
	}

	/**
	 * Registers the routes (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/admin/outbox',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_failures' ),
				'permission_callback' => array( Permission::class, 'check' ),
				'args'                => array(
					'kind'     => array(
						'description' => __( 'Dead letters, events being retried, or both.', 'switchboard' ),
						'type'        => 'string',
						'enum'        => self::KINDS,
						'default'     => 'all',
					),
					'page'     => array(
						'description' => __( 'Page of the list, from 1.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 100000,
						'default'     => 1,
					),
					'per_page' => array(
						'description' => __( 'Rows per page.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 100,
						'default'     => 20,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/admin/outbox/(?P<id>\d+)/replay',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'replay' ),
				'permission_callback' => array( Permission::class, 'check' ),
				'args'                => array(
					'id' => array(
						'description' => __( 'Outbox row id.', 'switchboard' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'required'    => true,
					),
				),
			)
		);
	}

	/**
	 * A page of failed events.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 * @return WP_REST_Response
	 */
	public function get_failures( WP_REST_Request $request ): WP_REST_Response {
		$kind     = is_string( $request->get_param( 'kind' ) ) ? $request->get_param( 'kind' ) : 'all';
		$page     = max( 1, self::int_param( $request->get_param( 'page' ), 1 ) );
		$per_page = max( 1, min( 100, self::int_param( $request->get_param( 'per_page' ), 20 ) ) );
		$total    = $this->outbox->count_failures( $kind );

		$items = array();
		foreach ( $this->outbox->failures( $kind, $per_page, ( $page - 1 ) * $per_page ) as $row ) {
			$items[] = array(
				'id'              => $row['id'],
				'service'         => $row['service'],
				'type'            => $row['type'],
				'status'          => $row['status'],
				'attempts'        => $row['attempts'],
				'last_error'      => $row['last_error'],
				'created_at'      => $row['created_at'],
				'next_attempt_at' => Outbox::DEAD === $row['status'] ? null : $row['next_attempt_at'],
			);
		}

		$response = new WP_REST_Response(
			array(
				'items'       => $items,
				'total'       => $total,
				'total_pages' => (int) ceil( $total / $per_page ),
				'page'        => $page,
				'per_page'    => $per_page,
				'counts'      => $this->outbox->counts(),
			),
			200
		);
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $total / $per_page ) );
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * Makes a dead event pending again.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function replay( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$id  = self::int_param( $request->get_param( 'id' ), 0 );
		$row = $id > 0 ? $this->outbox->get( $id ) : null;
		if ( null === $row ) {
			return new WP_Error( 'switchboard_outbox_not_found', __( 'There is no outbox event with this id.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( ! $this->outbox->replay( $id, time() ) ) {
			return new WP_Error( 'switchboard_outbox_not_dead', __( 'Only a dead event can be replayed.', 'switchboard' ), array( 'status' => 409 ) );
		}
		$this->trigger?->kick_after_request();

		return new WP_REST_Response(
			array(
				'id'       => $id,
				'replayed' => true,
			),
			200
		);
	}

	/**
	 * A request parameter as an integer.
	 *
	 * @param mixed $value    Value.
	 * @param int   $fallback When the value is not numeric.
	 * @return int
	 */
	private static function int_param( mixed $value, int $fallback ): int {
		return is_numeric( $value ) ? (int) $value : $fallback;
	}
}
