<?php
/**
 * The inbound webhook route over real HTTP.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use RuntimeException;
use Switchboard\Events\Signature;
use Switchboard\Tests\Support\HttpClient;
use Switchboard\Tests\Support\NativeSite;

/**
 * A served site (bin/wp-server) receives signed webhooks through WordPress's whole REST stack: the raw body
 * as sent, the headers as the web server passes them, and WordPress's cookie authentication, which must
 * neither block a service nor let a logged-in browser in without a signature.
 */
final class WebhookHttpTest extends PHPUnitTestCase {

	/**
	 * The payments service's secret on the served site.
	 */
	private const SECRET = '5e1d0c9b8a7f6e5d4c3b2a190817263544536271809a8b7c6d5e4f3a2b1c0d9e';

	/**
	 * The served site.
	 *
	 * @var NativeSite|null
	 */
	private static ?NativeSite $site = null;

	/**
	 * Serves a fresh site whose payments service has a secret and whose listener logs each webhook.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$site = NativeSite::start( 'phpunit-webhooks' );
		if ( is_file( self::log_file() ) ) {
			unlink( self::log_file() ); // Left by an earlier run: the reset renews the database, not mu-plugins.
		}
		self::$site->add_mu_plugin(
			'switchboard-webhook-test.php',
			"<?php\n// Installed by WebhookHttpTest: the payments service's secret, and a listener that logs each webhook.\n"
			. 'define( ' . var_export( Signature::secret_variable( 'payments' ), true ) . ', ' . var_export( self::SECRET, true ) . " );\n"
			. "add_action( 'switchboard_webhook', static function ( \$service, \$type, \$payload, \$id ): void {\n"
			. "\tfile_put_contents( __DIR__ . '/switchboard-webhooks.log', wp_json_encode( array( \$service, \$type, \$payload, \$id, get_current_user_id() ) ) . \"\\n\", FILE_APPEND | LOCK_EX );\n"
			. "}, 10, 4 );\n"
		);
	}

	/**
	 * Stops the site.
	 */
	public static function tearDownAfterClass(): void {
		self::$site?->stop();
		self::$site = null;
		parent::tearDownAfterClass();
	}

	/**
	 * A signed webhook is accepted once, as an anonymous request, with the exact bytes that were signed.
	 */
	public function test_a_signed_webhook_is_accepted_once(): void {
		$body     = "{\"type\":\"payment.succeeded\",\n \"data\":{\"payment\":\"pay_1\",\"note\":\"caf\u{e9} \\u00e9\"}}";
		$response = $this->post( 'payments', $body, $this->signed( 'evt_http_1', $body ) );

		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame( '{"received":true,"id":"evt_http_1"}', $response['body'] );
		$this->assertSame( 409, $this->post( 'payments', $body, $this->signed( 'evt_http_1', $body ) )['status'] );

		$payload = array(
			'payment' => 'pay_1',
			'note'    => "caf\u{e9} \u{e9}",
		);
		$this->assertSame( array( array( 'payments', 'payment.succeeded', $payload, 'evt_http_1', 0 ) ), $this->logged( 'evt_http_1' ) );
	}

	/**
	 * Refusals keep the gateway's error shape and echo neither the secret nor the signature.
	 */
	public function test_refusals_have_stable_codes_and_echo_nothing_secret(): void {
		$body    = '{"type":"payment.succeeded"}';
		$signed  = $this->signed( 'evt_http_2', $body );
		$forged  = $this->signed( 'evt_http_2', $body, str_repeat( 'a', 64 ) );
		$refusal = array(
			array( 400, 'switchboard_webhook_missing_headers', $this->post( 'payments', $body, array() ) ),
			array( 401, 'switchboard_webhook_bad_signature', $this->post( 'payments', $body, $forged ) ),
			array( 401, 'switchboard_webhook_bad_signature', $this->post( 'payments', '{"type":"payment.refunded"}', $signed ) ),
			array( 404, 'switchboard_webhook_unknown_service', $this->post( 'search', $body, $signed ) ),
			array( 404, 'switchboard_webhook_unknown_service', $this->post( 'nope', $body, $signed ) ),
		);
		foreach ( $refusal as list( $status, $code, $response ) ) {
			$this->assertSame( $status, $response['status'], $response['body'] );
			$error = json_decode( $response['body'], true );
			$this->assertIsArray( $error );
			$this->assertSame( $code, $error['code'] ?? null );
			$this->assertSame( array( 'status' => $status ), $error['data'] ?? null );
			$answer = $response['body'] . (string) json_encode( $response['headers'] );
			$this->assertStringNotContainsString( self::SECRET, $answer );
			$this->assertStringNotContainsString( substr( $signed[ Signature::HEADER ], -64 ), $answer );
			$this->assertStringNotContainsString( substr( $forged[ Signature::HEADER ], -64 ), $answer );
		}
		$this->assertSame( array(), $this->logged( 'evt_http_2' ) );
		$this->assertContains( $this->request( 'GET', 'payments', '', array() )['status'], array( 404, 405 ), 'GET is not routed.' );
	}

