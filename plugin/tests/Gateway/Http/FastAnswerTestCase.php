<?php
/**
 * Shared tests of answering repeated public reads before WordPress has fully loaded, over real HTTP.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use Switchboard\Tests\Support\FaultServer;
use Switchboard\Tests\Support\HttpClient;
use Switchboard\Tests\Support\NativeSite;

/**
 * A public cached read that WordPress has validated and answered once is answered again early, with the same
 * body, headers and rate limit; anything else goes through WordPress. Each subclass runs these tests for one
 * stage: EarlyAnswerTest (plugins loaded, transients) and FastPathTest (the drop-in, Redis).
 */
abstract class FastAnswerTestCase extends PHPUnitTestCase {

	/**
	 * Requests per hour on the rate-limited route.
	 */
	protected const LIMIT = 10;

	/**
	 * The served site and the upstream its test services point at.
	 *
	 * @var GatewaySite|null
	 */
	private static ?GatewaySite $gateway = null;

	/**
	 * Why the class cannot run here, if it cannot.
	 *
	 * @var string|null
	 */
	private static ?string $unavailable = null;

	/**
	 * Starts the upstream and the site, and lets the subclass prepare it.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$unavailable = static::unavailable();
		if ( null !== self::$unavailable ) {
			return;
		}

		self::$gateway = GatewaySite::start( 'phpunit-' . str_replace( ' ', '-', static::stage() ), self::LIMIT, 2 );
		static::prepare( self::$gateway );
	}

	/**
	 * The stage's name in `Server-Timing`: `early` or `fast path`.
	 *
	 * @return string
	 */
	abstract protected static function stage(): string;

	/**
	 * Why the stage cannot be tested here, or null.
	 *
	 * @return string|null
	 */
	protected static function unavailable(): ?string {
		return null;
	}

	/**
	 * Sets the site up for the stage.
	 *
	 * @param GatewaySite $gateway The started site.
	 */
	protected static function prepare( GatewaySite $gateway ): void {
		unset( $gateway );
	}

	/**
	 * Stops what the subclass started.
	 */
	protected static function clean_up(): void {
	}

	/**
	 * Stops everything.
	 */
	public static function tearDownAfterClass(): void {
		self::$gateway?->stop();
		self::$gateway = null;
		static::clean_up();
		parent::tearDownAfterClass();
	}

	/**
	 * Skips visibly when the stage cannot run here; resets the upstream.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( null !== self::$unavailable ) {
			$this->markTestSkipped( self::$unavailable );
		}
		self::upstream()->reset();
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"fast","internal":"dropped"}' ) );
	}

	/**
	 * Every test leaves the site's debug.log empty.
	 */
	protected function tearDown(): void {
		if ( null === self::$unavailable ) {
			$this->assertSame( '', self::site()->debug_log(), 'The site logged PHP notices or errors.' );
		}
		parent::tearDown();
	}

