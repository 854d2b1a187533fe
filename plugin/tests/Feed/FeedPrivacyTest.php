<?php
/**
 * The feed profile in WordPress's personal data export and erasure.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Feed\FeedModule;
use Switchboard\Feed\PrivacyPolicy;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;

/**
 * The exporter and eraser registered with WordPress, called through its filters as the privacy tools do,
 * against a real local upstream: export, nothing to export, erase, and the service down (never claimed
 * erased).
 */
final class FeedPrivacyTest extends FeedTestCase {

	/**
	 * The user whose data is asked for.
	 *
	 * @var int
	 */
	private int $user_id = 0;

	/**
	 * Creates the user.
	 */
	protected function set_up(): void {
		parent::set_up();
		$user_id = wp_insert_user(
			array(
				'user_login' => 'reader',
				'user_email' => 'reader@example.org',
				'user_pass'  => wp_generate_password(),
			)
		);
		$this->assertIsInt( $user_id );
		$this->user_id = $user_id;
	}

	/**
	 * The exporter or eraser callback WordPress would call.
	 *
	 * @param string $filter `wp_privacy_personal_data_exporters` or `wp_privacy_personal_data_erasers`.
	 * @phpstan-param non-empty-string $filter
	 * @return callable
	 */
	private static function privacy_callback( string $filter ): callable {
		$registered = apply_filters( $filter, array() );
		self::assertIsArray( $registered );
		$entry = $registered[ FeedModule::PRIVACY_KEY ] ?? null;
		self::assertIsArray( $entry );
		self::assertSame( 'Switchboard feed profile', $entry['exporter_friendly_name'] ?? $entry['eraser_friendly_name'] ?? null );
		self::assertIsCallable( $entry['callback'] ?? null );

		return $entry['callback'];
	}

