<?php
/**
 * Tests of the `switchboard/v1` proxy routes, dispatched through WordPress's REST server to a real upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway;

use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Metrics\MetricsReader;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\Route;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\DispatchesRestRequests;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Allow-listed arguments and fields, cache headers, fallbacks, rate limits and access rules.
 */
final class ProxyControllerTest extends TestCase {

	use DispatchesRestRequests;
	use UsesFaultServer;

	/**
	 * A search answer with fields the gateway must not pass on.
	 */
	private const SEARCH_BODY = array(
		'results'  => array(
			array(
				'id'       => 7,
				'title'    => 'Hello <b>world</b>',
				'url'      => 'https://example.org/hello/',
				'excerpt'  => 'An excerpt.',
				'type'     => 'post',
				'date'     => '2026-01-02T03:04:05+00:00',
				'_score'   => 12.5,
				'internal' => array( 'shard' => 'es-3' ),
			),
		),
		'total'    => 1,
		'page'     => 1,
		'pages'    => 1,
		'took_ms'  => 3,
		'debug'    => array( 'query' => 'SELECT secret' ),
		'password' => 'hunter2',
	);

	/**
	 * Points the search and fault services at the upstream.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::point_services_at( self::upstream()->url(), array( 'search', 'feed' ) );
	}

	/**
	 * The error code of a response.
	 *
	 * @param WP_REST_Response $response Response.
	 * @return string
	 */
	private static function code( WP_REST_Response $response ): string {
		$data = $response->get_data();

		return is_array( $data ) && is_string( $data['code'] ?? null ) ? $data['code'] : '';
	}

	/**
	 * Search passes only declared arguments upstream, only allow-listed fields back, and is cached.
	 */
	public function test_search_is_allow_listed_both_ways_and_cached(): void {
		self::upstream()->set( array( 'body' => (string) wp_json_encode( self::SEARCH_BODY ) ) );

		$response = $this->call( 'GET', '/search', array( 'q' => '  hello   world ' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'results' => array(
					array(
						'id'      => 7,
						'title'   => 'Hello <b>world</b>',
						'url'     => 'https://example.org/hello/',
						'excerpt' => 'An excerpt.',
						'date'    => '2026-01-02T03:04:05+00:00',
						'type'    => 'post',
					),
				),
				'total'   => 1,
				'page'    => 1,
				'pages'   => 1,
			),
			$response->get_data()
		);
		$headers = $response->get_headers();
		$this->assertSame( 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400', $headers['Cache-Control'] ?? null );
		$this->assertSame( 'MISS', $headers['X-Switchboard-Cache'] ?? null );
		$this->assertSame( '120', $headers['RateLimit-Limit'] ?? null );

		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'GET', $requests[0]['method'] );
		$this->assertSame( '/v1/search?q=hello%20world&page=1&per_page=10', $requests[0]['uri'] );
		$this->assertStringStartsWith( 'Bearer ', $requests[0]['headers']['authorization'] ?? '' );

		$again = $this->call( 'GET', '/search', array( 'q' => 'hello world' ) );
		$this->assertSame( 200, $again->get_status() );
		$this->assertSame( $response->get_data(), $again->get_data() );
		$this->assertSame( 'HIT', $again->get_headers()['X-Switchboard-Cache'] ?? null );
		$this->assertSame( 1, self::upstream()->request_count(), 'The same normalized query is answered from the cache.' );
	}

