<?php
/**
 * The gateway over real HTTP: a served WordPress (bin/wp-server) in front of a fault-injecting upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use Switchboard\Tests\Support\FaultServer;
use Switchboard\Tests\Support\HttpClient;
use Switchboard\Tests\Support\LogsInThroughWpLogin;
use Switchboard\Tests\Support\NativeSite;

/**
 * Load, single flight, exact rate limits, timeouts, the circuit breaker, stale-if-error, nonces, bad input
 * and the host allow-list, all through a web server as browsers reach it.
 *
 * These tests talk to their own site and upstream only, so they extend PHPUnit's TestCase rather than the
 * in-process one (whose transaction and hooks do not reach another process).
 */
final class GatewayHttpTest extends PHPUnitTestCase {

	use LogsInThroughWpLogin;

	/**
	 * Requests per hour on the rate-limited route.
	 */
	private const LIMIT = 10;

	/**
	 * Seconds the circuit stays open in this site.
	 */
	private const COOLDOWN = 2;

	/**
	 * The served site and the upstream its test services point at.
	 *
	 * @var GatewaySite|null
	 */
	private static ?GatewaySite $gateway = null;

	/**
	 * A server no route points at: it must never receive a request.
	 *
	 * @var FaultServer|null
	 */
	private static ?FaultServer $bystander = null;

	/**
	 * Starts the upstreams and the site with the test routes.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$bystander = FaultServer::start();
		self::$gateway   = GatewaySite::start( 'phpunit-gateway', self::LIMIT, self::COOLDOWN );
	}

	/**
	 * Stops everything.
	 */
	public static function tearDownAfterClass(): void {
		self::$gateway?->stop();
		self::$bystander?->stop();
		self::$gateway   = null;
		self::$bystander = null;
		parent::tearDownAfterClass();
	}

	/**
	 * Resets the upstreams.
	 */
	protected function setUp(): void {
		parent::setUp();
		self::upstream()->reset();
		self::bystander()->reset();
	}

	/**
	 * Every test leaves the site's debug.log empty and the bystander untouched.
	 */
	protected function tearDown(): void {
		$this->assertSame( '', self::site()->debug_log(), 'The site logged PHP notices or errors.' );
		$this->assertSame( 0, self::bystander()->request_count(), 'A server outside the registry was contacted.' );
		parent::tearDown();
	}

	/**
	 * A warm cached route at 50 requests per second for five seconds: every answer is a 200 from the cache.
	 */
	public function test_warm_cached_route_at_50_requests_per_second_is_error_free(): void {
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"warm"}' ) );
		$url = self::api( '/fault/cached', array( 'text' => 'load-' . wp_generate_uuid4() ) );
		$this->assertSame( 200, HttpClient::request( $url )['status'] );

		$responses = HttpClient::burst( array_fill( 0, 250, HttpClient::spec( $url ) ), 0.02 );

		$statuses = array_count_values( array_column( $responses, 'status' ) );
		$this->assertSame( array( 200 => 250 ), $statuses );
		foreach ( $responses as $response ) {
			$this->assertSame( 'HIT', $response['headers']['x-switchboard-cache'] ?? null );
			$this->assertSame( '{"ok":true,"echo":"warm"}', $response['body'] );
		}
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * 200 concurrent misses for one key reach the upstream once, and every client gets its answer.
	 */
	public function test_200_concurrent_misses_reach_the_upstream_once(): void {
		self::upstream()->set(
			array(
				'latency_ms' => 500,
				'body'       => '{"ok":true,"echo":"shared"}',
			)
		);
		$url = self::api( '/fault/cached', array( 'text' => 'burst-' . wp_generate_uuid4() ) );

		$responses = HttpClient::burst( array_fill( 0, 200, HttpClient::spec( $url ) ) );

		$this->assertSame( array( 200 => 200 ), array_count_values( array_column( $responses, 'status' ) ) );
		$this->assertSame( array( '{"ok":true,"echo":"shared"}' ), array_values( array_unique( array_column( $responses, 'body' ) ) ) );
		$this->assertSame( 1, self::upstream()->request_count(), 'One upstream request for 200 concurrent misses.' );
	}

