<?php
/**
 * Tests the inbound webhook route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use ReflectionMethod;
use RuntimeException;
use Switchboard\Events\Signature;
use Switchboard\Events\WebhookController;
use WP_REST_Request;
use WP_REST_Response;

/**
 * `POST /switchboard/v1/webhooks/<service>`, dispatched through the REST server as an anonymous caller:
 * accepted once when signed by a registered service with a secret, refused otherwise with a stable code and
 * status, and never echoing a secret or a signature.
 */
final class WebhookControllerTest extends EventsTestCase {

	/**
	 * The payments service's secret in these tests.
	 */
	private const SECRET = 'b6f1c0a4e3d2984756a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b';

	/**
	 * Calls of the `switchboard_webhook` action.
	 *
	 * @var list<array<mixed>>
	 */
	private array $received = array();

	/**
	 * Calls of the `switchboard_webhook_payments` action.
	 *
	 * @var list<array<mixed>>
	 */
	private array $received_by_payments = array();

	/**
	 * Signatures sent in this test, which no response may contain.
	 *
	 * @var list<string>
	 */
	private array $sent_signatures = array();

	/**
	 * Declares `payments` (with a secret) and `feed` (without one), and listens to the actions.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->declare_services(
			array(
				'payments' => array(
					'url'        => 'http://localhost:9',
					'subscribes' => false,
				),
				'feed'     => array(
					'url'        => 'http://localhost:9',
					'subscribes' => true,
				),
			)
		);
		update_option( Signature::SECRET_OPTION_PREFIX . 'payments', self::SECRET, false );

		add_action(
			'switchboard_webhook',
			function ( ...$args ): void {
				$this->received[] = $args;
			},
			10,
			4
		);
		add_action(
			'switchboard_webhook_payments',
			function ( ...$args ): void {
				$this->received_by_payments[] = $args;
			},
			10,
			3
		);
	}

	/**
	 * A signed webhook is answered 200 with its id, and both actions fire once with its parts.
	 */
	public function test_accepts_a_signed_webhook_once(): void {
		$body     = '{"id":"evt_1","type":"payment.succeeded","data":{"payment":"pay_9","amount":1200}}';
		$response = $this->post( 'payments', $body, $this->signed( 'evt_1', $body ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'received' => true,
				'id'       => 'evt_1',
			),
			$response->get_data()
		);
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
		$this->assertSame(
			array(
				array(
					'payments',
					'payment.succeeded',
					array(
						'payment' => 'pay_9',
						'amount'  => 1200,
					),
					'evt_1',
				),
			),
			$this->received
		);
		$this->assertSame(
			array(
				array(
					'payment.succeeded',
					array(
						'payment' => 'pay_9',
						'amount'  => 1200,
					),
					'evt_1',
				),
			),
			$this->received_by_payments
		);
	}

	/**
	 * Only the path names the service: a `service` in the body changes nothing, and one in the query is
	 * refused like any parameter the route does not declare.
	 */
	public function test_the_path_alone_names_the_service(): void {
		$body = '{"type":"payment.succeeded","service":{"id":"feed"},"data":{}}';
		$send = function ( string $id, array $query ) use ( $body ): int {
			$request = new WP_REST_Request( 'POST', '/switchboard/v1/webhooks/payments' );
			$request->set_header( 'Content-Type', 'application/json' );
			foreach ( $this->signed( $id, $body ) as $name => $value ) {
				$request->set_header( $name, $value );
			}
			$request->set_query_params( $query );
			$request->set_body( $body );
			return rest_do_request( $request )->get_status();
		};

		$this->assertSame( 200, $send( 'evt_11', array() ) );
		$this->assertSame( 400, $send( 'evt_12', array( 'service' => 'feed' ) ) );
		$this->assertSame( array( array( 'payments', 'payment.succeeded', array(), 'evt_11' ) ), $this->received );
	}

	/**
	 * The same delivery again, even re-signed later, is a 409 and fires nothing.
	 */
	public function test_refuses_a_replayed_id(): void {
		$body = '{"type":"payment.refunded","data":{}}';
		$this->assertSame( 200, $this->post( 'payments', $body, $this->signed( 'evt_2', $body ) )->get_status() );

		$this->assert_error( 409, 'switchboard_webhook_replayed', $this->post( 'payments', $body, $this->signed( 'evt_2', $body ) ) );
		$this->assert_error( 409, 'switchboard_webhook_replayed', $this->post( 'payments', $body, $this->signed( 'evt_2', $body, time() + 5 ) ) );
		$this->assertCount( 1, $this->received );
		$this->assertCount( 1, $this->received_by_payments );
	}