	/**
	 * Once WordPress has answered a request from its cache, the next identical ones are answered early,
	 * with WordPress's body and headers. (A first answer, a miss, leaves no note: most misses never repeat.)
	 */
	public function test_repeated_request_is_answered_before_wordpress_loads(): void {
		$url = self::api( '/fault/cached', array( 'text' => 'same-' . wp_generate_uuid4() ) );

		$first  = HttpClient::request( $url );
		$second = HttpClient::request( $url );
		$third  = HttpClient::request( $url );
		$fourth = HttpClient::request( $url );

		$this->assertSame( 200, $first['status'] );
		$this->assertSame( 'MISS', $first['headers']['x-switchboard-cache'] ?? null );
		$this->assertFalse( static::is_fast( $first ) );
		$this->assertSame( 'HIT', $second['headers']['x-switchboard-cache'] ?? null );
		$this->assertFalse( static::is_fast( $second ), 'The first hit comes from WordPress, which leaves the note.' );
		foreach ( array( $third, $fourth ) as $response ) {
			$this->assertSame( 200, $response['status'] );
			$this->assertTrue( static::is_fast( $response ), 'Answered early.' );
			$this->assertSame( '{"ok":true,"echo":"fast"}', $response['body'] );
			$this->assertSame( $first['body'], $response['body'] );
			$this->assertSame( 'HIT', $response['headers']['x-switchboard-cache'] ?? null );
			foreach ( array( 'content-type', 'cache-control', 'x-robots-tag', 'x-content-type-options', 'link', 'allow', 'access-control-expose-headers', 'ratelimit-limit' ) as $name ) {
				$this->assertSame( $first['headers'][ $name ] ?? 'missing', $response['headers'][ $name ] ?? 'missing', $name );
			}
			$this->assertArrayNotHasKey( 'set-cookie', $response['headers'] );
		}
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * The early answer and WordPress share one rate limit: exactly N of a burst pass, forged forwarding
	 * headers change nothing, and the refusals are WordPress's own 429s.
	 */
	public function test_rate_limit_is_the_same_on_both_paths(): void {
		$url   = self::api( '/fault/limited-cached', array( 'text' => 'limit-' . wp_generate_uuid4() ) );
		$specs = array();
		for ( $i = 0; $i < 3 * self::LIMIT; $i++ ) {
			$specs[] = HttpClient::spec( $url, array( 'X-Forwarded-For' => '203.0.113.' . $i ) );
		}
		$warm      = array( HttpClient::request( $url ), HttpClient::request( $url ) );
		$responses = HttpClient::burst( $specs, 0.01 );

		$this->assertSame( array( 200, 200 ), array_column( $warm, 'status' ) );
		$statuses = array_count_values( array_column( $responses, 'status' ) );
		ksort( $statuses );
		$this->assertSame(
			array(
				200 => self::LIMIT - 2,
				429 => 2 * self::LIMIT + 2,
			),
			$statuses
		);
		$fast = array_filter( $responses, static fn( array $response ): bool => 200 === $response['status'] && static::is_fast( $response ) );
		$this->assertCount( self::LIMIT - 2, $fast, 'Every allowed repeat was answered early.' );
		foreach ( $responses as $response ) {
			if ( 429 === $response['status'] ) {
				$this->assertStringContainsString( 'switchboard_rate_limited', $response['body'] );
				$this->assertGreaterThanOrEqual( 1, (int) ( $response['headers']['retry-after'] ?? 0 ) );
			}
		}
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * The nonce api-fetch sends with every request is no credential without a logged-in cookie (WordPress
	 * answers a valid one as anonymous, and a stale one too on a public route), so a visitor's requests are
	 * answered early like any other.
	 */
	public function test_an_anonymous_nonce_is_answered_early(): void {
		$url   = self::api( '/fault/cached', array( 'text' => 'nonce-' . wp_generate_uuid4() ) );
		$valid = trim( self::site()->php( "<?php\necho wp_create_nonce( 'wp_rest' );\n" ) );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{10}$/', $valid );

		$through = array( HttpClient::request( $url, array( 'X-WP-Nonce' => $valid ) ), HttpClient::request( $url, array( 'X-WP-Nonce' => 'stale12345' ) ) );
		$this->assertSame( array( 200, 200 ), array_column( $through, 'status' ) );
		foreach ( array( $valid, 'stale12345' ) as $nonce ) {
			$response = HttpClient::request( $url, array( 'X-WP-Nonce' => $nonce ) );
			$this->assertSame( 200, $response['status'] );
			$this->assertTrue( static::is_fast( $response ), "Nonce {$nonce} was not answered early." );
			$this->assertSame( $through[0]['body'], $response['body'] );
		}
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * Requests that must not be answered early go through WordPress: other parameters, a logged-in cookie,
	 * a cross-origin request, arrays and repeated names, an unknown parameter.
	 */
	public function test_anything_unusual_goes_through_wordpress(): void {
		$text = 'unusual-' . wp_generate_uuid4();
		$url  = self::api( '/fault/cached', array( 'text' => $text ) );
		$this->assertSame( array( 200, 200 ), array( HttpClient::request( $url )['status'], HttpClient::request( $url )['status'] ) );
		$this->assertTrue( static::is_fast( HttpClient::request( $url ) ) );

		$through = array(
			HttpClient::spec( $url, array( 'Cookie' => 'wordpress_logged_in_abc=x' ) ),
			HttpClient::spec( $url, array( 'Origin' => 'https://elsewhere.example' ) ),
			HttpClient::spec( $url . '&text=' . rawurlencode( $text ) ),
			HttpClient::spec( $url . '&_locale=user' ),
		);
		foreach ( HttpClient::burst( $through ) as $index => $response ) {
			$this->assertFalse( static::is_fast( $response ), "Case {$index} was answered early." );
			$this->assertSame( 200, $response['status'], "Case {$index}: " . $response['body'] );
		}

		$refused = array(
			HttpClient::spec( $url . '&host=elsewhere' ),
			HttpClient::spec( self::site()->url() . '/wp-json/switchboard/v1/fault/cached?text[]=' . rawurlencode( $text ) ),
		);
		foreach ( HttpClient::burst( $refused ) as $index => $response ) {
			$this->assertSame( 400, $response['status'], "Refused case {$index}." );
		}
	}

	/**
	 * Invalidating the gateway cache stops the early answer from serving what was cached before.
	 */
	public function test_invalidation_reaches_the_fast_path(): void {
		$url = self::api( '/fault/cached', array( 'text' => 'invalidate-' . wp_generate_uuid4() ) );
		HttpClient::request( $url );
		HttpClient::request( $url );
		$this->assertTrue( static::is_fast( HttpClient::request( $url ) ) );

		self::site()->php( "<?php\nSwitchboard\\Gateway\\Cache\\CacheKey::invalidate_all();\n" );
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"after"}' ) );
		$after = HttpClient::request( $url );

		$this->assertFalse( static::is_fast( $after ) );
		$this->assertSame( '{"ok":true,"echo":"after"}', $after['body'] );
		$this->assertSame( 2, self::upstream()->request_count() );
		HttpClient::request( $url );
		$this->assertTrue( static::is_fast( HttpClient::request( $url ) ), 'The new answer is served fast again.' );
	}

	/**
	 * A stale entry is left to WordPress, which serves it stale and refreshes it.
	 */
	public function test_stale_entries_are_left_to_wordpress(): void {
		$url = self::api( '/fault/brief', array( 'text' => 'stale-' . wp_generate_uuid4() ) );
		HttpClient::request( $url );
		HttpClient::request( $url );
		$this->assertTrue( static::is_fast( HttpClient::request( $url ) ) );

		// The route's lifetime is 3 s: long enough for the three requests above on a loaded machine.
		sleep( 4 );
		self::upstream()->set( array( 'status' => 503 ) );
		$stale = HttpClient::request( $url );

		$this->assertFalse( static::is_fast( $stale ) );
		$this->assertSame( 200, $stale['status'] );
		$this->assertSame( 'STALE', $stale['headers']['x-switchboard-cache'] ?? null );
	}

	/**
	 * Whether the stage under test sent a response (it says so in Server-Timing).
	 *
	 * @param array{headers: array<string, string>} $response Response.
	 * @return bool
	 */
	protected static function is_fast( array $response ): bool {
		return str_contains( $response['headers']['server-timing'] ?? '', 'desc="' . static::stage() . '"' );
	}

	/**
	 * A gateway URL with query arguments.
	 *
	 * @param string                $path  Path below the namespace.
	 * @param array<string, string> $query Query.
	 * @return string
	 */
	protected static function api( string $path, array $query = array() ): string {
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
	protected static function upstream(): FaultServer {
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
}