	/**
	 * A limit of N per window lets exactly N of a concurrent burst through, and forged forwarding headers
	 * (the site trusts no proxy) neither add a bucket nor escape the limit.
	 */
	public function test_rate_limit_lets_exactly_n_through_and_ignores_spoofed_forwarding(): void {
		self::upstream()->set( array( 'body' => '{"ok":true}' ) );
		$specs = array();
		for ( $i = 0; $i < 4 * self::LIMIT; $i++ ) {
			$specs[] = HttpClient::spec(
				self::api( '/fault/limited', array( 'text' => 'n' . $i ) ),
				array(
					'X-Forwarded-For' => '203.0.113.' . $i,
					'X-Real-IP'       => '198.51.100.' . $i,
					'Forwarded'       => 'for=192.0.2.' . $i,
					'Client-IP'       => '192.0.2.' . $i,
				)
			);
		}

		$responses = HttpClient::burst( $specs );

		$this->assertSame(
			array(
				200 => self::LIMIT,
				429 => 3 * self::LIMIT,
			),
			self::count_statuses( $responses )
		);
		foreach ( $responses as $response ) {
			if ( 429 === $response['status'] ) {
				$this->assertGreaterThanOrEqual( 1, (int) ( $response['headers']['retry-after'] ?? 0 ) );
				$this->assertStringContainsString( 'switchboard_rate_limited', $response['body'] );
			}
		}
		$this->assertSame( self::LIMIT, self::upstream()->request_count() );
	}

	/**
	 * An upstream that would take 30 s is cut off at the 2 s budget: a stable 504 within timeout + 300 ms.
	 */
	public function test_slow_upstream_answers_within_the_timeout(): void {
		self::upstream()->set( array( 'latency_ms' => 30000 ) );

		$response = HttpClient::request( self::api( '/fault/plain', array( 'text' => 'slow' ) ) );

		$this->assertSame( 504, $response['status'] );
		$this->assertStringContainsString( '"code":"switchboard_upstream_timeout"', $response['body'] );
		$this->assertLessThan( 2.0 + 0.3, $response['seconds'], 'The answer came later than the timeout allows.' );
	}