	/**
	 * A changed body, id or timestamp, a stale timestamp and a signature made with another secret are 401s.
	 */
	public function test_refuses_tampered_stale_and_wrongly_keyed_signatures(): void {
		$body    = '{"type":"payment.succeeded","data":{"amount":1200}}';
		$headers = $this->signed( 'evt_3', $body );

		$this->assert_error( 401, 'switchboard_webhook_bad_signature', $this->post( 'payments', '{"type":"payment.succeeded","data":{"amount":1}}', $headers ) );
		$this->assert_error( 401, 'switchboard_webhook_bad_signature', $this->post( 'payments', $body, array( Signature::ID_HEADER => 'evt_4' ) + $headers ) );

		$now      = time();
		$retimed  = str_replace( 't=' . $now, 't=' . ( $now - 1 ), $this->signed( 'evt_3', $body, $now )[ Signature::HEADER ] );
		$response = $this->post( 'payments', $body, array( Signature::HEADER => $retimed ) + $headers );
		$this->assert_error( 401, 'switchboard_webhook_bad_signature', $response );

		$this->assert_error( 401, 'switchboard_webhook_stale', $this->post( 'payments', $body, $this->signed( 'evt_3', $body, time() - Signature::TOLERANCE - 10 ) ) );
		$this->assert_error( 401, 'switchboard_webhook_stale', $this->post( 'payments', $body, $this->signed( 'evt_3', $body, time() + Signature::TOLERANCE + 10 ) ) );
		$this->assert_error( 401, 'switchboard_webhook_bad_signature', $this->post( 'payments', $body, $this->signed( 'evt_3', $body, null, str_repeat( 'f', 64 ) ) ) );

		$this->assertSame( 0, $this->deliveries() );
		$this->assertSame( 200, $this->post( 'payments', $body, $headers )->get_status(), 'Refusals do not use up the id.' );
		$this->assertSame( 1, $this->deliveries() );
	}

	/**
	 * A webhook without its id or signature header is a 400.
	 */
	public function test_refuses_missing_headers(): void {
		$body    = '{"type":"payment.succeeded","data":{}}';
		$headers = $this->signed( 'evt_5', $body );

		$this->assert_error( 400, 'switchboard_webhook_missing_headers', $this->post( 'payments', $body, array() ) );
		$this->assert_error( 400, 'switchboard_webhook_missing_headers', $this->post( 'payments', $body, array( Signature::ID_HEADER => 'evt_5' ) ) );
		$this->assert_error( 400, 'switchboard_webhook_missing_headers', $this->post( 'payments', $body, array( Signature::HEADER => $headers[ Signature::HEADER ] ) ) );
		$this->assert_error( 400, 'switchboard_webhook_bad_signature', $this->post( 'payments', $body, array( Signature::HEADER => 'v1=zz' ) + $headers ) );
		$this->assertSame( array(), $this->received );
	}

	/**
	 * Undeclared services, and declared ones without a secret, get the same 404, which names no service;
	 * asking does not generate a secret.
	 */
	public function test_unknown_services_are_404(): void {
		$body = '{"type":"x.y","data":{}}';
		foreach ( array( 'nope', 'feed', 'payments-2' ) as $service ) {
			$response = $this->post( $service, $body, $this->signed( 'evt_6', $body ) );
			$this->assert_error( 404, 'switchboard_webhook_unknown_service', $response );
			$encoded = (string) wp_json_encode( $response->get_data() );
			$this->assertStringNotContainsString( 'payments', $encoded );
			$this->assertStringNotContainsString( 'feed', $encoded );
		}
		$this->assertFalse( get_option( Signature::SECRET_OPTION_PREFIX . 'feed' ), 'No secret is generated for a caller.' );
		$this->assertFalse( get_option( Signature::SECRET_OPTION_PREFIX . 'nope' ) );

		$this->assertSame( 404, $this->post( 'Payments', $body, $this->signed( 'evt_6', $body ) )->get_status(), 'The route takes lower-case ids only.' );
		$this->assertSame( array(), $this->received );
	}

