<?php
/**
 * The inbound webhook route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Module;
use Throwable;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Receives signed webhooks from services at `POST /switchboard/v1/webhooks/<service>`.
 *
 * Services are not WordPress users, so the route is public and its permission is the signature: the service
 * must be registered and have a webhook secret, the raw body must be a JSON object of at most MAX_BODY_BYTES,
 * and Signature::verify() must accept the `Switchboard-Event-Id` and `Switchboard-Signature` headers over the
 * exact body (which also refuses a replayed id with 409). A verified webhook fires `switchboard_webhook`
 * and `switchboard_webhook_<service>`. Errors carry only a stable code, a message and `data.status`;
 * neither the secret nor a signature ever appears in a response.
 */
final class WebhookController implements Module {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * Route, under the namespace.
	 */
	public const ROUTE = '/webhooks/(?P<service>[a-z0-9-]+)';

	/**
	 * Largest accepted body, in bytes.
	 */
	public const MAX_BODY_BYTES = 262144;

	/**
	 * Shape of an event type, e.g. `payment.succeeded`.
	 */
	private const TYPE_PATTERN = '/^[a-z0-9][a-z0-9_.-]{0,63}$/D';

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceRegistry $registry  Which services exist.
	 * @param Signature       $signature Verifies each webhook and remembers its id.
	 */
	public function __construct(
		private readonly ServiceRegistry $registry,
		private readonly Signature $signature
	) {
	}

	/**
	 * Registers the route when the REST API starts.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the route (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'              => WP_REST_Server::CREATABLE,
				'callback'             => array( $this, 'receive' ),
				// Public on purpose: the caller is a service, and its signature is the permission.
				'permission_callback'  => array( $this, 'authorize' ),
				// No arguments: the service id is taken from the path only (the registry decides which ids exist),
				// and nothing from the body is read as a parameter before the signature over it is checked.
				'args'                 => array(),
				// The body is signed bytes, not parameters: NamespaceGuard leaves it to the signature check.
				'switchboard_raw_body' => true,
			)
		);
	}

	/**
	 * The permission: a known service with a secret, a well-formed body, and a valid, fresh, unseen signature.
	 *
	 * @param WP_REST_Request<array<string, mixed>> $request Request.
	 * @return true|WP_Error 404 unknown service, 400 missing headers or not a JSON object, 413 too large,
	 *                       401 bad or stale signature, 409 replay.
	 */
	public function authorize( WP_REST_Request $request ): bool|WP_Error {
		$service_id = self::service_id( $request );
		$service    = '' === $service_id ? null : $this->registry->get( $service_id );
		if ( null === $service || ! $this->signature->has_secret( $service->id ) ) {
			// One answer for "not declared" and "no secret": callers learn nothing about the configuration.
			return self::error( 'switchboard_webhook_unknown_service', __( 'No service receives webhooks here.', 'switchboard' ), 404 );
		}

		$id     = self::header( $request, Signature::ID_HEADER );
		$header = self::header( $request, Signature::HEADER );
		if ( '' === $id || '' === $header ) {
			return self::error( 'switchboard_webhook_missing_headers', __( 'The webhook is not signed.', 'switchboard' ), 400 );
		}

		$body = $request->get_body();
		if ( strlen( $body ) > self::MAX_BODY_BYTES ) {
			return self::error( 'switchboard_webhook_too_large', __( 'The webhook body is too large.', 'switchboard' ), 413 );
		}
		// Checked before the signature, so that a malformed delivery does not use up its id.
		$event = self::parse( $body, $id );
		if ( $event instanceof WP_Error ) {
			return $event;
		}

		return $this->signature->verify( $service->id, $id, $header, $body );
	}

	/**
	 * Hands a verified webhook to its listeners.
	 *
	 * @param WP_REST_Request<array<string, mixed>> $request Request (authorize() accepted it).
	 * @return WP_REST_Response|WP_Error
	 */
	public function receive( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$service_id = self::service_id( $request );
		$id         = self::header( $request, Signature::ID_HEADER );
		$event      = self::parse( $request->get_body(), $id );
		if ( $event instanceof WP_Error ) {
			return $event;
		}

		try {
			/**
			 * Fires for every verified webhook, once per event id.
			 *
			 * @param string       $service_id Service that sent it.
			 * @param string       $event_type Its `type`, e.g. `payment.succeeded`.
			 * @param array<mixed> $payload    Its `data` (an empty array when absent).
			 * @param string       $event_id   Its id (the Switchboard-Event-Id header).
			 */
			do_action( 'switchboard_webhook', $service_id, $event['type'], $event['data'], $id );

			/**
			 * Fires for every verified webhook of one service, once per event id, after `switchboard_webhook`.
			 *
			 * @param string       $event_type Its `type`.
			 * @param array<mixed> $payload    Its `data`.
			 * @param string       $event_id   Its id.
			 */
			do_action( "switchboard_webhook_{$service_id}", $event['type'], $event['data'], $id );
		} catch ( Throwable $failure ) {
			// Not processed, so not remembered: the service's retry of this id will be accepted.
			$this->signature->forget( $service_id, $id );
			return self::error( 'switchboard_webhook_failed', __( 'The webhook could not be processed; send it again.', 'switchboard' ), 500 );
		}

		$response = new WP_REST_Response(
			array(
				'received' => true,
				'id'       => $id,
			),
			200
		);
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * The type and data of a body, or why it is refused.
	 *
	 * @param string $body Raw body.
	 * @param string $id   Event id from the header; a body `id`, when present, must be the same.
	 * @return array{type: string, data: array<mixed>}|WP_Error
	 */
	private static function parse( string $body, string $id ): array|WP_Error {
		// Only an object: `[]`, `"x"` or `1` decode too, but are not an event.
		$decoded = str_starts_with( ltrim( $body ), '{' ) ? json_decode( $body, true ) : null;
		if ( ! is_array( $decoded ) ) {
			return self::error( 'switchboard_webhook_bad_payload', __( 'The webhook body must be a JSON object.', 'switchboard' ), 400 );
		}

		$type = $decoded['type'] ?? null;
		$data = $decoded['data'] ?? array();
		if ( ! is_string( $type ) || 1 !== preg_match( self::TYPE_PATTERN, $type ) || ! is_array( $data ) || ( isset( $decoded['id'] ) && $decoded['id'] !== $id ) ) {
			return self::error( 'switchboard_webhook_bad_payload', __( 'The webhook needs a valid type, object data and its own id.', 'switchboard' ), 400 );
		}

		return array(
			'type' => $type,
			'data' => $data,
		);
	}

	/**
	 * The service id from the route.
	 *
	 * @param WP_REST_Request<array<string, mixed>> $request Request.
	 * @return string
	 */
	private static function service_id( WP_REST_Request $request ): string {
		$service = $request->get_url_params()['service'] ?? '';

		return is_string( $service ) ? $service : '';
	}

	/**
	 * A header's value, trimmed, or ''.
	 *
	 * @param WP_REST_Request<array<string, mixed>> $request Request.
	 * @param string                                $name    Header name.
	 * @return string
	 */
	private static function header( WP_REST_Request $request, string $name ): string {
		return trim( (string) $request->get_header( $name ) );
	}

	/**
	 * An error in the gateway's shape: code, message, and only a status as data.
	 *
	 * @param string $code    Stable code.
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 * @return WP_Error
	 */
	private static function error( string $code, string $message, int $status ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => $status ) );
	}
}