	/**
	 * An answer that breaks the schema (a script URL) is a 502, is not cached, and nothing of it leaks.
	 */
	public function test_answer_outside_the_schema_is_refused_and_not_cached(): void {
		$body                          = self::SEARCH_BODY;
		$body['results'][0]['url']     = 'javascript:alert(document.cookie)';
		$body['results'][0]['excerpt'] = 'leaked-marker';
		self::upstream()->set( array( 'body' => (string) wp_json_encode( $body ) ) );

		$first  = $this->call( 'GET', '/search', array( 'q' => 'x' ) );
		$second = $this->call( 'GET', '/search', array( 'q' => 'x' ) );

		// The search route falls back to WordPress's own search rather than failing the visitor.
		$this->assertSame( 200, $first->get_status() );
		$this->assertSame( 'native', $first->get_headers()['X-Switchboard-Fallback'] ?? null );
		$this->assertSame( 'no-store', $first->get_headers()['Cache-Control'] ?? null );
		$this->assertStringNotContainsString( 'leaked-marker', (string) wp_json_encode( $first->get_data() ) );
		$this->assertSame( 2, self::upstream()->request_count(), 'A refused answer is never cached.' );
		$this->assertSame( 200, $second->get_status() );
	}

	/**
	 * A route without a fallback answers a failing service with the gateway's stable error and nothing else.
	 */
	public function test_upstream_failure_is_a_stable_error_without_internals(): void {
		GatewayFixture::add_routes( GatewayFixture::route( 'plain' ) );
		self::upstream()->set(
			array(
				'status'       => 500,
				'content_type' => 'text/html',
				'body'         => '<h1>Fatal error</h1> in /srv/app/secret.php line 3, DB_PASSWORD=hunter2',
			)
		);

		$response = $this->call( 'GET', '/fault/plain' );

		$this->assertSame( 502, $response->get_status() );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		$this->assertSame( 'switchboard_upstream_error', $data['code'] ?? null );
		$this->assertSame(
			array(
				'status'  => 502,
				'service' => GatewayFixture::SERVICE_ID,
			),
			$data['data'] ?? null
		);
		$encoded = (string) wp_json_encode( $data );
		$this->assertStringNotContainsString( 'secret.php', $encoded );
		$this->assertStringNotContainsString( 'hunter2', $encoded );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
	}

