<?php
/**
 * The feed routes over real HTTP, in a served site.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use Switchboard\Tests\Gateway\Http\GatewaySite;
use Switchboard\Tests\Support\HttpClient;
use Switchboard\Tests\Support\LogsInThroughWpLogin;

/**
 * What only a real request shows: the hydrated public feed goes through all of WordPress (never the
 * early answer before `init`, which has no permalinks), and once cached the fast path replays the hydrated
 * answer; the visitor routes work without a nonce and with a stale one from a cached page.
 *
 * Extends PHPUnit's TestCase: the site runs in its own processes, out of reach of the in-process
 * transaction and hooks.
 */
final class FeedHttpTest extends PHPUnitTestCase {

	use LogsInThroughWpLogin;

	/**
	 * The served site and its upstream.
	 *
	 * @var GatewaySite|null
	 */
	private static ?GatewaySite $gateway = null;

	/**
	 * The post the upstream names.
	 *
	 * @var int
	 */
	private static int $post_id = 0;

	/**
	 * Starts the site, creates a post, then points the feed service at the upstream (after the post, so
	 * that its content event does not reach the upstream).
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$gateway = GatewaySite::start( 'phpunit-feed', 10, 2 );
		self::$post_id = (int) self::$gateway->site->php( "<?php echo wp_insert_post( array( 'post_title' => 'Served &amp; hydrated', 'post_status' => 'publish', 'post_content' => 'Body.' ) );" );
		self::$gateway->site->add_mu_plugin(
			'switchboard-feed-http-test.php',
			"<?php\nadd_filter( 'pre_option_switchboard_service_urls', static fn( \$urls ) => ( is_array( \$urls ) ? \$urls : array() ) + array( 'feed' => " . var_export( self::$gateway->upstream->url(), true ) . ' ), 20 );' // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes a PHP literal.
		);
	}

	/**
	 * Stops the site and the upstream.
	 */
	public static function tearDownAfterClass(): void {
		self::$gateway?->stop();
		self::$gateway = null;
		parent::tearDownAfterClass();
	}

	/**
	 * Every test leaves the site's debug.log empty.
	 */
	protected function tearDown(): void {
		$this->assertSame( '', self::gateway()->site->debug_log(), 'The site logged PHP notices or errors.' );
		parent::tearDown();
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
	 * The public feed: WordPress hydrates the first answer; the cache, then the fast path, replay it.
	 */
	public function test_public_feed_is_hydrated_then_replayed(): void {
		self::assertGreaterThan( 0, self::$post_id );
		$upstream = self::gateway()->upstream;
		$upstream->reset();
		$upstream->set( array( 'body' => '{"items":[{"id":' . self::$post_id . ',"reason":{"kind":"popular"}},{"id":999999,"reason":{"kind":"recent"}}],"request_id":"f_http"}' ) );
		$url = self::gateway()->api( '/feed', array( 'per_page' => '5' ) );

		$answers = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$answers[] = HttpClient::request( $url );
		}

		foreach ( $answers as $index => $answer ) {
			$this->assertSame( 200, $answer['status'], $index . ': ' . $answer['body'] );
			$this->assertSame( $answers[0]['body'], $answer['body'] );
			$this->assertSame( 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400', $answer['headers']['cache-control'] ?? null );
		}
		$data = json_decode( $answers[0]['body'], true );
		$this->assertIsArray( $data );
		$this->assertSame( 'f_http', $data['request_id'] ?? null );
		$items = $data['items'] ?? null;
		$this->assertIsArray( $items );
		$this->assertCount( 1, $items, 'The unknown post is dropped.' );
		$this->assertIsArray( $items[0] );
		$this->assertSame( 'Served & hydrated', $items[0]['title'] ?? null );
		$this->assertSame( 'Popular', $items[0]['reason'] ?? null );
		$this->assertIsString( $items[0]['url'] ?? null );
		$this->assertStringStartsWith( self::gateway()->site->url() . '/', $items[0]['url'] );

		$this->assertSame( array( 'MISS', 'HIT', 'HIT' ), array_map( static fn( array $answer ): ?string => $answer['headers']['x-switchboard-cache'] ?? null, $answers ) );
		$this->assertStringNotContainsString( 'early', $answers[1]['headers']['server-timing'] ?? '', 'Not dispatched before `init`.' );
		$this->assertStringContainsString( 'desc="early"', $answers[2]['headers']['server-timing'] ?? '', 'The fast path replays the hydrated answer.' );
		$this->assertSame( 1, $upstream->request_count() );
	}

	/**
	 * Events need no nonce, and a logged-in visitor's stale nonce (a page cached days ago) does not break them.
	 */
	public function test_events_without_a_nonce_and_with_a_stale_one(): void {
		$upstream = self::gateway()->upstream;
		$upstream->reset();
		$upstream->set( array( 'body' => '{"accepted":1}' ) );
		$url  = self::gateway()->api( '/feed/events' );
		$json = array( 'Content-Type' => 'application/json' );
		$body = '{"visitor":"AbCdEfGhIjKlMnOpQr_-12","events":[{"type":"view","post":' . self::$post_id . '}]}';

		$anonymous = HttpClient::request( $url, $json, 'POST', $body );
		$jar       = self::log_in_as_admin( self::gateway()->site );
		try {
			$stale = HttpClient::request( $url, $json + array( 'X-WP-Nonce' => 'a1b2c3d4e5' ), 'POST', $body, $jar );
		} finally {
			unlink( $jar );
		}

		foreach ( array( $anonymous, $stale ) as $answer ) {
			$this->assertSame( 200, $answer['status'], $answer['body'] );
			$this->assertSame( '{"accepted":1}', $answer['body'] );
			$this->assertSame( 'private, no-store', $answer['headers']['cache-control'] ?? null );
		}
		$requests = $upstream->requests();
		$this->assertCount( 2, $requests );
		$this->assertSame( '/v1/signals', $requests[1]['uri'] );
		$this->assertSame( $body, $requests[1]['body'] );
	}
}
