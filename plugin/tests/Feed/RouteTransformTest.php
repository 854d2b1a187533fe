<?php
/**
 * A route's transform of the service's answer.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Route;
use Switchboard\Tests\Support\GatewayFixture;
use WP_Error;

/**
 * The transform gets the answer already reduced to the response schema, and its result is what the
 * browser (and, for public routes, the cache) gets; the fallback's answer is final and not transformed;
 * a transform's error is the gateway's error.
 */
final class RouteTransformTest extends FeedTestCase {

	/**
	 * What the transform received.
	 *
	 * @var list<array<mixed>>
	 */
	private array $seen = array();

	/**
	 * Adds a cached route on the fault service whose transform upper-cases `echo` (and fails for "fail").
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->seen = array();
		GatewayFixture::add_routes(
			new Route(
				'fault/shaped',
				GatewayFixture::SERVICE_ID,
				'/fault/shaped',
				'GET',
				'/v1/shaped',
				Route::ACCESS_PUBLIC,
				array(
					'text' => array(
						'type'      => 'string',
						'maxLength' => 20,
					),
				),
				array(
					'type'       => 'object',
					'properties' => array(
						'ok'   => array( 'type' => 'boolean' ),
						'echo' => array( 'type' => 'string' ),
					),
				),
				CachePolicy::public( 60 ),
				null,
				static fn( array $args ): array => array(
					'ok'   => false,
					'echo' => 'fallback',
				),
				function ( array $answer, array $args ): array|WP_Error {
					$this->seen[] = $answer;
					if ( 'fail' === ( $args['text'] ?? null ) ) {
						return new WP_Error( 'switchboard_test_transform', 'No.', array( 'status' => 502 ) );
					}
					return array( 'echo' => strtoupper( is_string( $answer['echo'] ?? null ) ? $answer['echo'] : '' ) ) + $answer;
				}
			)
		);
	}

	/**
	 * The transform sees the allow-listed answer; its result is answered and cached.
	 */
	public function test_transforms_the_shaped_answer_and_caches_the_result(): void {
		self::answer(
			array(
				'ok'     => true,
				'echo'   => 'quiet',
				'secret' => 'x',
			)
		);

		$first  = $this->call( 'GET', '/fault/shaped', array( 'text' => 'a' ) );
		$second = $this->call( 'GET', '/fault/shaped', array( 'text' => 'a' ) );

		$expected = array(
			'echo' => 'QUIET',
			'ok'   => true,
		);
		$this->assertSame( $expected, $first->get_data() );
		$this->assertSame( $expected, $second->get_data() );
		$this->assertSame( 'HIT', self::header( $second, 'X-Switchboard-Cache' ) );
		$this->assertSame(
			array(
				array(
					'ok'   => true,
					'echo' => 'quiet',
				),
			),
			$this->seen,
			'Called once, with the shaped answer.'
		);
	}

	/**
	 * The fallback's answer is not transformed.
	 */
	public function test_fallback_is_final(): void {
		self::service_fails();

		$response = $this->call( 'GET', '/fault/shaped', array( 'text' => 'b' ) );

		$this->assertSame(
			array(
				'ok'   => false,
				'echo' => 'fallback',
			),
			$response->get_data()
		);
		$this->assertSame( array(), $this->seen );
	}

	/**
	 * A transform's error is answered as the gateway's error and never cached.
	 */
	public function test_transform_error_is_an_error(): void {
		self::answer(
			array(
				'ok'   => true,
				'echo' => 'x',
			)
		);

		$response = $this->call( 'GET', '/fault/shaped', array( 'text' => 'fail' ) );
		$this->call( 'GET', '/fault/shaped', array( 'text' => 'fail' ) );

		// The route's fallback answers a 5xx, as for any failure of the service's answer.
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'native', self::header( $response, 'X-Switchboard-Fallback' ) );
		$this->assertSame( 2, self::upstream()->request_count(), 'Nothing was cached.' );
	}
}
