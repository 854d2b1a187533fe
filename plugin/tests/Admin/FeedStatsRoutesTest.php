<?php
/**
 * Tests of the feed statistics route of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\HttpApiResponse;

/**
 * `GET switchboard/v1/admin/feed/stats`: administrators only; the service's `GET /v1/stats` asked with the
 * gateway's JWT and copied field by field; a service that is down, unconfigured or answers nonsense gives a
 * clear error with a stable code, never the service's body.
 */
final class FeedStatsRoutesTest extends AdminTestCase {

	/**
	 * The fake feed service's base URL.
	 */
	private const URL = 'http://feed.test:4797';

	/**
	 * The route.
	 */
	private const ROUTE = '/switchboard/v1/admin/feed/stats';

	/**
	 * Requests the fake received: URL and headers.
	 *
	 * @var list<array{url: string, headers: array<mixed>}>
	 */
	private array $requests = array();

	/**
	 * What the fake answers: an HTTP response array or a WP_Error.
	 *
	 * @var mixed
	 */
	private mixed $answer = null;

	/**
	 * Points the feed service at a fake that records requests.
	 */
	protected function set_up(): void {
		parent::set_up();
		update_option( ServiceRegistry::OPTION, array( 'feed' => self::URL ) );
		$this->answer = HttpApiResponse::json(
			200,
			array(
				'catalogue'     => 1200,
				'profiles'      => 340,
				'events'        => 9100,
				'holdout_share' => 0.1,
				'modes'         => array(
					'personalized' => array(
						'impressions' => 4000,
						'clicks'      => 240,
						'ctr'         => 0.06,
					),
					'holdout'      => array(
						'impressions' => 500,
						'clicks'      => 20,
						'ctr'         => 0.04,
					),
					'cold'         => array(
						'impressions' => 0,
						'clicks'      => 0,
						'ctr'         => null,
					),
				),
				'lift'          => 0.5,
				'internal'      => 'not for the browser',
			)
		);
		add_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				if ( false !== $pre || ! is_string( $url ) || ! str_starts_with( $url, self::URL . '/' ) ) {
					return $pre;
				}
				$this->requests[] = array(
					'url'     => $url,
					'headers' => is_array( $args ) && is_array( $args['headers'] ?? null ) ? $args['headers'] : array(),
				);

				return $this->answer;
			},
			10,
			3
		);
	}

	/**
	 * Visitors get 401, other users 403, and the service is not asked.
	 */
	public function test_only_administrators(): void {
		$this->assertSame( 401, $this->dispatch( 'GET', self::ROUTE )->get_status() );
		$this->log_in_as( 'editor' );
		$this->assertSame( 403, $this->dispatch( 'GET', self::ROUTE )->get_status() );
		$this->assertSame( array(), $this->requests );
	}

	/**
	 * The statistics, asked with the gateway's token, copied field by field, never cached.
	 */
	public function test_the_statistics(): void {
		$this->log_in_as( 'administrator' );
		$response = $this->dispatch( 'GET', self::ROUTE );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
		$data = $this->data( $response );
		$this->assertSame( 1200, self::value_at( $data, 'stats.catalogue' ) );
		$this->assertSame( 340, self::value_at( $data, 'stats.profiles' ) );
		$this->assertSame( 9100, self::value_at( $data, 'stats.events' ) );
		$this->assertSame( 0.1, self::value_at( $data, 'stats.holdout_share' ) );
		$this->assertSame(
			array(
				'impressions' => 4000,
				'clicks'      => 240,
				'ctr'         => 0.06,
			),
			self::value_at( $data, 'stats.modes.personalized' )
		);
		$this->assertNull( self::value_at( $data, 'stats.modes.cold.ctr' ) );
		$this->assertSame( 0.5, self::value_at( $data, 'stats.lift' ) );
		$this->assertNull( self::value_at( $data, 'stats.internal' ), 'Unknown fields are not passed on.' );
		$this->assertIsInt( self::value_at( $data, 'generated_at' ) );
		$this->assert_no_secret( $response );

		$this->assertCount( 1, $this->requests );
		$this->assertSame( self::URL . '/v1/stats', $this->requests[0]['url'] );
		$headers       = array_change_key_case( $this->requests[0]['headers'] );
		$authorization = $headers['authorization'] ?? '';
		$this->assertIsString( $authorization );
		$this->assertStringStartsWith( 'Bearer ', $authorization, 'The gateway JWT goes with the request.' );
	}

	/**
	 * A missing rate is computed from the counts; an unmeasurable lift stays null.
	 */
	public function test_missing_rates_are_computed(): void {
		$this->log_in_as( 'administrator' );
		$this->answer = HttpApiResponse::json(
			200,
			array(
				'catalogue' => 3,
				'profiles'  => 0,
				'events'    => 0,
				'modes'     => array(
					'personalized' => array(
						'impressions' => 10,
						'clicks'      => 1,
					),
				),
				'lift'      => null,
			)
		);
		$data         = $this->data( $this->dispatch( 'GET', self::ROUTE ) );
		$this->assertSame( 0.1, self::value_at( $data, 'stats.modes.personalized.ctr' ) );
		$this->assertSame( 0, self::value_at( $data, 'stats.modes.holdout.impressions' ) );
		$this->assertNull( self::value_at( $data, 'stats.lift' ) );
		$this->assertNull( self::value_at( $data, 'stats.holdout_share' ) );
	}

	/**
	 * The service down: a clear 503 with the gateway's code and message.
	 */
	public function test_the_service_down(): void {
		$this->log_in_as( 'administrator' );
		$this->answer = new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect to feed.test port 4797: Connection refused' );
		$response     = $this->dispatch( 'GET', self::ROUTE );
		$this->assertSame( 503, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( 'The service could not be reached.', self::value_at( $data, 'message' ) );
		$this->assertIsString( self::value_at( $data, 'code' ) );
		$this->assertStringNotContainsString( 'cURL', (string) wp_json_encode( $data ) );
		$this->assert_no_secret( $response );
	}

	/**
	 * An answer of the wrong shape is refused as a whole (502), and its body is not shown.
	 */
	public function test_a_bad_answer(): void {
		$this->log_in_as( 'administrator' );
		$this->answer = HttpApiResponse::json( 200, array( 'catalogue' => 'many' ) );
		$response     = $this->dispatch( 'GET', self::ROUTE );
		$this->assertSame( 502, $response->get_status() );
		$this->assertSame( 'switchboard_feed_bad_answer', self::value_at( $this->data( $response ), 'code' ) );
		$this->assertStringNotContainsString( 'many', (string) wp_json_encode( $this->data( $response ) ) );
	}

	/**
	 * Without a feed URL: a 503 that says how to set one, and no request.
	 */
	public function test_without_a_url(): void {
		$this->log_in_as( 'administrator' );
		update_option( ServiceRegistry::OPTION, array() );
		$response = $this->dispatch( 'GET', self::ROUTE );
		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'switchboard_feed_not_configured', self::value_at( $this->data( $response ), 'code' ) );
		$this->assertStringContainsString( 'SWITCHBOARD_FEED_URL', self::str_at( $this->data( $response ), 'message' ) );
		$this->assertSame( array(), $this->requests );
	}
}
