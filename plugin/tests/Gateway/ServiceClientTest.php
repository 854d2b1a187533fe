<?php
/**
 * Tests of the service client against a real local upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway;

use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\NullRequestSigner;
use Switchboard\Gateway\RequestSigner;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Gateway\TraceContext;
use Switchboard\Tests\Support\FaultServer;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * The success path, headers sent, and every failure mode, over HTTP to a fault-injecting server.
 */
final class ServiceClientTest extends TestCase {

	use UsesFaultServer;

	/**
	 * A second server that must never be reached.
	 *
	 * @var FaultServer|null
	 */
	private static ?FaultServer $bystander = null;

	/**
	 * Starts the servers.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();
		self::start_upstream();
		self::$bystander = FaultServer::start();
	}

	/**
	 * Stops the servers.
	 */
	public static function tear_down_after_class(): void {
		self::stop_upstream();
		self::bystander()->stop();
		self::$bystander = null;
		parent::tear_down_after_class();
	}

	/**
	 * Resets the servers' behaviour and logs.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		self::bystander()->reset();
		GatewayFixture::register_fault_service( self::upstream()->url() );
	}

	/**
	 * JSON is decoded, and the request carries the path, query, trace, request id and signer's headers.
	 */
	public function test_success_sends_headers_and_decodes_json(): void {
		self::upstream()->set( array( 'body' => '{"results":[{"id":7,"title":"Hello"}],"total":1}' ) );
		$signer       = new class() implements RequestSigner {
			/**
			 * Adds a bearer token.
			 *
			 * @param Service $service Service.
			 * @return array<string, string>
			 */
			public function headers_for( Service $service ): array {
				return array( 'Authorization' => 'Bearer token-for-' . $service->id );
			}
		};
		$client       = new ServiceClient( new CircuitBreaker(), new ServiceRegistry(), $signer, new TraceContext( null, null ) );
		$hooks_before = $this->http_hooks();

		$result = $client->request( $this->service(), 'GET', '/v1/search', array( 'q' => 'hello world' ), null, array( 'X-Locale' => 'en_US' ) );

		$this->assertSame(
			array(
				'results' => array(
					array(
						'id'    => 7,
						'title' => 'Hello',
					),
				),
				'total'   => 1,
			),
			$result
		);
		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'GET', $requests[0]['method'] );
		$this->assertSame( '/v1/search?q=hello%20world', $requests[0]['uri'] );
		$headers = $requests[0]['headers'];
		$this->assertMatchesRegularExpression( '/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/', $headers['traceparent'] ?? '' );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $headers['x-request-id'] ?? '' );
		$this->assertSame( 'Bearer token-for-fault', $headers['authorization'] ?? '' );
		$this->assertSame( 'application/json', $headers['accept'] ?? '' );
		$this->assertSame( 'en_US', $headers['x-locale'] ?? '' );

		$this->assertSame( $hooks_before, $this->http_hooks(), 'The host, port and curl exceptions end with the request.' );
		$this->assertFalse( wp_http_validate_url( self::upstream()->url() ), 'Other requests still refuse the private address.' );
	}

	/**
	 * A valid incoming traceparent keeps its trace id with a new span per call; a safe request id is reused.
	 */
	public function test_propagates_incoming_trace_and_request_id(): void {
		$incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
		$client   = new ServiceClient( new CircuitBreaker(), new ServiceRegistry(), new NullRequestSigner(), new TraceContext( $incoming, 'req-2026-abcdef' ) );

		$client->request( $this->service(), 'GET', '/a' );
		$client->request( $this->service(), 'GET', '/b' );

		$requests = self::upstream()->requests();
		$this->assertCount( 2, $requests );
		$spans = array();
		foreach ( $requests as $request ) {
			$parts = explode( '-', $request['headers']['traceparent'] ?? '' );
			$this->assertCount( 4, $parts );
			$this->assertSame( '4bf92f3577b34da6a3ce929d0e0e4736', $parts[1] );
			$this->assertNotSame( '00f067aa0ba902b7', $parts[2] );
			$this->assertSame( '01', $parts[3] );
			$this->assertSame( 'req-2026-abcdef', $request['headers']['x-request-id'] ?? '' );
			$spans[] = $parts[2];
		}
		$this->assertNotSame( $spans[0], $spans[1] );
	}

	/**
	 * The context is read from the incoming request's headers.
	 */
	public function test_trace_context_from_globals(): void {
		$_SERVER['HTTP_TRACEPARENT']  = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
		$_SERVER['HTTP_X_REQUEST_ID'] = 'edge-req-0001';
		try {
			$trace = TraceContext::from_globals();
		} finally {
			unset( $_SERVER['HTTP_TRACEPARENT'], $_SERVER['HTTP_X_REQUEST_ID'] );
		}

		$this->assertSame( '4bf92f3577b34da6a3ce929d0e0e4736', $trace->trace_id() );
		$this->assertStringEndsWith( '-00', $trace->next_traceparent() );
		$this->assertSame( 'edge-req-0001', $trace->request_id() );
	}

	/**
	 * HEAD succeeds without a body; an unknown method is refused before any call.
	 */
	public function test_head_and_unknown_methods(): void {
		$this->assertSame( array(), $this->client()->request( $this->service(), 'HEAD', '/v1/health' ) );
		$this->assertSame( 'HEAD', self::upstream()->requests()[0]['method'] );

		$this->assert_error( 'switchboard_gateway_invalid_method', 500, $this->client()->request( $this->service(), 'TRACE', '/v1/health' ) );
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * Malformed incoming trace headers are replaced, not forwarded.
	 *
	 * @dataProvider provide_bad_trace_headers
	 *
	 * @param string $traceparent Incoming traceparent.
	 * @param string $request_id  Incoming request id.
	 */
	public function test_replaces_invalid_trace_headers( string $traceparent, string $request_id ): void {
		$trace = new TraceContext( $traceparent, $request_id );

		$this->assertMatchesRegularExpression( '/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/', $trace->next_traceparent() );
		$this->assertStringNotContainsString( '00000000000000000000000000000000', $trace->trace_id() );
		$this->assertNotSame( $request_id, $trace->request_id() );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $trace->request_id() );
	}

	/**
	 * Bad trace headers.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function provide_bad_trace_headers(): array {
		return array(
			'zero trace id'   => array( '00-00000000000000000000000000000000-00f067aa0ba902b7-01', "id\r\nX-Evil: 1" ),
			'zero parent id'  => array( '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', 'short' ),
			'upper case'      => array( '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01', str_repeat( 'a', 200 ) ),
			'version ff'      => array( 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '<script>alert(1)</script>' ),
			'v00 with suffix' => array( '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra', 'has space 123' ),
			'garbage'         => array( 'not a traceparent', '' ),
		);
	}

	/**
	 * A JSON body is sent with its content type.
	 */
	public function test_post_sends_json_body(): void {
		$result = $this->client()->request( $this->service(), 'POST', '/v1/payments', array(), array( 'amount' => 500 ) );

		$this->assertSame( array( 'ok' => true ), $result );
		$requests = self::upstream()->requests();
		$this->assertSame( 'POST', $requests[0]['method'] );
		$this->assertSame( '{"amount":500}', $requests[0]['body'] );
		$this->assertSame( 'application/json', $requests[0]['headers']['content-type'] ?? '' );
	}

	/**
	 * A 30-second upstream answers within the timeout plus 300 ms, with a 504.
	 */
	public function test_slow_upstream_times_out_within_budget(): void {
		self::upstream()->set( array( 'latency_ms' => 30000 ) );

		$start  = microtime( true );
		$result = $this->client()->request( $this->service( 1.0 ), 'GET', '/v1/search' );
		$took   = microtime( true ) - $start;

		$this->assert_error( 'switchboard_upstream_timeout', 504, $result );
		$this->assertLessThan( 1.3, $took );
	}

	/**
	 * A body that trickles in past the budget times out too.
	 */
	public function test_slow_drip_times_out_within_budget(): void {
		self::upstream()->set(
			array(
				'body'        => '{"items":"' . str_repeat( 'x', 200 ) . '"}',
				'chunk_bytes' => 10,
				'drip_ms'     => 100,
			)
		);

		$start  = microtime( true );
		$result = $this->client()->request( $this->service( 0.5 ), 'POST', '/v1/feed' );

		$this->assert_error( 'switchboard_upstream_timeout', 504, $result );
		$this->assertLessThan( 0.8, microtime( true ) - $start );
	}

	/**
	 * Anything but the expected JSON becomes a 502 with a stable code.
	 *
	 * @dataProvider provide_bad_responses
	 *
	 * @param array<string, mixed> $behaviour Upstream behaviour.
	 * @param string               $code      Expected error code.
	 */
	public function test_bad_responses_are_502( array $behaviour, string $code ): void {
		self::upstream()->set( $behaviour );

		$result = $this->client()->request( $this->service(), 'GET', '/v1/search' );

		$this->assert_error( $code, 502, $result );
		$this->assertStringNotContainsString( 'INTERNAL', $result instanceof WP_Error ? $result->get_error_message() : '' );
	}

	/**
	 * Responses the client must refuse.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function provide_bad_responses(): array {
		$html = '<html><body><h1>500 INTERNAL error</h1><pre>stack trace /srv/app.js:12</pre></body></html>';

		return array(
			'HTML error page'             => array(
				array(
					'status'       => 500,
					'content_type' => 'text/html',
					'body'         => $html,
				),
				'switchboard_upstream_error',
			),
			'HTML page with 200'          => array(
				array(
					'content_type' => 'text/html; charset=UTF-8',
					'body'         => $html,
				),
				'switchboard_upstream_bad_content_type',
			),
			'JSON with a text type'       => array(
				array(
					'content_type' => 'text/plain',
					'body'         => '{"ok":true}',
				),
				'switchboard_upstream_bad_content_type',
			),
			'malformed JSON'              => array( array( 'body' => '{"results":[1,2,' ), 'switchboard_upstream_bad_json' ),
			'JSON scalar'                 => array( array( 'body' => '"INTERNAL"' ), 'switchboard_upstream_bad_json' ),
			'empty body'                  => array( array( 'body' => '' ), 'switchboard_upstream_bad_json' ),
			'10 MB body with a length'    => array( array( 'body_size' => 10485760 ), 'switchboard_upstream_too_large' ),
			'10 MB body without a length' => array(
				array(
					'body_size'   => 10485760,
					'send_length' => false,
				),
				'switchboard_upstream_too_large',
			),
			'body exactly at the cap'     => array( array( 'body_size' => 65536 ), 'switchboard_upstream_too_large' ),
			'401 from the service'        => array(
				array(
					'status' => 401,
					'body'   => '{"code":"bad_token","message":"INTERNAL key id 3"}',
				),
				'switchboard_upstream_rejected',
			),
		);
	}

	/**
	 * A 10 MB body is refused without being read.
	 */
	public function test_huge_body_is_not_read(): void {
		self::upstream()->set( array( 'body_size' => 10485760 ) );

		$start  = microtime( true );
		$result = $this->client()->request( $this->service(), 'POST', '/v1/feed' );

		$this->assert_error( 'switchboard_upstream_too_large', 502, $result );
		$this->assertLessThan( 0.5, microtime( true ) - $start );
	}

	/**
	 * A redirect is an error, and its target (a private address) is never requested.
	 */
	public function test_redirect_is_not_followed(): void {
		self::upstream()->set(
			array(
				'status'   => 302,
				'location' => self::bystander()->ip_url() . '/latest/meta-data',
			)
		);

		$result = $this->client()->request( $this->service(), 'GET', '/v1/search' );

		$this->assert_error( 'switchboard_upstream_redirect', 502, $result );
		$this->assertSame( 1, self::upstream()->request_count() );
		$this->assertSame( 0, self::bystander()->request_count() );
	}

	/**
	 * Refused connections are a 503.
	 */
	public function test_refused_connection_is_503(): void {
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertNotFalse( $probe );
		$name = (string) stream_socket_get_name( $probe, false );
		fclose( $probe );
		$url = 'http://localhost:' . substr( $name, (int) strrpos( $name, ':' ) + 1 );
		GatewayFixture::register_fault_service( $url );
		$service = new Service( 'fault', 'Fault', $url, ServiceRegistry::SOURCE_SETTING, 0.3, 0.6 );

		$result = $this->client()->request( $service, 'POST', '/v1/search' );

		$this->assert_error( 'switchboard_upstream_unavailable', 503, $result );
	}

	/**
	 * A service's 4xx keeps its status and only its short, plain code and message.
	 */
	public function test_client_errors_are_passed_on_sanitized(): void {
		self::upstream()->set(
			array(
				'status' => 404,
				'body'   => '{"code":"unknown_item","message":"No such item.","trace":"at /srv/app.js:12"}',
			)
		);
		$result = $this->client()->request( $this->service(), 'GET', '/v1/items/9' );
		$this->assert_error( 'unknown_item', 404, $result );
		$this->assertSame( 'No such item.', $result instanceof WP_Error ? $result->get_error_message() : '' );

		self::upstream()->set(
			array(
				'status' => 422,
				'body'   => '{"code":"Bad Code!","message":"<b>SELECT * FROM payments</b>"}',
			)
		);
		$result = $this->client()->request( $this->service(), 'POST', '/v1/payments' );
		$this->assert_error( 'switchboard_upstream_client_error', 422, $result );
		$this->assertStringNotContainsString( 'SELECT', $result instanceof WP_Error ? $result->get_error_message() : '' );

		self::upstream()->set(
			array(
				'status'       => 400,
				'content_type' => 'text/html',
				'body'         => '<h1>Bad request</h1>',
			)
		);
		$this->assert_error( 'switchboard_upstream_client_error', 400, $this->client()->request( $this->service(), 'GET', '/v1/search' ) );
	}

	/**
	 * GET is retried at most twice on a 503; POST is never retried.
	 */
	public function test_retries_only_idempotent_requests(): void {
		self::upstream()->set( array( 'status' => 503 ) );
		$waits  = array();
		$client = new ServiceClient(
			new CircuitBreaker(),
			new ServiceRegistry(),
			new NullRequestSigner(),
			new TraceContext( null, null ),
			static function ( int $microseconds ) use ( &$waits ): void {
				$waits[] = $microseconds;
			}
		);

		$this->assert_error( 'switchboard_upstream_error', 502, $client->request( $this->service(), 'GET', '/v1/search' ) );
		$this->assertSame( 3, self::upstream()->request_count() );
		$this->assertCount( 2, $waits );
		$this->assertGreaterThanOrEqual( 50000, $waits[0] );
		$this->assertLessThanOrEqual( 150000, $waits[0] );
		$this->assertGreaterThanOrEqual( 100000, $waits[1] );
		$this->assertLessThanOrEqual( 300000, $waits[1] );

		self::upstream()->reset();
		self::upstream()->set( array( 'status' => 503 ) );
		$this->assert_error( 'switchboard_upstream_error', 502, $client->request( $this->service(), 'POST', '/v1/payments' ) );
		$this->assertSame( 1, self::upstream()->request_count() );

		self::upstream()->reset();
		self::upstream()->set( array( 'status' => 500 ) );
		$this->assert_error( 'switchboard_upstream_error', 502, $client->request( $this->service(), 'GET', '/v1/search' ) );
		$this->assertSame( 1, self::upstream()->request_count(), 'A 500 is not transient.' );
	}

	/**
	 * Retries never run past the total time budget.
	 */
	public function test_retries_respect_the_budget(): void {
		self::upstream()->set(
			array(
				'status'     => 503,
				'latency_ms' => 450,
			)
		);

		$start  = microtime( true );
		$result = $this->client()->request( $this->service( 1.0 ), 'GET', '/v1/search' );
		$took   = microtime( true ) - $start;

		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertLessThan( 1.3, $took );
		$this->assertLessThanOrEqual( 2, self::upstream()->request_count() );
	}

	/**
	 * Paths that could leave the service are refused before any connection.
	 *
	 * @dataProvider provide_unsafe_paths
	 *
	 * @param string $path Path.
	 */
	public function test_path_guard( string $path ): void {
		$result = $this->client()->request( $this->service(), 'GET', $path );

		$this->assert_error( 'switchboard_gateway_invalid_path', 500, $result );
		$this->assertSame( 0, self::upstream()->request_count() );
		$this->assertSame( 0, self::bystander()->request_count() );
	}

	/**
	 * Unsafe paths.
	 *
	 * @return array<string, array{string}>
	 */
	public static function provide_unsafe_paths(): array {
		$other = 'http://127.0.0.1:1';

		return array(
			'parent'          => array( '../admin' ),
			'inner parent'    => array( '/v1/../../admin' ),
			'trailing parent' => array( '/v1/..' ),
			'dot segment'     => array( '/v1/./x' ),
			'absolute URL'    => array( $other . '/x' ),
			'scheme-relative' => array( '//evil.example/x' ),
			'double slash'    => array( '/v1//x' ),
			'relative'        => array( 'v1/search' ),
			'empty'           => array( '' ),
			'query'           => array( '/v1/search?admin=1' ),
			'fragment'        => array( '/v1/search#x' ),
			'encoded parent'  => array( '/v1/%2e%2e/admin' ),
			'backslash'       => array( '/v1\\..\\admin' ),
			'at sign'         => array( '/@evil.example' ),
			'newline'         => array( "/v1/search\n" ),
			'NUL'             => array( "/v1/search\0" ),
		);
	}

	/**
	 * A service that is not in the registry, or not at its registered URL, is never called.
	 */
	public function test_refuses_services_outside_the_registry(): void {
		$rogue   = new Service( 'rogue', 'Rogue', self::bystander()->url() );
		$moved   = new Service( 'fault', 'Fault', self::bystander()->url() );
		$private = new Service( 'search', 'Search', self::bystander()->ip_url() );

		foreach ( array( $rogue, $moved, $private ) as $service ) {
			$this->assert_error( 'switchboard_gateway_unknown_service', 500, $this->client()->request( $service, 'GET', '/v1/search' ), $service->id );
		}
		$this->assertSame( 0, self::bystander()->request_count() );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * An unconfigured service is never called.
	 */
	public function test_unconfigured_service_is_503(): void {
		$result = $this->client()->request( new Service( 'feed', 'Feed', '' ), 'GET', '/v1/feed' );

		$this->assert_error( 'switchboard_service_not_configured', 503, $result, 'feed' );
	}

	/**
	 * Asserts a gateway error: code, status and data limited to status and service.
	 *
	 * @param string $code   Expected code.
	 * @param int    $status Expected status.
	 * @param mixed  $result  Result.
	 * @param string $service Expected service id.
	 */
	private function assert_error( string $code, int $status, mixed $result, string $service = 'fault' ): void {
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( $code, $result->get_error_code(), (string) $result->get_error_message() );
		$data = $result->get_error_data();
		$this->assertIsArray( $data );
		$this->assertSame(
			array(
				'status'  => $status,
				'service' => $service,
			),
			$data
		);
	}

	/**
	 * How many callbacks the HTTP hooks the client uses have.
	 *
	 * @return array<string, int>
	 */
	private function http_hooks(): array {
		$filters = $GLOBALS['wp_filter'] ?? array();
		$counts  = array();
		foreach ( array( 'http_request_host_is_external', 'http_allowed_safe_ports', 'http_api_curl' ) as $hook ) {
			$registered      = is_array( $filters ) ? ( $filters[ $hook ] ?? null ) : null;
			$counts[ $hook ] = $registered instanceof \WP_Hook ? array_sum( array_map( 'count', $registered->callbacks ) ) : 0;
		}

		return $counts;
	}

	/**
	 * A client with a fresh breaker.
	 *
	 * @return ServiceClient
	 */
	private function client(): ServiceClient {
		return GatewayFixture::client();
	}

	/**
	 * The service served by the upstream fault server.
	 *
	 * @param float $timeout Total timeout.
	 * @return Service
	 */
	private function service( float $timeout = 2.0 ): Service {
		return GatewayFixture::service( self::upstream()->url(), $timeout );
	}

	/**
	 * The bystander server.
	 *
	 * @return FaultServer
	 */
	private static function bystander(): FaultServer {
		self::assertNotNull( self::$bystander );
		return self::$bystander;
	}
}
