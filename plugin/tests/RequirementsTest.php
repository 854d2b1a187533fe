<?php
/**
 * Tests the PHP and WordPress version guard.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use Switchboard\Requirements;

/**
 * The guard compares versions correctly and explains itself to administrators only.
 */
final class RequirementsTest extends TestCase {

	/**
	 * Versions and whether they are supported.
	 *
	 * @return array<string, array{string, string, bool, bool}>
	 */
	public function versions(): array {
		return array(
			'minimums'                      => array( '8.1.0', '6.6', true, true ),
			'current'                       => array( '8.2.7', '6.8.7', true, true ),
			'old PHP'                       => array( '8.0.30', '6.8.7', false, true ),
			'PHP 7'                         => array( '7.4.33', '6.8.7', false, true ),
			'old WordPress'                 => array( '8.2.7', '6.5.5', true, false ),
			'pre-release of the minimum WP' => array( '8.2.7', '6.6-RC1', true, true ),
			'both old'                      => array( '7.2.24', '6.5', false, false ),
		);
	}

	/**
	 * Each requirement is judged on its own, and both must hold.
	 *
	 * @dataProvider versions
	 *
	 * @param string $php_version PHP version.
	 * @param string $wp_version  WordPress version.
	 * @param bool   $php_ok      Whether PHP is supported.
	 * @param bool   $wp_ok       Whether WordPress is supported.
	 */
	public function test_compares_versions( string $php_version, string $wp_version, bool $php_ok, bool $wp_ok ): void {
		$requirements = new Requirements( $php_version, $wp_version );

		$this->assertSame( $php_ok, $requirements->is_php_supported() );
		$this->assertSame( $wp_ok, $requirements->is_wp_supported() );
		$this->assertSame( $php_ok && $wp_ok, $requirements->is_met() );
		$this->assertCount( ( $php_ok ? 0 : 1 ) + ( $wp_ok ? 0 : 1 ), $requirements->get_messages() );
	}

	/**
	 * This site meets the requirements, which is why the plugin runs here at all.
	 */
	public function test_this_environment_is_supported(): void {
		$this->assertTrue( Requirements::from_environment()->is_met() );
		$this->assertSame( get_bloginfo( 'version' ), $GLOBALS['wp_version'] );
	}

	/**
	 * When requirements hold, enforce() lets the plugin run and adds no notice.
	 */
	public function test_enforce_allows_a_supported_environment(): void {
		$requirements = new Requirements( '8.2.0', '6.8' );

		$this->assertTrue( $requirements->enforce() );
		$this->assertFalse( has_action( 'admin_notices', array( $requirements, 'render_notice' ) ) );
	}

	/**
	 * When they do not, enforce() stops the plugin and schedules the notice.
	 */
	public function test_enforce_stops_an_unsupported_environment(): void {
		$requirements = new Requirements( '8.0.0', '6.8' );

		$this->assertFalse( $requirements->enforce() );
		$this->assertSame( 10, has_action( 'admin_notices', array( $requirements, 'render_notice' ) ) );
	}

	/**
	 * Administrators read what is missing, escaped.
	 */
	public function test_notice_explains_each_unmet_requirement_to_administrators(): void {
		$this->log_in_as( 'administrator' );
		$requirements = new Requirements( '8.0.30', '6.5<script>' );

		$html = $this->capture_output( array( $requirements, 'render_notice' ) );

		$this->assertSame( 2, substr_count( $html, 'class="notice notice-error switchboard-requirements"' ) );
		$this->assertStringContainsString( 'Switchboard needs PHP 8.1 or newer, but this site runs PHP 8.0.30.', $html );
		$this->assertStringContainsString( 'Switchboard needs WordPress 6.6 or newer, but this site runs WordPress 6.5&lt;script&gt;.', $html );
		$this->assertStringNotContainsString( '<script>', $html );
	}

	/**
	 * Other users see nothing.
	 */
	public function test_notice_is_hidden_from_users_who_cannot_manage_plugins(): void {
		$this->log_in_as( 'editor' );

		$html = $this->capture_output( array( new Requirements( '8.0.30', '6.5' ), 'render_notice' ) );

		$this->assertSame( '', $html );
	}
}
