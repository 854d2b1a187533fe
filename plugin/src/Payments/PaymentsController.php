<?php
/**
 * The payment routes of the gateway.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use Switchboard\Gateway\Access;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\RateLimit\ClientIp;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\RateLimit\RateLimiter;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Module;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * `switchboard/v1` routes that need WordPress's own logic before the payment service is called:
 *
 * - `POST /payments` (any visitor, nonce, same-site origin, rate-limited per client): starts or resumes a
 *   payment. The price comes from the saved block (BlockPrice); the browser only says which block and which of
 *   its amounts. The visitor's attempt key is the service's idempotency key, so double clicks, retries and
 *   reloads resume the same payment. After repeated declines the client must solve a proof of work first
 *   (CardTestingGuard): a 428 carries the challenge.
 * - `GET /payments/status?id=&attempt=`: a payment's state, re-read from Stripe by the service while it is
 *   open; only for whoever holds the attempt key.
 * - `GET /payments/currencies`, `POST /payments/validate` (editors): the currency table and a block's problems.
 * - `GET /payments` and `POST /payments/refund` (administrators): WordPress's record, and refunds.
 */
final class PaymentsController implements Module {

	/**
	 * Shape of an attempt key (and of a refund key).
	 */
	public const KEY_PATTERN = '^[A-Za-z0-9_-]{16,64}$';

	/**
	 * Payments a client may start per window (the `switchboard_payment_start_limit` filter may change it).
	 */
	public const START_LIMIT = 20;

	/**
	 * The start limit's window, in seconds.
	 */
	public const START_WINDOW = 600;

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceRegistry  $registry Registered services.
	 * @param ServiceClient    $client   Calls the payment service (token, timeouts, circuit breaker).
	 * @param RateLimiter      $limiter  The gateway's rate limiter.
	 * @param ClientIp         $ips      Resolves the client's address.
	 * @param CardTestingGuard $guard    Counts declines and issues challenges.
	 * @param PaymentStore     $store    WordPress's record of payments.
	 */
	public function __construct(
		private readonly ServiceRegistry $registry,
		private readonly ServiceClient $client,
		private readonly RateLimiter $limiter,
		private readonly ClientIp $ips,
		private readonly CardTestingGuard $guard,
		private readonly PaymentStore $store
	) {
	}

