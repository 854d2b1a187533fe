<?php
/**
 * The fast path over real HTTP: WordPress with the Redis object cache and the advanced-cache.php drop-in.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use Switchboard\Tests\Redis\RedisServer;
use Switchboard\Tests\Support\FaultServer;
use Switchboard\Tests\Support\HttpClient;
use Switchboard\Tests\Support\NativeSite;
use Switchboard\Tests\Support\Site;

/**
 * A public cached read that WordPress has validated and answered once is answered again before WordPress
 * loads, with the same body, headers and rate limit; anything else goes through WordPress.
 */
final class FastPathTest extends PHPUnitTestCase {

	/**
	 * Requests per hour on the rate-limited route.
	 */
	private const LIMIT = 10;

	/**
	 * The served site and the upstream its test services point at.
	 *
	 * @var GatewaySite|null
	 */
	private static ?GatewaySite $gateway = null;

	/**
	 * The site's Redis.
	 *
	 * @var RedisServer|null
	 */
	private static ?RedisServer $redis = null;

	/**
	 * Why the class cannot run here, if it cannot.
	 *
	 * @var string|null
	 */
	private static ?string $unavailable = null;

	/**
	 * Starts Redis, the upstream and a site with both drop-ins.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$unavailable = RedisServer::unavailable();
		if ( null !== self::$unavailable ) {
			return;
		}

		$dir = sys_get_temp_dir() . '/switchboard-fastpath-' . getmypid();
		Site::make_dir( $dir );
		self::$redis   = RedisServer::start( $dir );
		self::$gateway = GatewaySite::start( 'phpunit-fastpath', self::LIMIT, 2 );

		$content = self::$gateway->site->content_dir();
		$plugin  = dirname( __DIR__, 3 );
		copy( $plugin . '/dropins/object-cache.php', $content . '/object-cache.php' );
		copy( $plugin . '/dropins/advanced-cache.php', $content . '/advanced-cache.php' );

		$config = dirname( $content ) . '/wp-config.php';
		$code   = (string) file_get_contents( $config );
		$extra  = "define( 'WP_CACHE', true );\n"
			. 'define( ' . var_export( 'WP_REDIS_PATH', true ) . ', ' . var_export( self::$redis->socket, true ) . " );\n"
			. "define( 'WP_REDIS_PREFIX', 'fastpath' );\n";
		file_put_contents( $config, str_replace( "\$table_prefix = 'wp_';", $extra . "\n\$table_prefix = 'wp_';", $code ) );
	}

	/**
	 * Stops everything.
	 */
	public static function tearDownAfterClass(): void {
		self::$gateway?->stop();
		self::$redis?->stop();
		self::$gateway = null;
		self::$redis   = null;
		parent::tearDownAfterClass();
	}