	/**
	 * A body over the limit is a 413, even when it is signed.
	 */
	public function test_refuses_an_oversized_body(): void {
		$body = '{"type":"big.event","data":{"blob":"' . str_repeat( 'a', WebhookController::MAX_BODY_BYTES ) . '"}}';
		$this->assert_error( 413, 'switchboard_webhook_too_large', $this->post( 'payments', $body, $this->signed( 'evt_7', $body ) ) );

		$fits = '{"type":"big.event","data":{"blob":"' . str_repeat( 'a', WebhookController::MAX_BODY_BYTES - 40 ) . '"}}';
		$this->assertLessThanOrEqual( WebhookController::MAX_BODY_BYTES, strlen( $fits ) );
		$this->assertSame( 200, $this->post( 'payments', $fits, $this->signed( 'evt_7', $fits ) )->get_status() );
	}

	/**
	 * A body that is not a JSON object with a type and object data is a 400, and does not use up its id.
	 */
	public function test_refuses_bodies_that_are_not_an_event_object(): void {
		$bodies = array(
			'not json',
			'[1,2]',
			'"payment.succeeded"',
			'{}',
			'{"type":"Payment Succeeded"}',
			'{"type":"payment.succeeded","data":"x"}',
			'{"id":"evt_other","type":"payment.succeeded"}',
		);
		foreach ( $bodies as $body ) {
			$this->assert_error( 400, 'switchboard_webhook_bad_payload', $this->post( 'payments', $body, $this->signed( 'evt_8', $body ), 'text/plain' ), $body );
		}
		$this->assertSame( 400, $this->post( 'payments', '{"type":', $this->signed( 'evt_8', '{"type":' ) )->get_status(), 'Broken JSON sent as JSON.' );

		$valid = '{"id":"evt_8","type":"payment.succeeded"}';
		$this->assertSame( 200, $this->post( 'payments', $valid, $this->signed( 'evt_8', $valid ) )->get_status() );
		$this->assertSame( array( array( 'payments', 'payment.succeeded', array(), 'evt_8' ) ), $this->received );
	}

	/**
	 * Only POST is routed.
	 */
	public function test_other_methods_are_not_routed(): void {
		foreach ( array( 'GET', 'PUT', 'DELETE' ) as $method ) {
			$request  = new WP_REST_Request( $method, '/switchboard/v1/webhooks/payments' );
			$response = rest_do_request( $request );
			$this->assertContains( $response->get_status(), array( 404, 405 ), $method );
		}

		$routes = rest_get_server()->get_routes( 'switchboard/v1' );
		$route  = '/switchboard/v1' . WebhookController::ROUTE;
		$this->assertArrayHasKey( $route, $routes );
		$this->assertIsArray( $routes[ $route ] );
		$handler = $routes[ $route ][0];
		$this->assertIsArray( $handler );
		$this->assertSame( array( 'POST' => true ), $handler['methods'] );
		$this->assertIsArray( $handler['permission_callback'] );
		$this->assertInstanceOf( WebhookController::class, $handler['permission_callback'][0] );
	}

	/**
	 * Services are not users: a logged-in visitor's cookie without a nonce does not block the route, and
	 * being logged in grants nothing without a signature.
	 */
	public function test_is_not_blocked_or_opened_by_cookie_authentication(): void {
		$body = '{"type":"payment.succeeded"}';

		$this->log_in_as( 'administrator' );
		$this->assert_error( 400, 'switchboard_webhook_missing_headers', $this->post( 'payments', $body, array() ) );
		$this->assert_error( 401, 'switchboard_webhook_bad_signature', $this->post( 'payments', $body, $this->signed( 'evt_9', $body, null, str_repeat( '0', 64 ) ) ) );

		// A browser-style request: WordPress's cookie check runs and, without a nonce, makes it anonymous.
		$GLOBALS['wp_rest_auth_cookie'] = true;
		try {
			$this->assertTrue( rest_get_server()->check_authentication() );
		} finally {
			unset( $GLOBALS['wp_rest_auth_cookie'] );
		}
		$this->assertSame( 0, get_current_user_id() );
		$this->assertSame( 200, $this->post( 'payments', $body, $this->signed( 'evt_9', $body ) )->get_status() );
	}

