<?php
/**
 * Tests a German site in separate processes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\I18n;

use Switchboard\Tests\Support\ErrorCollector;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteReport;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\TestCase;

/**
 * On a fresh German site, the plugin's bundled translations load with no "translation loading was
 * triggered too early" notice, and the version guard keeps the plugin dormant on an older WordPress.
 *
 * Each request runs in its own process, because just-in-time translation loading and the version guard
 * happen while WordPress boots, which the PHPUnit process did long ago.
 */
final class LocalizedSiteTest extends TestCase {

	/**
	 * The German site, with a copy of the plugin whose `languages` folder holds a German translation.
	 *
	 * @var Site|null
	 */
	private static ?Site $site = null;

	/**
	 * Reports of installing and activating.
	 *
	 * @var list<SiteReport>
	 */
	private static array $setup = array();

	/**
	 * Creates, installs and activates the German site once for the class.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();

		self::$site = TestEnvironment::get()->create_site( 'german', true );
		self::$site->write_translations( self::$site->languages_dir(), 'default', 'de_DE', array() );
		self::$site->write_translations( self::$site->plugin_dir() . '/languages', 'switchboard', 'de_DE', array( 'Switchboard' => 'Schaltzentrale' ) );
		self::$setup = array(
			self::$site->run( 'install', array( '--locale=de_DE' ) ),
			self::$site->run( 'activate' ),
		);
	}

	/**
	 * The site is German and the plugin reads the translation from its own `languages` folder.
	 */
	public function test_bundled_translations_load_without_a_just_in_time_notice(): void {
		foreach ( self::$setup as $report ) {
			$this->assert_clean( $report );
		}

		$report = $this->site()->run( 'boot', array( '--admin' ) );

		$this->assert_clean( $report );
		$this->assertSame( 'de_DE', $report->string( 'locale' ) );
		$this->assertSame( 'Schaltzentrale', $report->string( 'translated' ) );
		$this->assertSame( 'Schaltzentrale', $report->string_map( 'categories' )['switchboard'] ?? null, $report->describe() );
		$this->assertTrue( $report->data['booted'] ?? null );
	}

	/**
	 * The check above can fail: translating a plugin string before `init` does raise the notice.
	 */
	public function test_translating_too_early_is_caught(): void {
		$language_pack = $this->site()->write_translations( $this->site()->languages_dir() . '/plugins', 'switchboard', 'de_DE', array( 'Switchboard' => 'Schaltzentrale (Sprachpaket)' ) );
		try {
			$report = $this->site()->run( 'boot', array( '--early-translation' ) );
		} finally {
			unlink( $language_pack );
		}

		$this->assertTrue( $report->completed, $report->describe() );
		$this->assertSame( 'Schaltzentrale (Sprachpaket)', $report->string( 'early_translation' ) );
		$messages = ErrorCollector::format( $report->errors );
		$this->assertStringContainsString( 'doing_it_wrong_run: _load_textdomain_just_in_time', $messages );
		$this->assertStringContainsString( 'was triggered too early', $messages );
	}

	/**
	 * On a WordPress older than the plugin needs, the plugin stays dormant and tells administrators why.
	 */
	public function test_version_guard_keeps_the_plugin_dormant_on_old_wordpress(): void {
		$report = $this->site()->run( 'boot', array( '--admin', '--wp-version=6.5.5' ) );

		$this->assert_clean( $report );
		$this->assertFalse( $report->data['booted'] ?? null, 'The plugin booted despite the old WordPress.' );
		$this->assertSame( array(), $report->strings( 'blocks' ) );
		$this->assertArrayNotHasKey( 'switchboard', $report->string_map( 'categories' ) );
		$this->assertArrayHasKey( 'text', $report->string_map( 'categories' ), 'Core categories are still listed.' );
		$this->assertStringContainsString( 'Switchboard needs WordPress 6.6 or newer, but this site runs WordPress 6.5.5.', $report->string( 'admin_notices' ) );
	}

	/**
	 * The German site.
	 *
	 * @return Site
	 */
	private function site(): Site {
		$this->assertNotNull( self::$site );
		return self::$site;
	}

	/**
	 * A request completed without errors, output or log entries.
	 *
	 * @param SiteReport $report The request's report.
	 */
	private function assert_clean( SiteReport $report ): void {
		$this->assertTrue( $report->completed, $report->describe() );
		$this->assertSame( 0, $report->exit_code, $report->describe() );
		$this->assertSame( array(), $report->errors, $report->describe() );
		$this->assertSame( '', $report->output, $report->describe() );
		$this->assertSame( '', $report->debug_log, $report->describe() );
	}
}