	/**
	 * When the search service is down, WordPress's own search answers in the same shape.
	 */
	public function test_search_falls_back_to_native_search(): void {
		$post_id = self::factory_post( 'Lighthouse keeping for beginners' );
		self::upstream()->set( array( 'status' => 503 ) );

		$response = $this->call( 'GET', '/search', array( 'q' => 'lighthouse' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'native', $response->get_headers()['X-Switchboard-Fallback'] ?? null );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		$this->assertSame( 1, $data['total'] ?? null );
		$first = is_array( $data['results'] ?? null ) ? ( $data['results'][0] ?? null ) : null;
		$this->assertIsArray( $first );
		$this->assertSame( $post_id, $first['id'] ?? null );
		$this->assertSame( 'Lighthouse keeping for beginners', $first['title'] ?? null );
		$this->assertSame( get_permalink( $post_id ), $first['url'] ?? null );
	}

	/**
	 * Every answered request is one sample in the health view: a miss, a hit, and a fallback (a failure).
	 */
	public function test_requests_feed_the_health_metrics(): void {
		$reader = new MetricsReader( new MetricsStore() );
		$before = $reader->last_hour( 'search' );
		self::upstream()->set( array( 'body' => (string) wp_json_encode( self::SEARCH_BODY ) ) );

		$this->call( 'GET', '/search', array( 'q' => 'metrics' ) );
		$this->call( 'GET', '/search', array( 'q' => 'metrics' ) );
		self::upstream()->set( array( 'status' => 503 ) );
		$this->call( 'GET', '/search', array( 'q' => 'metrics down' ) );

		$after = $reader->last_hour( 'search' );
		$this->assertSame( 3, $after['requests'] - $before['requests'] );
		$this->assertSame( 1, $after['failures'] - $before['failures'], 'The fallback answer counts as a failure of the service.' );
		$this->assertSame( 1, $after['cache_hits'] - $before['cache_hits'] );
		$this->assertSame( 2, $after['cache_misses'] - $before['cache_misses'] );
		$this->assertNotNull( $after['p95_ms'] );
	}

	/**
	 * An unconfigured service still gives visitors an answer (the fallback).
	 */
	public function test_unconfigured_search_falls_back(): void {
		update_option( ServiceRegistry::OPTION, array() );
		self::factory_post( 'Tidal charts' );

		$response = $this->call( 'GET', '/search', array( 'q' => 'tidal' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'native', $response->get_headers()['X-Switchboard-Fallback'] ?? null );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * Undeclared parameters are refused before the service is called; WordPress's own are tolerated.
	 */
	public function test_unknown_parameters_are_refused(): void {
		$response = $this->call(
			'GET',
			'/search',
			array(
				'q'    => 'x',
				'host' => 'evil.example',
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'switchboard_unknown_parameter', self::code( $response ) );
		$this->assertSame( 0, self::upstream()->request_count() );

		self::upstream()->set( array( 'body' => (string) wp_json_encode( self::SEARCH_BODY ) ) );
		$tolerated = $this->call(
			'GET',
			'/search',
			array(
				'q'       => 'x',
				'_locale' => 'user',
			)
		);
		$this->assertSame( 200, $tolerated->get_status() );
	}

	/**
	 * A limit of N lets exactly N through; the N+1th gets a 429 with Retry-After, whatever X-Forwarded-For says.
	 */
	public function test_rate_limit_is_exact_and_ignores_forwarded_for(): void {
		GatewayFixture::add_routes( GatewayFixture::route( 'limited', Route::ACCESS_PUBLIC, 'GET', null, Policy::per( 3, 60 ) ) );
		$original               = $_SERVER['REMOTE_ADDR'] ?? null;
		$_SERVER['REMOTE_ADDR'] = '198.51.100.7';
		$statuses               = array();
		for ( $i = 0; $i < 6; $i++ ) {
			$_SERVER['HTTP_X_FORWARDED_FOR'] = '203.0.113.' . $i;
			$response                        = $this->call( 'GET', '/fault/limited', array(), array( 'x_forwarded_for' => '203.0.113.' . $i ) );
			$statuses[]                      = $response->get_status();
			if ( 429 === $response->get_status() ) {
				$this->assertSame( 'switchboard_rate_limited', self::code( $response ) );
				$retry_after = $response->get_headers()['Retry-After'] ?? null;
				$this->assertIsNumeric( $retry_after );
				$this->assertGreaterThanOrEqual( 1, (int) $retry_after );
				$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
			}
		}
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );

		$this->assertSame( array( 200, 200, 200, 429, 429, 429 ), $statuses );
		$this->assertSame( 3, self::upstream()->request_count() );

		$_SERVER['REMOTE_ADDR'] = '198.51.100.8';
		$this->assertSame( 200, $this->call( 'GET', '/fault/limited' )->get_status(), 'Another client has its own bucket.' );
		if ( null === $original ) {
			unset( $_SERVER['REMOTE_ADDR'] );
		} else {
			$_SERVER['REMOTE_ADDR'] = $original;
		}
	}

	/**
	 * Visitor writes need a valid nonce, even from anonymous visitors, and a same-site origin.
	 */
	public function test_visitor_writes_need_a_nonce_and_the_same_origin(): void {
		GatewayFixture::add_routes( GatewayFixture::route( 'write', Route::ACCESS_VISITOR, 'POST' ) );
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"hi","extra":"dropped"}' ) );

		$none = $this->call( 'POST', '/fault/write', array( 'text' => 'hi' ) );
		$this->assertSame( 403, $none->get_status() );
		$this->assertSame( 'switchboard_invalid_nonce', self::code( $none ) );

		$bad = $this->call( 'POST', '/fault/write', array( 'text' => 'hi' ), array( 'x_wp_nonce' => 'abc123' ) );
		$this->assertSame( 403, $bad->get_status() );

		$nonce        = wp_create_nonce( 'wp_rest' );
		$cross_origin = $this->call(
			'POST',
			'/fault/write',
			array( 'text' => 'hi' ),
			array(
				'x_wp_nonce' => $nonce,
				'origin'     => 'https://attacker.example',
			)
		);
		$this->assertSame( 403, $cross_origin->get_status() );
		$this->assertSame( 'switchboard_cross_site', self::code( $cross_origin ) );
		$this->assertSame( 0, self::upstream()->request_count() );

		$ok = $this->call(
			'POST',
			'/fault/write',
			array( 'text' => 'hi' ),
			array(
				'x_wp_nonce' => $nonce,
				'origin'     => home_url(),
			)
		);
		$this->assertSame( 200, $ok->get_status() );
		$this->assertSame(
			array(
				'ok'   => true,
				'echo' => 'hi',
			),
			$ok->get_data()
		);
		$this->assertSame( 'private, no-store', $ok->get_headers()['Cache-Control'] ?? null );
		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'POST', $requests[0]['method'] );
		$this->assertSame( '/v1/write', $requests[0]['uri'] );
		$this->assertSame(
			array(
				'text'  => 'hi',
				'count' => 1,
			),
			json_decode( $requests[0]['body'], true )
		);
	}

	/**
	 * Editor routes refuse anonymous visitors and subscribers; admin routes refuse editors.
	 */
	public function test_editor_and_admin_routes_check_capabilities(): void {
		GatewayFixture::add_routes(
			GatewayFixture::route( 'preview', Route::ACCESS_EDITOR ),
			GatewayFixture::route( 'manage', Route::ACCESS_ADMIN, 'POST' )
		);
		self::upstream()->set( array( 'body' => '{"ok":true}' ) );

		$this->assertSame( 401, $this->call( 'GET', '/fault/preview' )->get_status() );
		$this->assertSame( 401, $this->call( 'POST', '/fault/manage' )->get_status() );

		$this->log_in_as( 'subscriber' );
		$this->assertSame( 403, $this->call( 'GET', '/fault/preview' )->get_status() );
		$this->assertSame( 403, $this->call( 'POST', '/fault/manage' )->get_status() );

		$this->log_in_as( 'editor' );
		$this->assertSame( 200, $this->call( 'GET', '/fault/preview' )->get_status() );
		$this->assertSame( 403, $this->call( 'POST', '/fault/manage' )->get_status() );
		$this->assertSame( 1, self::upstream()->request_count() );

		$this->log_in_as( 'administrator' );
		$this->assertSame( 200, $this->call( 'POST', '/fault/manage' )->get_status() );
	}

	/**
	 * A stale nonce from a cached page turns a public read into an anonymous one instead of a 403; other
	 * routes keep WordPress's refusal.
	 */
	public function test_stale_nonce_is_tolerated_on_public_routes_only(): void {
		$this->log_in_as( 'editor' );
		$stale = new \WP_Error( 'rest_cookie_invalid_nonce', 'Cookie check failed', array( 'status' => 403 ) );
		$wp    = $GLOBALS['wp'];
		$this->assertInstanceOf( \WP::class, $wp );

		$wp->query_vars['rest_route'] = '/switchboard/v1/search';
		$this->assertTrue( apply_filters( 'rest_authentication_errors', $stale ) );
		$this->assertSame( 0, get_current_user_id() );

		$this->log_in_as( 'editor' );
		$wp->query_vars['rest_route'] = '/wp/v2/posts';
		$this->assertSame( $stale, apply_filters( 'rest_authentication_errors', $stale ) );
		$this->assertNotSame( 0, get_current_user_id() );
		unset( $wp->query_vars['rest_route'] );
	}

	/**
	 * The session route hands out a current nonce that no cache may keep.
	 */
	public function test_session_route_gives_a_fresh_nonce(): void {
		$response = $this->call( 'GET', '/session' );

		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		$this->assertSame( 1, wp_verify_nonce( is_string( $data['nonce'] ?? null ) ? $data['nonce'] : '', 'wp_rest' ) );
		$this->assertSame( 'private, no-store', $response->get_headers()['Cache-Control'] ?? null );
	}

	/**
	 * Every route of the namespace has a permission callback, and only public reads use `__return_true`.
	 */
	public function test_every_route_has_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes( 'switchboard/v1' );
		$this->assertArrayHasKey( '/switchboard/v1/search', $routes );
		$this->assertArrayHasKey( '/switchboard/v1/feed', $routes );

		foreach ( $routes as $path => $handlers ) {
			if ( '/switchboard/v1' === $path ) {
				continue;
			}
			$this->assertIsArray( $handlers );
			foreach ( $handlers as $handler ) {
				$this->assertIsArray( $handler );
				$this->assertNotEmpty( $handler['permission_callback'] ?? null, "{$path} has no permission callback." );
				if ( '__return_true' === $handler['permission_callback'] ) {
					$methods = array_keys( array_filter( (array) $handler['methods'] ) );
					// The feed's visitor writes work from pages cached without a nonce; they act only on the
					// caller's own profile and are bounded and rate-limited (tests/Feed/FeedRoutesTest.php).
					$writes = array( '/switchboard/v1/feed/personal', '/switchboard/v1/feed/events', '/switchboard/v1/feed/forget' );
					if ( in_array( $path, $writes, true ) ) {
						$this->assertSame( array( 'POST' ), $methods, "{$path} is open to anyone for more than POST." );
						continue;
					}
					// A payment's status is open too: the attempt key only its browser holds is its permission.
					$public = array( '/switchboard/v1/search', '/switchboard/v1/feed', '/switchboard/v1/session', '/switchboard/v1/jwks', '/switchboard/v1/payments/config', '/switchboard/v1/payments/status' );
					$this->assertContains( $path, $public, "{$path} is open to anyone but is not a public read." );
					$this->assertSame( array( 'GET' ), $methods, "{$path} is open to anyone for a write." );
				}
			}
		}
	}