	/**
	 * Skips visibly without Redis; resets the upstream.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( null !== self::$unavailable ) {
			$this->markTestSkipped( 'The fast path needs Redis: ' . self::$unavailable );
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
	 * The second identical request is answered by the fast path, with WordPress's body and headers.
	 */
	public function test_repeated_request_is_answered_before_wordpress_loads(): void {
		$url = self::api( '/fault/cached', array( 'text' => 'same-' . wp_generate_uuid4() ) );

		$first  = HttpClient::request( $url );
		$second = HttpClient::request( $url );
		$third  = HttpClient::request( $url );

		$this->assertSame( 200, $first['status'] );
		$this->assertSame( 'MISS', $first['headers']['x-switchboard-cache'] ?? null );
		$this->assertFalse( self::is_fast( $first ) );
		foreach ( array( $second, $third ) as $response ) {
			$this->assertSame( 200, $response['status'] );
			$this->assertTrue( self::is_fast( $response ), 'Answered by the fast path.' );
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
	 * The fast path and WordPress share one rate limit: exactly N of a burst pass, forged forwarding
	 * headers change nothing, and the refusals are WordPress's own 429s.
	 */
	public function test_rate_limit_is_the_same_on_both_paths(): void {
		$url   = self::api( '/fault/limited-cached', array( 'text' => 'limit-' . wp_generate_uuid4() ) );
		$specs = array();
		for ( $i = 0; $i < 3 * self::LIMIT; $i++ ) {
			$specs[] = HttpClient::spec( $url, array( 'X-Forwarded-For' => '203.0.113.' . $i ) );
		}
		$warm      = HttpClient::request( $url );
		$responses = HttpClient::burst( $specs, 0.01 );

		$this->assertSame( 200, $warm['status'] );
		$statuses = array_count_values( array_column( $responses, 'status' ) );
		ksort( $statuses );
		$this->assertSame(
			array(
				200 => self::LIMIT - 1,
				429 => 2 * self::LIMIT + 1,
			),
			$statuses
		);
		$fast = array_filter( $responses, static fn( array $response ): bool => 200 === $response['status'] && self::is_fast( $response ) );
		$this->assertCount( self::LIMIT - 1, $fast, 'Every allowed repeat came from the fast path.' );
		foreach ( $responses as $response ) {
			if ( 429 === $response['status'] ) {
				$this->assertStringContainsString( 'switchboard_rate_limited', $response['body'] );
				$this->assertGreaterThanOrEqual( 1, (int) ( $response['headers']['retry-after'] ?? 0 ) );
			}
		}
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * Requests the fast path must not answer go through WordPress: other parameters, a logged-in cookie,
	 * a cross-origin request, a nonce, arrays and repeated names, an unknown parameter.
	 */
	public function test_anything_unusual_goes_through_wordpress(): void {
		$text = 'unusual-' . wp_generate_uuid4();
		$url  = self::api( '/fault/cached', array( 'text' => $text ) );
		$this->assertSame( 200, HttpClient::request( $url )['status'] );
		$this->assertTrue( self::is_fast( HttpClient::request( $url ) ) );

		$through = array(
			HttpClient::spec( $url, array( 'Cookie' => 'wordpress_logged_in_abc=x' ) ),
			HttpClient::spec( $url, array( 'Origin' => 'https://elsewhere.example' ) ),
			HttpClient::spec( $url, array( 'X-WP-Nonce' => 'abc' ) ),
			HttpClient::spec( $url . '&text=' . rawurlencode( $text ) ),
			HttpClient::spec( $url . '&_locale=user' ),
		);
		foreach ( HttpClient::burst( $through ) as $index => $response ) {
			$this->assertFalse( self::is_fast( $response ), "Case {$index} was answered by the fast path." );
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
	 * Invalidating the gateway cache stops the fast path from serving what was cached before.
	 */
	public function test_invalidation_reaches_the_fast_path(): void {
		$url = self::api( '/fault/cached', array( 'text' => 'invalidate-' . wp_generate_uuid4() ) );
		HttpClient::request( $url );
		$this->assertTrue( self::is_fast( HttpClient::request( $url ) ) );

		self::site()->php( "<?php\nSwitchboard\\Gateway\\Cache\\CacheKey::invalidate_all();\n" );
		self::upstream()->set( array( 'body' => '{"ok":true,"echo":"after"}' ) );
		$after = HttpClient::request( $url );

		$this->assertFalse( self::is_fast( $after ) );
		$this->assertSame( '{"ok":true,"echo":"after"}', $after['body'] );
		$this->assertSame( 2, self::upstream()->request_count() );
		$this->assertTrue( self::is_fast( HttpClient::request( $url ) ), 'The new answer is served fast again.' );
	}

	/**
	 * A stale entry is left to WordPress, which serves it stale and refreshes it.
	 */
	public function test_stale_entries_are_left_to_wordpress(): void {
		$url = self::api( '/fault/brief', array( 'text' => 'stale-' . wp_generate_uuid4() ) );
		HttpClient::request( $url );
		$this->assertTrue( self::is_fast( HttpClient::request( $url ) ) );

		sleep( 2 );
		self::upstream()->set( array( 'status' => 503 ) );
		$stale = HttpClient::request( $url );

		$this->assertFalse( self::is_fast( $stale ) );
		$this->assertSame( 200, $stale['status'] );
		$this->assertSame( 'STALE', $stale['headers']['x-switchboard-cache'] ?? null );
	}

	/**
	 * Whether the fast path sent a response (it says so in Server-Timing).
	 *
	 * @param array{headers: array<string, string>} $response Response.
	 * @return bool
	 */
	private static function is_fast( array $response ): bool {
		return str_contains( $response['headers']['server-timing'] ?? '', 'fast path' );
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
}
