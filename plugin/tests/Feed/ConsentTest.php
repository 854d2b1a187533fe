<?php
/**
 * The consent source's modes and filters.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Feed\Consent;
use Switchboard\Tests\TestCase;

/**
 * Without a consent plugin the built-in prompt; filters choose the mode and category, and unknown values
 * keep the defaults. (The WP Consent API itself: ConsentApiTest, in a process of its own.)
 */
final class ConsentTest extends TestCase {

	/**
	 * The default is the prompt, which only the browser can check.
	 */
	public function test_prompt_by_default(): void {
		$this->assertFalse( function_exists( 'wp_has_consent' ), 'No consent plugin in the test site.' );
		$this->assertSame( 'prompt', Consent::mode() );
		$this->assertNull( Consent::allows_server_check() );
		$this->assertSame(
			array(
				'mode'     => 'prompt',
				'category' => 'preferences',
			),
			Consent::for_browser()
		);
	}

	/**
	 * A site that collects consent itself grants it to everyone.
	 */
	public function test_granted_by_filter(): void {
		add_filter( 'switchboard_feed_consent_mode', static fn(): string => 'granted' );

		$this->assertSame( 'granted', Consent::mode() );
		$this->assertTrue( Consent::allows_server_check() );
	}

	/**
	 * The WP Consent API mode without its function is unknown to the server, never a refusal.
	 */
	public function test_consent_api_mode_without_the_api_leaves_the_check_to_the_browser(): void {
		add_filter( 'switchboard_feed_consent_mode', static fn(): string => 'wp-consent-api' );

		$this->assertSame( 'wp-consent-api', Consent::mode() );
		$this->assertNull( Consent::allows_server_check() );
	}

	/**
	 * Unknown modes and empty categories keep the defaults; categories are keys.
	 */
	public function test_unknown_values_keep_the_defaults(): void {
		add_filter( 'switchboard_feed_consent_mode', static fn(): string => 'always' );
		add_filter( 'switchboard_feed_consent_category', static fn(): string => '' );
		$this->assertSame( 'prompt', Consent::mode() );
		$this->assertSame( 'preferences', Consent::category() );

		add_filter( 'switchboard_feed_consent_category', static fn(): string => 'Marketing' );
		$this->assertSame( 'marketing', Consent::category() );
	}
}
