<?php
/**
 * The WP Consent API mode, in a site of its own.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;

/**
 * With a consent plugin's `wp_has_consent()`, the personal feed and events are refused (403) unless the
 * visitor allowed the category; forgetting never is.
 */
final class ConsentApiTest extends TestCase {

	use DigsArrays;
	use UsesFaultServer;

	/**
	 * The site, created once for the class.
	 *
	 * @var Site|null
	 */
	private static ?Site $site = null;

	/**
	 * Starts the upstream, and creates and activates the site.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();
		self::start_upstream();
		self::$site = TestEnvironment::get()->create_active_site( 'feed-consent-api' );
	}

	/**
	 * The routes follow the visitor's choice for the category.
	 */
	public function test_routes_follow_the_consent_api(): void {
		$this->assertNotNull( self::$site );
		self::upstream()->set( array( 'body' => '{"accepted":1,"deleted":true,"request_id":"f_1","mode":"cold","slots":[{"items":[]}]}' ) );

		$finished = Site::wait_for_script( self::$site->start_script( __DIR__ . '/consent-in-site.php', array( self::upstream()->url() ) ) );

		$this->assertSame( 0, $finished['exit_code'], $finished['stderr'] . $finished['stdout'] );
		$report = json_decode( $finished['stdout'], true );
		$this->assertIsArray( $report, $finished['stdout'] );
		$this->assertSame(
			array(
				'mode'     => 'wp-consent-api',
				'category' => 'preferences',
			),
			$report['browser'] ?? null
		);

		$refused = array(
			'status' => 403,
			'code'   => 'switchboard_feed_no_consent',
		);
		$ok      = array(
			'status' => 200,
			'code'   => null,
		);
		foreach ( array( 'none', 'denied', 'other_category' ) as $case ) {
			$this->assertSame( $refused, self::dig( $report, $case, '/feed/personal' ), $case );
			$this->assertSame( $refused, self::dig( $report, $case, '/feed/events' ), $case );
			$this->assertSame( $ok, self::dig( $report, $case, '/feed/forget' ), $case . ': withdrawing never needs consent.' );
		}
		$this->assertSame( $ok, self::dig( $report, 'allowed', '/feed/personal' ) );
		$this->assertSame( $ok, self::dig( $report, 'allowed', '/feed/events' ) );
		$this->assertTrue( $report['server_check'] ?? null );
		$this->assertSame( 'statistics', self::dig( $report, 'other_browser', 'category' ) );

		// Only allowed requests reached the service: personal and events once each, forget all four times.
		$this->assertSame( array( '/v1/feed/personal', '/v1/signals' ), array_values( array_unique( array_filter( array_column( self::upstream()->requests(), 'uri' ), static fn( string $uri ): bool => '/v1/profiles/forget' !== $uri ) ) ) );
		$this->assertSame( 6, self::upstream()->request_count() );
	}
}