	/**
	 * Registers the routes when the REST API starts.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$key = array(
			'type'     => 'string',
			'pattern'  => self::KEY_PATTERN,
			'required' => true,
		);
		$id  = array(
			'description' => __( 'Payment id.', 'switchboard' ),
			'type'        => 'string',
			'pattern'     => '^pay_[A-Za-z0-9]{8,48}$',
			'required'    => true,
		);

		register_rest_route(
			ProxyController::NAMESPACE,
			'/payments',
			array(
				array(
					'methods'             => 'POST',
					'callback'            => array( $this, 'start' ),
					'permission_callback' => array( Access::class, 'check_visitor_write' ),
					'args'                => array(
						'post_id'   => array(
							'description' => __( 'The post holding the payment block.', 'switchboard' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'required'    => true,
						),
						'block_id'  => array(
							'description' => __( 'The payment block’s id.', 'switchboard' ),
							'type'        => 'string',
							'pattern'     => '^[A-Za-z0-9_-]{1,64}$',
							'required'    => true,
						),
						'amount'    => array(
							'description' => __( 'The chosen amount, in the currency’s smallest unit.', 'switchboard' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => Currency::MAXIMUM,
							'required'    => true,
						),
						'attempt'   => array( 'description' => __( 'The payment attempt’s key, made by the browser.', 'switchboard' ) ) + $key,
						'email'     => array(
							'description' => __( 'Where to send the receipt.', 'switchboard' ),
							'type'        => 'string',
							'format'      => 'email',
							'maxLength'   => 254,
						),
						'challenge' => array(
							'description'          => __( 'A solved proof of work, when one was asked for.', 'switchboard' ),
							'type'                 => 'object',
							'properties'           => array(
								'token'    => array(
									'type'      => 'string',
									'maxLength' => 400,
									'required'  => true,
								),
								'solution' => array(
									'type'     => 'string',
									'pattern'  => '^[0-9]{1,12}$',
									'required' => true,
								),
							),
							'additionalProperties' => false,
						),
					),
				),
				array(
					'methods'             => 'GET',
					'callback'            => array( $this, 'list' ),
					'permission_callback' => array( Access::class, 'check_admin' ),
					'args'                => array(
						'status'   => array(
							'type' => 'string',
							'enum' => PaymentStore::STATUSES,
						),
						'page'     => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 100000,
							'default' => 1,
						),
						'per_page' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 100,
							'default' => 20,
						),
						'search'   => array(
							'type'      => 'string',
							'maxLength' => 100,
						),
					),
				),
			)
		);

		register_rest_route(
			ProxyController::NAMESPACE,
			'/payments/status',
			array(
				'methods'             => 'GET',
				'callback'            => array( $this, 'status' ),
				// The attempt key, which only the browser that made the payment has, is the permission.
				'permission_callback' => '__return_true',
				'args'                => array(
					'id'      => $id,
					'attempt' => $key,
				),
			)
		);

		register_rest_route(
			ProxyController::NAMESPACE,
			'/payments/refund',
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'refund' ),
				'permission_callback' => array( Access::class, 'check_admin' ),
				'args'                => array(
					'id'     => $id,
					'key'    => array( 'description' => __( 'The refund’s idempotency key.', 'switchboard' ) ) + $key,
					'amount' => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => Currency::MAXIMUM,
					),
					'reason' => array(
						'type' => 'string',
						'enum' => array( 'requested_by_customer', 'duplicate', 'fraudulent' ),
					),
				),
			)
		);

		register_rest_route(
			ProxyController::NAMESPACE,
			'/payments/currencies',
			array(
				'methods'             => 'GET',
				'callback'            => static fn(): WP_REST_Response => new WP_REST_Response( array( 'currencies' => array_values( Currency::supported() ) ) ),
				'permission_callback' => array( Access::class, 'check_editor' ),
				'args'                => array(),
			)
		);

		register_rest_route(
			ProxyController::NAMESPACE,
			'/payments/validate',
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'validate' ),
				'permission_callback' => array( Access::class, 'check_editor' ),
				'args'                => array(
					'attributes' => array(
						'description'          => __( 'The block’s price settings.', 'switchboard' ),
						'type'                 => 'object',
						'required'             => true,
						'properties'           => array(
							'currency'          => array(
								'type'      => 'string',
								'maxLength' => 3,
							),
							'amounts'           => array(
								'type'     => 'array',
								'maxItems' => 20,
								'items'    => array(
									'type'    => 'integer',
									'minimum' => 0,
								),
							),
							'allowCustomAmount' => array( 'type' => 'boolean' ),
							'minAmount'         => array(
								'type'    => 'integer',
								'minimum' => 0,
							),
							'maxAmount'         => array(
								'type'    => 'integer',
								'minimum' => 0,
							),
						),
						'additionalProperties' => false,
					),
				),
			)
		);
	}

	/**
	 * `POST /payments`: starts or resumes a payment.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array{post_id: int, block_id: string, amount: int, attempt: string, email?: string, challenge?: array{token: string, solution: string}}> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function start( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$bucket   = $this->bucket( 'payments/start' );
		$decision = $this->limiter->consume( $bucket, Policy::per( self::start_limit(), self::START_WINDOW ) );
		if ( ! $decision->allowed ) {
			return $decision->error();
		}

		$client = $this->bucket( 'payments' );
		if ( $this->guard->requires_challenge( $client ) ) {
			$challenge = $request->get_param( 'challenge' );
			$solved    = is_array( $challenge ) && $this->guard->verify( $challenge['token'], $challenge['solution'] );
			if ( ! $solved ) {
				return new WP_Error(
					'switchboard_payment_challenge_required',
					__( 'Please wait a moment while we check your browser.', 'switchboard' ),
					array(
						'status'    => 428,
						'challenge' => $this->guard->issue(),
					)
				);
			}
		}

		$price = BlockPrice::resolve( (int) $request->get_param( 'post_id' ), (string) $request->get_param( 'block_id' ), (int) $request->get_param( 'amount' ) );
		if ( $price instanceof WP_Error ) {
			return $price;
		}
		$config = PaymentConfig::current();
		$return = add_query_arg( 'switchboard_block', rawurlencode( $price['block_id'] ), (string) get_permalink( $price['post_id'] ) );
		$body   = array(
			'attemptKey'  => (string) $request->get_param( 'attempt' ),
			'amount'      => $price['amount'],
			'currency'    => $price['currency'],
			'description' => $price['description'],
			'reference'   => array(
				'postId'  => $price['post_id'],
				'blockId' => $price['block_id'],
			),
			'returnUrl'   => $return,
		);
		$email  = $request->get_param( 'email' );
		if ( is_string( $email ) && '' !== $email ) {
			$body['email'] = $email;
		}

		$answer = $this->call( 'POST', '/v1/payments', $body );
		if ( $answer instanceof WP_Error ) {
			return $this->visitor_error( $answer );
		}
		$payment = Payment::from_array( $answer['payment'] ?? null );
		if ( null === $payment || null === $config ) {
			return self::unavailable();
		}

		$response = new WP_REST_Response(
			array(
				'payment'         => $payment->for_visitor(),
				'client_secret'   => is_string( $answer['clientSecret'] ?? null ) ? $answer['clientSecret'] : null,
				'publishable_key' => $config['publishable_key'],
				'stripe_js_url'   => $config['stripe_js_url'],
				// Where a bank's redirect comes back to: the block finds its payment again by this id.
				'return_url'      => add_query_arg( 'switchboard_payment', $payment->id, $return ),
			)
		);
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * `GET /payments/status`: where a payment stands, for the browser that made it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array{id: string, attempt: string}> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function status( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$decision = $this->limiter->consume( $this->bucket( 'payments/status' ), Policy::per( 120, 60 ) );
		if ( ! $decision->allowed ) {
			return $decision->error();
		}

		$id     = (string) $request->get_param( 'id' );
		$answer = $this->call( 'GET', '/v1/payments/' . $id, null, array( 'refresh' => '1' ) );
		if ( $answer instanceof WP_Error ) {
			return 404 === self::status_of( $answer ) ? self::not_found() : $this->visitor_error( $answer );
		}
		$data    = is_array( $answer['payment'] ?? null ) ? $answer['payment'] : array();
		$payment = Payment::from_array( $data );
		$attempt = $data['attemptKey'] ?? null;
		if ( null === $payment || ! is_string( $attempt ) || ! hash_equals( $attempt, (string) $request->get_param( 'attempt' ) ) ) {
			// The same answer as an unknown id: a wrong key learns nothing.
			return self::not_found();
		}

		if ( '' !== $payment->error_code && ! $payment->is_final() ) {
			$this->guard->record_failure( $this->bucket( 'payments' ), $payment->id, $payment->error_code . '|' . $payment->updated_at );
		}

		$redirect = null;
		if ( 'succeeded' === $payment->status ) {
			$attributes = BlockPrice::find( $payment->post_id, $payment->block_id );
			$url        = is_array( $attributes ) && is_string( $attributes['redirectUrl'] ?? null ) ? $attributes['redirectUrl'] : '';
			$redirect   = '' !== $url && wp_http_validate_url( $url ) ? esc_url_raw( $url ) : null;
		}

		$response = new WP_REST_Response(
			array(
				'payment'      => $payment->for_visitor(),
				'redirect_url' => $redirect,
			)
		);
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * `GET /payments`: WordPress's record, for administrators.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array{status?: string, page: int, per_page: int, search?: string}> $request
	 * @return WP_REST_Response
	 */
	public function list( WP_REST_Request $request ): WP_REST_Response {
		$status   = $request->get_param( 'status' );
		$search   = $request->get_param( 'search' );
		$per_page = (int) $request->get_param( 'per_page' );
		$page     = $this->store->page( is_string( $status ) ? $status : null, (int) $request->get_param( 'page' ), $per_page, 'created_at', 'desc', is_string( $search ) ? $search : '' );

		$response = new WP_REST_Response( array( 'payments' => array_map( static fn( PaymentRecord $row ): array => $row->to_array(), $page['rows'] ) ) );
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $page['total'] / max( 1, $per_page ) ) );

		return $response;
	}

	/**
	 * `POST /payments/refund`: refunds a payment, in full or in part.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array{id: string, key: string, amount?: int, reason?: string}> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function refund( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$result = $this->refund_payment( (string) $request->get_param( 'id' ), (string) $request->get_param( 'key' ), $request->get_param( 'amount' ), $request->get_param( 'reason' ) );

		return $result instanceof WP_Error ? $result : new WP_REST_Response( $result );
	}

	/**
	 * Asks the payment service for a refund (the Payments screen uses this too).
	 *
	 * @param string $id     Payment id.
	 * @param string $key    Idempotency key: the same key never refunds twice.
	 * @param mixed  $amount Amount in minor units, or null for the rest.
	 * @param mixed  $reason Stripe's reason, or null.
	 * @return array{payment: array<string, mixed>, refund: array<string, mixed>}|WP_Error
	 */
	public function refund_payment( string $id, string $key, mixed $amount, mixed $reason ): array|WP_Error {
		$body = array( 'refundKey' => $key );
		if ( is_int( $amount ) ) {
			$body['amount'] = $amount;
		}
		if ( is_string( $reason ) && '' !== $reason ) {
			$body['reason'] = $reason;
		}
		$answer = $this->call( 'POST', '/v1/payments/' . $id . '/refunds', $body );
		if ( $answer instanceof WP_Error ) {
			return $answer;
		}
		$payment = Payment::from_array( $answer['payment'] ?? null );
		$refund  = is_array( $answer['refund'] ?? null ) ? $answer['refund'] : null;
		if ( null === $payment || null === $refund ) {
			return self::unavailable();
		}

		return array(
			'payment' => $payment->for_visitor() + array( 'amount_refunded' => $payment->amount_refunded ),
			'refund'  => array(
				'id'     => is_string( $refund['id'] ?? null ) ? $refund['id'] : '',
				'amount' => is_int( $refund['amount'] ?? null ) ? $refund['amount'] : 0,
				'status' => is_string( $refund['status'] ?? null ) ? $refund['status'] : '',
			),
		);
	}

	/**
	 * `POST /payments/validate`: a block's problems, for the editor's inspector.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array{attributes: array<string, mixed>}> $request
	 * @return WP_REST_Response
	 */
	public function validate( WP_REST_Request $request ): WP_REST_Response {
		$attributes = $request->get_param( 'attributes' );

		return new WP_REST_Response( array( 'problems' => BlockPrice::validate_attributes( is_array( $attributes ) ? $attributes : array() ) ) );
	}

	/**
	 * Calls the payment service.
	 *
	 * @param string                $method HTTP method.
	 * @param string                $path   Path on the service.
	 * @param array<mixed>|null     $body   JSON body.
	 * @param array<string, string> $query  Query arguments.
	 * @return array<mixed>|WP_Error
	 */
	private function call( string $method, string $path, ?array $body, array $query = array() ): array|WP_Error {
		$service = $this->registry->get( 'payments' );
		if ( null === $service ) {
			return self::unavailable();
		}

		return $this->client->request( $service, $method, $path, $query, $body );
	}

	/**
	 * Payments a client may start per START_WINDOW seconds: START_LIMIT, or what the
	 * `switchboard_payment_start_limit` filter says (1 to 1,000; a site behind one shared address may want more).
	 *
	 * @return int
	 */
	private static function start_limit(): int {
		$limit = apply_filters( 'switchboard_payment_start_limit', self::START_LIMIT );

		return is_int( $limit ) ? max( 1, min( 1000, $limit ) ) : self::START_LIMIT;
	}

	/**
	 * The client's rate-limit bucket for a purpose.
	 *
	 * @param string $purpose E.g. `payments/start`.
	 * @return string
	 */
	private function bucket( string $purpose ): string {
		return ProxyController::bucket_key( $purpose, $this->ips->resolve( $_SERVER ) );
	}

	/**
	 * A service error in words for the visitor; the details stay in the gateway's metrics and logs.
	 *
	 * @param WP_Error $error The service client's error.
	 * @return WP_Error
	 */
	private function visitor_error( WP_Error $error ): WP_Error {
		$status = self::status_of( $error );
		if ( 'idempotency_conflict' === $error->get_error_code() ) {
			return new WP_Error( 'switchboard_payment_conflict', __( 'This payment was started with another amount. Please try again.', 'switchboard' ), array( 'status' => 409 ) );
		}
		if ( 400 === $status || 422 === $status ) {
			return new WP_Error( 'switchboard_payment_invalid', __( 'This payment could not be started. Check the amount and try again.', 'switchboard' ), array( 'status' => 400 ) );
		}
		if ( 429 === $status ) {
			return new WP_Error( 'switchboard_rate_limited', __( 'Too many attempts. Please wait a moment and try again.', 'switchboard' ), array( 'status' => 429 ) );
		}

		return self::unavailable();
	}

	/**
	 * The HTTP status an error carries (502 when it names none).
	 *
	 * @param WP_Error $error Error.
	 * @return int
	 */
	private static function status_of( WP_Error $error ): int {
		$data = $error->get_error_data();

		return is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 502;
	}

	/**
	 * Payments cannot be taken right now.
	 *
	 * @return WP_Error
	 */
	private static function unavailable(): WP_Error {
		return new WP_Error( 'switchboard_payment_unavailable', __( 'Payments are unavailable right now. Nothing was charged; please try again in a few minutes.', 'switchboard' ), array( 'status' => 503 ) );
	}

	/**
	 * No such payment (for this key).
	 *
	 * @return WP_Error
	 */
	private static function not_found(): WP_Error {
		return new WP_Error( 'switchboard_payment_not_found', __( 'No such payment.', 'switchboard' ), array( 'status' => 404 ) );
	}
}