	/**
	 * A cacheable route must be a public GET; malformed declarations are refused.
	 */
	public function test_route_declarations_are_checked(): void {
		$bad = array(
			static fn() => GatewayFixture::route( 'write', Route::ACCESS_VISITOR, 'POST', CachePolicy::public( 60 ) ),
			static fn() => GatewayFixture::route( 'x', Route::ACCESS_EDITOR, 'GET', CachePolicy::public( 60 ) ),
			static fn() => new Route( 'fault/x', 'fault', '/../x', 'GET', '/v1/x', Route::ACCESS_PUBLIC, array(), array( 'type' => 'object' ) ),
			static fn() => new Route( 'fault/x', 'fault', '/x', 'GET', '//evil.example/x', Route::ACCESS_PUBLIC, array(), array( 'type' => 'object' ) ),
			static fn() => new Route( 'fault/x', 'fault', '/x', 'TRACE', '/v1/x', Route::ACCESS_PUBLIC, array(), array( 'type' => 'object' ) ),
			static fn() => new Route( 'fault/x', 'fault', '/x', 'GET', '/v1/x', 'anyone', array(), array( 'type' => 'object' ) ),
			static fn() => new Route( 'fault/x', 'fault', '/x', 'GET', '/v1/x', Route::ACCESS_PUBLIC, array( 'q' => array() ), array( 'type' => 'object' ) ),
			static fn() => new Route( 'x', 'fault', '/x', 'GET', '/v1/x', Route::ACCESS_PUBLIC, array(), array( 'type' => 'object' ) ),
		);
		foreach ( $bad as $index => $declare ) {
			try {
				$declare();
				$this->fail( "Declaration {$index} was accepted." );
			} catch ( \InvalidArgumentException $refused ) {
				$this->assertNotSame( '', $refused->getMessage() );
			}
		}
	}

	/**
	 * Creates a published post.
	 *
	 * @param string $title Title.
	 * @return int
	 * @throws \RuntimeException When WordPress refuses the post.
	 */
	private static function factory_post( string $title ): int {
		$post_id = wp_insert_post(
			array(
				'post_title'   => $title,
				'post_content' => 'Body text.',
				'post_status'  => 'publish',
			),
			true
		);
		if ( is_wp_error( $post_id ) ) {
			throw new \RuntimeException( $post_id->get_error_message() );
		}

		return $post_id;
	}
}