	/**
	 * After three failures the circuit opens: answers come from the gateway in at most 50 ms without
	 * calling the service; after the cool-down one probe goes through, and its success closes the circuit.
	 */
	public function test_open_circuit_answers_fast_then_one_probe_closes_it(): void {
		self::upstream()->set( array( 'status' => 500 ) );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 502, HttpClient::request( self::api( '/flaky/plain' ) )['status'] );
		}
		$this->assertSame( 3, self::upstream()->request_count() );

		for ( $i = 0; $i < 5; $i++ ) {
			$open = HttpClient::request( self::api( '/flaky/plain' ) );
			$this->assertSame( 503, $open['status'] );
			$this->assertStringContainsString( '"code":"switchboard_circuit_open"', $open['body'] );
			$this->assertLessThanOrEqual( 50.0, self::gateway_milliseconds( $open ), 'An open circuit must answer at once.' );
		}
		$this->assertSame( 3, self::upstream()->request_count(), 'No request reaches a service while its circuit is open.' );

		sleep( self::COOLDOWN + 1 );
		// A slow recovery keeps the probe in flight while three more requests arrive.
		self::upstream()->set(
			array(
				'latency_ms' => 1000,
				'body'       => '{"ok":true}',
			)
		);
		$probes = HttpClient::burst( array_fill( 0, 4, HttpClient::spec( self::api( '/flaky/plain' ) ) ), 0.1 );
		$this->assertSame( 4, self::upstream()->request_count(), 'Exactly one probe after the cool-down.' );
		$this->assertSame( array( 200, 503, 503, 503 ), array_column( $probes, 'status' ) );

		$closed = HttpClient::request( self::api( '/flaky/plain' ) );
		$this->assertSame( 200, $closed['status'] );
		$this->assertSame( 5, self::upstream()->request_count() );
	}

	/**
	 * A cached key is served stale through an outage.
	 */
	public function test_cached_key_is_served_stale_through_an_outage(): void {
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"before"}' ) );
		$url = self::api( '/fault/brief', array( 'text' => 'outage-' . wp_generate_uuid4() ) );
		$this->assertSame( 200, HttpClient::request( $url )['status'] );

		self::upstream()->set( array( 'status' => 503 ) );
		sleep( 4 );
		$stale = HttpClient::request( $url );

		$this->assertSame( 200, $stale['status'] );
		$this->assertSame( '{"ok":true,"echo":"before"}', $stale['body'] );
		$this->assertSame( 'STALE', $stale['headers']['x-switchboard-cache'] ?? null );
		$this->assertSame( 'public, max-age=3, stale-while-revalidate=0, stale-if-error=600', $stale['headers']['cache-control'] ?? null );
	}

	/**
	 * Raw bad query strings are 400s that never reach the service; no answer is a 5xx.
	 */
	public function test_raw_bad_query_strings_are_refused(): void {
		$queries = array(
			'q=%00',
			'q=a%00b',
			'q=%C3%28',
			'q=%FF%FE',
			'q=%ED%A0%80',
			'q[]=a',
			'q[a]=b',
			'q=' . str_repeat( 'a', 201 ),
			'q=' . str_repeat( '%E2%82%AC', 201 ),
			'q=' . str_repeat( 'x', 6000 ),
			'q=',
			'q=%20%20',
			'q=ok&page=0',
			'q=ok&page=101',
			'q=ok&page=1e999',
			'q=ok&page=-1',
			'q=ok&page=..%2F..%2Fetc%2Fpasswd',
			'q=ok&per_page=51',
			'q=ok&per_page[]=1',
			'q=ok&host=127.0.0.1',
			'q=ok&url=' . rawurlencode( self::bystander()->url() ),
			'q=ok&..%2F..%2Fwp-config.php=1',
			'q=ok&_jsonp=alert',
			'page=1',
		);
		$specs   = array();
		foreach ( $queries as $query ) {
			$specs[] = HttpClient::spec( self::site()->url() . '/wp-json/switchboard/v1/search?' . $query );
		}

		$responses = HttpClient::burst( $specs );

		foreach ( $responses as $index => $response ) {
			$this->assertSame( 400, $response['status'], substr( $queries[ $index ], 0, 80 ) . ': ' . substr( $response['body'], 0, 200 ) );
		}
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * Attempts to point the gateway at another host, port, scheme or path never make a connection.
	 */
	public function test_no_input_makes_the_gateway_call_another_host(): void {
		self::upstream()->set( array( 'body' => '{"ok":true}' ) );
		$bystander = self::bystander()->url();
		$port      = (string) wp_parse_url( $bystander, PHP_URL_PORT );
		$base      = self::site()->url();
		$attempts  = array(
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/plain?text=' . rawurlencode( $bystander ) ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/plain?text=' . rawurlencode( '@127.0.0.1:' . $port ) ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/plain', array( 'Host' => '127.0.0.1:' . $port ) ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/plain', array( 'X-Forwarded-Host' => '127.0.0.1:' . $port ) ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/../../../wp-json/switchboard/v1/fault/plain?text=x' ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/plain/..%2F..%2F' . rawurlencode( $bystander ) ),
			HttpClient::spec( $base . '/?rest_route=/switchboard/v1/fault/plain&service=bystander&base_url=' . rawurlencode( $bystander ) ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/' . rawurlencode( $bystander ) ),
			HttpClient::spec( $base . '/wp-json/switchboard/v1/fault/plain', array( 'Content-Type' => 'application/json' ), 'POST', '{"url":"' . $bystander . '"}' ),
		);

		$responses = HttpClient::burst( $attempts );

		foreach ( $responses as $response ) {
			$this->assertLessThan( 500, $response['status'], $response['body'] );
		}
		// tearDown() checks that the bystander received nothing.
	}

	/**
	 * A logged-in visitor's stale nonce (a page from a full-page cache) still gets public answers;
	 * WordPress's own routes keep refusing it.
	 */
	public function test_stale_nonce_keeps_public_routes_working(): void {
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"public"}' ) );
		$jar = self::log_in_as_admin( self::site() );
		try {
			$stale   = array( 'X-WP-Nonce' => 'a1b2c3d4e5' );
			$public  = HttpClient::request( self::api( '/fault/plain', array( 'text' => 'nonce' ) ), $stale, 'GET', null, $jar );
			$private = HttpClient::request( self::site()->url() . '/wp-json/wp/v2/users/me', $stale, 'GET', null, $jar );
		} finally {
			unlink( $jar );
		}

		$this->assertSame( 200, $public['status'], $public['body'] );
		$this->assertSame( '{"ok":true,"echo":"public"}', $public['body'] );
		$this->assertSame( 403, $private['status'] );
		$this->assertStringContainsString( 'rest_cookie_invalid_nonce', $private['body'] );
	}

	/**
	 * An administrator's browser carries a login cookie to any site's requests: without the `wp_rest`
	 * nonce that only this site's pages hold, a cross-site request can neither read nor change the admin
	 * routes. With the nonce, the same browser can.
	 */
	public function test_admin_routes_refuse_cookie_requests_without_a_valid_nonce(): void {
		$jar     = self::log_in_as_admin( self::site() );
		$base    = self::site()->url() . '/wp-json/switchboard/v1/admin';
		$cross   = array( 'Origin' => 'https://attacker.example' );
		$json    = array( 'Content-Type' => 'application/json' ) + $cross;
		$save    = '{"urls":{"fault":"http://127.0.0.1:1"}}';
		$before  = self::site()->php( "<?php\necho wp_json_encode( get_option( 'switchboard_service_urls' ) );\n" );
		$answers = array();
		try {
			$answers['read, no nonce']   = HttpClient::request( $base . '/health', $cross, 'GET', null, $jar );
			$answers['save, no nonce']   = HttpClient::request( $base . '/settings', $json, 'POST', $save, $jar );
			$answers['save, bad nonce']  = HttpClient::request( $base . '/settings', $json + array( 'X-WP-Nonce' => 'a1b2c3d4e5' ), 'POST', $save, $jar );
			$answers['replay, no nonce'] = HttpClient::request( $base . '/outbox/1/replay', $cross, 'POST', null, $jar );
			// The nonce this site's own admin pages carry (api-fetch's nonce middleware).
			$page = HttpClient::request( self::site()->url() . '/wp-admin/options-general.php?page=switchboard', array(), 'GET', null, $jar );
			preg_match( '/createNonceMiddleware\(\s*"([0-9a-f]+)"\s*\)/', $page['body'], $match );
			$nonce = $match[1] ?? '';
			$own   = HttpClient::request( $base . '/health', array( 'X-WP-Nonce' => $nonce ), 'GET', null, $jar );
		} finally {
			unlink( $jar );
		}

		foreach ( $answers as $case => $answer ) {
			$this->assertContains( $answer['status'], array( 401, 403 ), $case . ': ' . $answer['body'] );
		}
		$this->assertSame( $before, self::site()->php( "<?php\necho wp_json_encode( get_option( 'switchboard_service_urls' ) );\n" ), 'Nothing was saved.' );
		$this->assertNotSame( '', $nonce, 'The settings page carries a nonce.' );
		$this->assertSame( 200, $own['status'], 'With the nonce of its own pages, the same browser may read.' );
	}

	/**
	 * No signing key or webhook secret appears in any gateway answer, page (inline scripts included), built
	 * bundle or log.
	 */
	public function test_no_secret_reaches_answers_pages_bundles_or_logs(): void {
		self::upstream()->set( array( 'body' => '{"ok":true}' ) );
		$secrets = self::site_secrets();
		$this->assertNotEmpty( $secrets );

		$base      = self::site()->url();
		$pages     = HttpClient::burst(
			array(
				HttpClient::spec( $base . '/' ),
				HttpClient::spec( $base . '/?s=lighthouse' ),
				HttpClient::spec( $base . '/search/?q=lighthouse' ),
				HttpClient::spec( $base . '/wp-json/switchboard/v1/jwks' ),
				HttpClient::spec( $base . '/wp-json/switchboard/v1/session' ),
				HttpClient::spec( $base . '/wp-json/switchboard/v1/search?q=lighthouse' ),
				HttpClient::spec( $base . '/wp-json/switchboard/v1/feed' ),
				HttpClient::spec( $base . '/wp-json/switchboard/v1' ),
				HttpClient::spec( $base . '/wp-json/' ),
			)
		);
		$haystacks = array( 'debug.log' => self::site()->debug_log() );
		foreach ( $pages as $index => $page ) {
			$this->assertLessThan( 500, $page['status'] );
			$haystacks[ 'response ' . $index ] = $page['body'] . "\n" . implode( "\n", $page['headers'] );
		}
		$build = dirname( __DIR__, 3 ) . '/build';
		foreach ( new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $build, \FilesystemIterator::SKIP_DOTS ) ) as $file ) {
			if ( $file instanceof \SplFileInfo && $file->isFile() ) {
				$haystacks[ $file->getPathname() ] = (string) file_get_contents( $file->getPathname() );
			}
		}
		$this->assertGreaterThan( 12, count( $haystacks ) );

		foreach ( $haystacks as $where => $haystack ) {
			foreach ( $secrets as $secret ) {
				$this->assertStringNotContainsString( $secret, $haystack, "A secret appears in {$where}." );
			}
		}
	}

	/**
	 * The site's signing keys (in every encoding a leak could take) and its webhook secrets.
	 *
	 * @return list<string>
	 */
	private static function site_secrets(): array {
		$output  = self::site()->php(
			<<<'PHP'
<?php
$signature = new Switchboard\Events\Signature();
$secrets   = array();
foreach ( array( 'search', 'feed', 'payments' ) as $service ) {
	$secrets[] = $signature->secret( $service );
}
foreach ( (array) get_option( Switchboard\Identity\KeyRing::OPTION, array() ) as $entry ) {
	if ( is_array( $entry ) && is_string( $entry['secret'] ?? null ) ) {
		$raw       = Switchboard\Identity\Base64Url::decode( $entry['secret'] );
		$secrets[] = $entry['secret'];
		$secrets[] = Switchboard\Identity\Base64Url::encode( substr( $raw, 0, 32 ) );
		$secrets[] = base64_encode( $raw );
		$secrets[] = bin2hex( $raw );
	}
}
echo json_encode( $secrets );
PHP
		);
		$lines   = array_values( array_filter( explode( "\n", trim( $output ) ) ) );
		$decoded = json_decode( (string) end( $lines ), true );
		self::assertIsArray( $decoded, $output );

		return array_values( array_filter( $decoded, static fn( $secret ): bool => is_string( $secret ) && strlen( $secret ) >= 16 ) );
	}

	/**
	 * The gateway's own time from `Server-Timing: gateway;dur=N`.
	 *
	 * @param array{headers: array<string, string>} $response Response.
	 * @return float
	 */
	private static function gateway_milliseconds( array $response ): float {
		$header = $response['headers']['server-timing'] ?? '';
		if ( 1 !== preg_match( '/gateway;dur=([0-9.]+)/', $header, $match ) ) {
			self::fail( 'No Server-Timing header: ' . $header );
		}

		return (float) $match[1];
	}

	/**
	 * How many responses had each status, sorted by status.
	 *
	 * @param list<array{status: int}> $responses Responses.
	 * @return array<int, int>
	 */
	private static function count_statuses( array $responses ): array {
		$counts = array_count_values( array_column( $responses, 'status' ) );
		ksort( $counts );

		return $counts;
	}

	/**
	 * A gateway URL with query arguments.
	 *
	 * @param string                $path  Path below the namespace.
	 * @param array<string, string> $query Query.
	 * @return string
	 */
	private static function api( string $path, array $query = array() ): string {
		return self::gateway()->api( $path, $query );
	}

	/**
	 * The site.
	 *
	 * @return NativeSite
	 */
	private static function site(): NativeSite {
		return self::gateway()->site;
	}

	/**
	 * The upstream.
	 *
	 * @return FaultServer
	 */
	private static function upstream(): FaultServer {
		return self::gateway()->upstream;
	}

	/**
	 * The site and upstream.
	 *
	 * @return GatewaySite
	 */
	private static function gateway(): GatewaySite {
		self::assertNotNull( self::$gateway );

		return self::$gateway;
	}

	/**
	 * The bystander.
	 *
	 * @return FaultServer
	 */
	private static function bystander(): FaultServer {
		self::assertNotNull( self::$bystander );

		return self::$bystander;
	}
}