	/**
	 * The export reads the user's profile and names its ids.
	 */
	public function test_export_includes_the_profile_with_names(): void {
		$news = self::term( 'News' );
		$post = self::post( 'A story' );
		self::answer(
			array(
				'key'        => 'u:' . $this->user_id,
				'created'    => 1763856000000,
				'updated'    => 1763942400000,
				'affinities' => array(
					'category' => array( (string) $news => 3 ),
					'tag'      => array(),
					'author'   => array(),
				),
				'read'       => array( $post ),
				'events'     => array(
					array(
						'type' => 'view',
						'post' => $post,
						'at'   => 1763942400000,
						'feed' => 'f_1',
					),
				),
				'mode'       => 'personalized',
			)
		);

		$export = call_user_func( self::privacy_callback( 'wp_privacy_personal_data_exporters' ), 'reader@example.org', 1 );

		$this->assertIsArray( $export );
		$this->assertTrue( self::dig( $export, 'done' ) );
		$items = self::dig( $export, 'data' );
		$this->assertIsArray( $items );
		$this->assertCount( 2, $items );
		$values = array_column( (array) self::dig( $items, 0, 'data' ), 'value', 'name' );
		$this->assertSame( 'u:' . $this->user_id, $values['Profile'] );
		$this->assertSame( 'News #' . $news . ' (3)', $values['Categories read'] );
		$this->assertSame( 'None', $values['Tags read'] );
		$this->assertSame( 'A story #' . $post, $values['Posts read'] );
		$this->assertSame( '2025-11-24 00:00:00 UTC', $values['Updated'] );
		$this->assertSame( 'switchboard-feed-events', self::dig( $items, 1, 'group_id' ) );
		$event = array_column( (array) self::dig( $items, 1, 'data' ), 'value', 'name' );
		$this->assertSame( 'view', $event['Event'] );
		$this->assertSame( 'A story #' . $post, $event['Post'] );

		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'GET', $requests[0]['method'] );
		$this->assertSame( '/v1/profiles/u:' . $this->user_id, $requests[0]['uri'] );
		$this->assertStringStartsWith( 'Bearer ', $requests[0]['headers']['authorization'] ?? '' );
	}

	/**
	 * No profile at the service, or no such user: nothing to export, without an error.
	 */
	public function test_nothing_to_export(): void {
		self::answer(
			array(
				'code'    => 'not_found',
				'message' => 'No profile.',
			),
			404
		);
		$export = self::privacy_callback( 'wp_privacy_personal_data_exporters' );

		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			call_user_func( $export, 'reader@example.org', 1 )
		);
		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			call_user_func( $export, 'nobody@example.org', 1 )
		);
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * When the service is down the export fails with a message rather than leaving the profile out.
	 */
	public function test_export_fails_when_the_service_is_down(): void {
		self::service_fails();

		$export = call_user_func( self::privacy_callback( 'wp_privacy_personal_data_exporters' ), 'reader@example.org', 1 );

		$this->assertInstanceOf( \WP_Error::class, $export );
		$this->assertSame( 'switchboard_feed_export_failed', $export->get_error_code() );
	}

	/**
	 * Erasure deletes the user's profile at the service and says so.
	 */
	public function test_erase_deletes_the_profile(): void {
		self::answer( array( 'deleted' => true ) );

		$result = call_user_func( self::privacy_callback( 'wp_privacy_personal_data_erasers' ), 'reader@example.org', 1 );

		$this->assertSame(
			array(
				'items_removed'  => true,
				'items_retained' => false,
				'messages'       => array(),
				'done'           => true,
			),
			$result
		);
		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'DELETE', $requests[0]['method'] );
		$this->assertSame( '/v1/profiles/u:' . $this->user_id, $requests[0]['uri'] );

		self::answer( array( 'deleted' => false ) );
		$again = call_user_func( self::privacy_callback( 'wp_privacy_personal_data_erasers' ), 'reader@example.org', 1 );
		$this->assertIsArray( $again );
		$this->assertFalse( $again['items_removed'], 'Nothing left to remove.' );
		$this->assertFalse( $again['items_retained'] );
	}

	/**
	 * With the service down, the eraser reports the profile retained and why: never an erasure that did
	 * not happen.
	 */
	public function test_erase_reports_retained_when_the_service_is_down(): void {
		self::service_fails();

		$result = call_user_func( self::privacy_callback( 'wp_privacy_personal_data_erasers' ), 'reader@example.org', 1 );

		$this->assertIsArray( $result );
		$this->assertFalse( $result['items_removed'] );
		$this->assertTrue( $result['items_retained'] );
		$this->assertSame( array( 'The feed service could not be reached, so the feed profile was not erased. Please try again later.' ), $result['messages'] );
		$this->assertTrue( $result['done'] );
	}

	/**
	 * Without a feed service configured there is nothing to reach: said so, nothing claimed.
	 */
	public function test_erase_without_a_feed_service(): void {
		update_option( ServiceRegistry::OPTION, array() );

		$result = call_user_func( self::privacy_callback( 'wp_privacy_personal_data_erasers' ), 'reader@example.org', 1 );

		$this->assertIsArray( $result );
		$this->assertFalse( $result['items_removed'] );
		$this->assertFalse( $result['items_retained'] );
		$this->assertIsArray( $result['messages'] );
		$this->assertCount( 1, $result['messages'] );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * Profile keys are paths the service client accepts; a `:` still cannot start a segment (a scheme or a
	 * port), and what the client refused before stays refused.
	 */
	public function test_profile_keys_are_safe_paths(): void {
		$this->assertTrue( ServiceClient::is_safe_path( '/v1/profiles/u:12' ) );
		$this->assertTrue( ServiceClient::is_safe_path( '/v1/profiles/a:AbCdEfGhIjKlMnOpQr_-12' ) );
		foreach ( array( '/:12', '/v1/:x', '//evil.example:80/x', '/v1/profiles/u:12/../x', '/@evil.example', '/v1/u:1?x', '/v1/u%3A1' ) as $path ) {
			$this->assertFalse( ServiceClient::is_safe_path( $path ), $path );
		}
	}

	/**
	 * The privacy policy guide describes what the feed stores.
	 */
	public function test_privacy_policy_text(): void {
		$this->log_in_as( 'administrator' );
		set_current_screen( 'dashboard' );
		require_once ABSPATH . 'wp-admin/includes/misc.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';

		$this->assertSame( 10, has_action( 'admin_init', array( PrivacyPolicy::class, 'add' ) ) );
		// Only this callback: WordPress's own would run update checks. The hooks are restored after the test.
		remove_all_actions( 'admin_init' );
		add_action( 'admin_init', array( PrivacyPolicy::class, 'add' ) );
		do_action( 'admin_init' );

		$content  = new \ReflectionProperty( \WP_Privacy_Policy_Content::class, 'policy_content' );
		$policies = $content->getValue();
		$this->assertIsArray( $policies );
		$feed = array_values( array_filter( $policies, static fn( mixed $policy ): bool => is_array( $policy ) && 'Switchboard personalized feed' === ( $policy['plugin_name'] ?? null ) ) );
		$this->assertCount( 1, $feed );
		$text = self::dig( $feed, 0, 'policy_text' );
		$this->assertIsString( $text );
		$this->assertStringContainsString( 'deleted after 90 days', $text );
	}
}
