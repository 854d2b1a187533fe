<?php
/**
 * The early answer over real HTTP: a site without an object cache, on `plugins_loaded`.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

use Switchboard\Tests\Support\HttpClient;

/**
 * FastAnswerTestCase's tests on a plain site (transients, SQLite, no drop-in): repeated public reads are
 * answered as soon as plugins are loaded, before the theme, `init` and the REST server.
 */
final class EarlyAnswerTest extends FastAnswerTestCase {

	/**
	 * The stage's name in `Server-Timing`.
	 *
	 * @return string
	 */
	protected static function stage(): string {
		return 'early';
	}

	/**
	 * Once WordPress has answered a route, a new query to it (a miss) is validated and proxied before `init`,
	 * with the same body and headers WordPress would send.
	 */
	public function test_a_miss_is_dispatched_early_once_the_route_has_answered(): void {
		HttpClient::request( self::api( '/fault/cached', array( 'text' => 'first-' . wp_generate_uuid4() ) ) );
		// A login cookie (here not a valid one) keeps a request out of the early stages: WordPress answers it.
		$wordpress = HttpClient::request( self::api( '/fault/cached', array( 'text' => 'wp-' . wp_generate_uuid4() ) ), array( 'Cookie' => 'wordpress_logged_in_0=x' ) );
		$early     = HttpClient::request( self::api( '/fault/cached', array( 'text' => 'miss-' . wp_generate_uuid4() ) ) );

		$this->assertFalse( self::dispatched_early( $wordpress ), 'A request with a login cookie is left to WordPress.' );
		$this->assertSame( 200, $wordpress['status'] );
		$this->assertSame( 200, $early['status'] );
		$this->assertTrue( self::dispatched_early( $early ) );
		$this->assertSame( 'MISS', $early['headers']['x-switchboard-cache'] ?? null );
		$this->assertSame( '{"ok":true,"echo":"fast"}', $early['body'] );
		foreach ( array( 'content-type', 'cache-control', 'x-robots-tag', 'x-content-type-options', 'link', 'allow', 'access-control-expose-headers', 'ratelimit-limit' ) as $name ) {
			$this->assertSame( $wordpress['headers'][ $name ] ?? 'missing', $early['headers'][ $name ] ?? 'missing', $name );
		}
		$this->assertSame( 3, self::upstream()->request_count() );
	}

	/**
	 * A failing service is called once: the early stage leaves its failure to WordPress, which answers with
	 * the gateway's translated error, without calling the service again.
	 */
	public function test_a_failure_is_answered_by_wordpress_without_a_second_call(): void {
		HttpClient::request( self::api( '/fault/plain', array( 'text' => 'warm-' . wp_generate_uuid4() ) ) );
		self::upstream()->reset();
		self::upstream()->set( array( 'status' => 500 ) );

		$failed = HttpClient::request( self::api( '/fault/plain', array( 'text' => 'down-' . wp_generate_uuid4() ) ) );

		$this->assertSame( 502, $failed['status'] );
		$this->assertStringContainsString( '"code":"switchboard_upstream_error"', $failed['body'] );
		$this->assertFalse( self::dispatched_early( $failed ) );
		$this->assertSame( 1, self::upstream()->request_count(), 'The service was called once.' );
	}

	/**
	 * Bad input goes to WordPress, which refuses it; the service is not called.
	 */
	public function test_bad_input_is_left_to_wordpress(): void {
		HttpClient::request( self::api( '/fault/plain', array( 'text' => 'warm-' . wp_generate_uuid4() ) ) );
		self::upstream()->reset();

		$refused = HttpClient::burst(
			array(
				HttpClient::spec( self::api( '/fault/plain', array( 'text' => str_repeat( 'x', 101 ) ) ) ),
				HttpClient::spec( self::api( '/fault/plain', array( 'text' => "a\x01b" ) ) ),
				HttpClient::spec( self::api( '/fault/plain', array( 'other' => '1' ) ) ),
			)
		);

		$this->assertSame( array( 400, 400, 400 ), array_column( $refused, 'status' ) );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * A rate limit is taken once per request whichever stage answers: exactly N of a burst pass (answered
	 * early), and WordPress sends the refusals.
	 */
	public function test_the_rate_limit_is_taken_once_per_request(): void {
		$url   = self::api( '/fault/limited', array( 'text' => 'limit' ) );
		$warm  = HttpClient::request( $url );
		$burst = HttpClient::burst( array_fill( 0, 2 * self::LIMIT, HttpClient::spec( $url ) ), 0.01 );

		$this->assertSame( 200, $warm['status'] );
		$statuses = array_count_values( array_column( $burst, 'status' ) );
		ksort( $statuses );
		$this->assertSame(
			array(
				200 => self::LIMIT - 1,
				429 => self::LIMIT + 1,
			),
			$statuses
		);
		$this->assertCount( self::LIMIT - 1, array_filter( $burst, static fn( array $response ): bool => self::dispatched_early( $response ) ) );
		$this->assertSame( self::LIMIT, self::upstream()->request_count() );
	}

	/**
	 * Whether the early dispatch sent a response.
	 *
	 * @param array{headers: array<string, string>} $response Response.
	 * @return bool
	 */
	private static function dispatched_early( array $response ): bool {
		return str_contains( $response['headers']['server-timing'] ?? '', 'desc="early dispatch"' );
	}
}