	/**
	 * A browser logged in to WordPress that posts without a nonce is treated as anonymous: not blocked, and
	 * not let in without a signature.
	 */
	public function test_cookie_authentication_neither_blocks_nor_opens_the_route(): void {
		$jar = (string) tempnam( sys_get_temp_dir(), 'switchboard-cookies-' );
		try {
			HttpClient::request( self::site()->url() . '/wp-login.php', array(), 'GET', null, $jar );
			$login = HttpClient::request( self::site()->url() . '/wp-login.php', array( 'Content-Type' => 'application/x-www-form-urlencoded' ), 'POST', 'log=admin&pwd=password&testcookie=1', $jar );
			$this->assertSame( 302, $login['status'], 'Logged in.' );
			$this->assertStringContainsString( 'wordpress_logged_in_', (string) file_get_contents( $jar ) );

			$body = '{"type":"payment.succeeded"}';
			$this->assertSame( 400, $this->request( 'POST', 'payments', $body, array( 'Content-Type' => 'application/json' ), $jar )['status'], 'Being logged in is no signature.' );
			$response = $this->request( 'POST', 'payments', $body, array( 'Content-Type' => 'application/json' ) + $this->signed( 'evt_http_3', $body ), $jar );
			$this->assertSame( 200, $response['status'], $response['body'] );
			$this->assertSame( array( array( 'payments', 'payment.succeeded', array(), 'evt_http_3', 0 ) ), $this->logged( 'evt_http_3' ), 'Handled as no user.' );
		} finally {
			unlink( $jar );
		}
		$this->assertSame( '', self::site()->debug_log() );
	}

	/**
	 * POSTs a JSON body to a service's webhook route.
	 *
	 * @param string                $service Service id.
	 * @param string                $body    Body.
	 * @param array<string, string> $headers Signature headers.
	 * @return array{status: int, headers: array<string, string>, body: string, seconds: float}
	 */
	private function post( string $service, string $body, array $headers ): array {
		return $this->request( 'POST', $service, $body, array( 'Content-Type' => 'application/json' ) + $headers );
	}

	/**
	 * Sends a request to a service's webhook route.
	 *
	 * @param string                $method  Method.
	 * @param string                $service Service id.
	 * @param string                $body    Body.
	 * @param array<string, string> $headers Headers.
	 * @param string|null           $jar     Cookie jar.
	 * @return array{status: int, headers: array<string, string>, body: string, seconds: float}
	 */
	private function request( string $method, string $service, string $body, array $headers, ?string $jar = null ): array {
		return HttpClient::request( self::site()->url() . '/wp-json/switchboard/v1/webhooks/' . $service, $headers, $method, 'GET' === $method ? null : $body, $jar );
	}

	/**
	 * Headers that sign a body, now.
	 *
	 * @param string      $id     Event id.
	 * @param string      $body   Body.
	 * @param string|null $secret Secret; the payments service's when null.
	 * @return array<string, string>
	 */
	private function signed( string $id, string $body, ?string $secret = null ): array {
		$now = time();

		return array(
			Signature::ID_HEADER => $id,
			Signature::HEADER    => 't=' . $now . ',v1=' . Signature::compute( $secret ?? self::SECRET, $id, $now, $body ),
		);
	}

	/**
	 * The webhooks the site's listener logged for an event id.
	 *
	 * @param string $id Event id.
	 * @return list<mixed>
	 */
	private function logged( string $id ): array {
		$file    = self::log_file();
		$entries = array();
		foreach ( is_file( $file ) ? (array) file( $file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) : array() as $line ) {
			$entry = json_decode( (string) $line, true );
			if ( is_array( $entry ) && ( $entry[3] ?? null ) === $id ) {
				$entries[] = $entry;
			}
		}

		return $entries;
	}

	/**
	 * The file the site's listener logs to.
	 *
	 * @return string
	 */
	private static function log_file(): string {
		return self::site()->content_dir() . '/mu-plugins/switchboard-webhooks.log';
	}

	/**
	 * The site.
	 *
	 * @return NativeSite
	 * @throws RuntimeException Before setUpBeforeClass().
	 */
	private static function site(): NativeSite {
		if ( null === self::$site ) {
			throw new RuntimeException( 'The site is not served.' );
		}

		return self::$site;
	}
}