	/**
	 * A listener that fails makes a 500 and leaves the id unused, so the service's retry is accepted once.
	 */
	public function test_a_failing_listener_lets_the_service_retry(): void {
		$body  = '{"type":"payment.succeeded"}';
		$throw = static function (): void {
			throw new RuntimeException( 'database is down at /srv/secret/path' );
		};
		add_action( 'switchboard_webhook_payments', $throw );

		$response = $this->post( 'payments', $body, $this->signed( 'evt_10', $body ) );
		$this->assert_error( 500, 'switchboard_webhook_failed', $response );
		$this->assertStringNotContainsString( '/srv/secret', (string) wp_json_encode( $response->get_data() ) );

		remove_action( 'switchboard_webhook_payments', $throw );
		$this->assertSame( 200, $this->post( 'payments', $body, $this->signed( 'evt_10', $body ) )->get_status() );
		$this->assert_error( 409, 'switchboard_webhook_replayed', $this->post( 'payments', $body, $this->signed( 'evt_10', $body ) ) );
	}

	/**
	 * Signatures are compared in constant time, whichever of several matches.
	 */
	public function test_signatures_are_compared_in_constant_time(): void {
		$method = new ReflectionMethod( Signature::class, 'verify' );
		$file   = file( (string) $method->getFileName() );
		$this->assertIsArray( $file );
		$source = implode( '', array_slice( $file, (int) $method->getStartLine() - 1, (int) $method->getEndLine() - (int) $method->getStartLine() + 1 ) );

		$this->assertStringContainsString( 'hash_equals( $expected, $signature )', $source );
		$this->assertDoesNotMatchRegularExpression( '/\$(expected|signature)\s*[!=]==?|[!=]==?\s*\$(expected|signature)\b|strcmp|break/', $source );
	}

	/**
	 * How many times `switchboard_webhook` fired so far.
	 *
	 * @phpstan-impure
	 * @return int
	 */
	private function deliveries(): int {
		return count( $this->received );
	}

	/**
	 * Dispatches a POST as the REST server would, and checks that no secret or signature is in the answer.
	 *
	 * @param string                $service      Service id in the route.
	 * @param string                $body         Raw body.
	 * @param array<string, string> $headers      Headers.
	 * @param string                $content_type Content type.
	 * @return WP_REST_Response
	 */
	private function post( string $service, string $body, array $headers, string $content_type = 'application/json' ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/switchboard/v1/webhooks/' . $service );
		$request->set_header( 'Content-Type', $content_type );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_body( $body );
		$response = rest_do_request( $request );

		$answer = (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ) . (string) wp_json_encode( $response->get_headers() );
		$this->assertStringNotContainsString( self::SECRET, $answer );
		foreach ( $this->sent_signatures as $signature ) {
			$this->assertStringNotContainsString( $signature, $answer );
		}

		return $response;
	}

	/**
	 * Headers that sign a body as the payments service would.
	 *
	 * @param string      $id     Event id.
	 * @param string      $body   Body.
	 * @param int|null    $at     Timestamp; now when null.
	 * @param string|null $secret Secret; the payments service's when null.
	 * @return array<string, string>
	 */
	private function signed( string $id, string $body, ?int $at = null, ?string $secret = null ): array {
		$at                      = $at ?? time();
		$signature               = Signature::compute( $secret ?? self::SECRET, $id, $at, $body );
		$this->sent_signatures[] = $signature;

		return array(
			Signature::ID_HEADER => $id,
			Signature::HEADER    => 't=' . $at . ',v1=' . $signature,
		);
	}

	/**
	 * Asserts an error response in the gateway's shape.
	 *
	 * @param int              $status   Expected status.
	 * @param string           $code     Expected code.
	 * @param WP_REST_Response $response Response.
	 * @param string           $message  Assertion message.
	 */
	private function assert_error( int $status, string $code, WP_REST_Response $response, string $message = '' ): void {
		$data = $response->get_data();
		$this->assertSame( $status, $response->get_status(), $message . ' ' . wp_json_encode( $data ) );
		$this->assertIsArray( $data, $message );
		$this->assertSame( array( 'code', 'message', 'data' ), array_keys( $data ), $message );
		$this->assertSame( $code, $data['code'], $message );
		$this->assertSame( array( 'status' => $status ), $data['data'], $message );
	}
}
