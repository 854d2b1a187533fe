<?php
/**
 * Tests loading the plugin's translations in this process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\I18n;

use Switchboard\I18n\TextDomain;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\TestCase;

/**
 * The translations folder is registered on `init`, and translated strings follow the current locale.
 */
final class TextDomainTest extends TestCase {

	/**
	 * Translation files written by the test, removed afterwards.
	 *
	 * @var list<string>
	 */
	private array $files = array();

	/**
	 * Removes the translation files.
	 */
	protected function tear_down(): void {
		foreach ( $this->files as $file ) {
			unlink( $file );
		}

		parent::tear_down();
	}

	/**
	 * The folder is registered on `init` before blocks register (priority 10) their translated titles.
	 */
	public function test_registers_the_folder_on_init_before_blocks(): void {
		$text_domain = new TextDomain( SWITCHBOARD_FILE );
		$text_domain->register_hooks();

		$this->assertSame( 0, has_action( 'init', array( $text_domain, 'load_textdomain' ) ) );
	}

	/**
	 * The folder is found through the plugins folder, also when the plugin folder is a symbolic link
	 * (as in this site, whose plugin links to the repository).
	 */
	public function test_folder_is_relative_to_the_plugins_folder(): void {
		$this->assertSame( 'switchboard/languages', ( new TextDomain( SWITCHBOARD_FILE ) )->relative_path() );
		$this->assertSame( 'switchboard/lang', ( new TextDomain( SWITCHBOARD_FILE, '/lang/' ) )->relative_path() );
	}

	/**
	 * Plugin strings, including the block category title, translate when the locale switches
	 * (as for an e-mail to a user with another language), with no just-in-time loading notice.
	 */
	public function test_strings_follow_a_locale_switch(): void {
		$site          = TestEnvironment::get()->site();
		$this->files[] = $site->write_translations( $site->languages_dir() . '/plugins', 'switchboard', TestEnvironment::SECOND_LOCALE, array( 'Switchboard' => 'Schaltzentrale' ) );

		$this->assertTrue( switch_to_locale( TestEnvironment::SECOND_LOCALE ) );
		$this->assertSame( 'Schaltzentrale', __( 'Switchboard', 'switchboard' ) );
		$this->assertContains( 'Schaltzentrale', wp_list_pluck( get_block_categories( new \WP_Block_Editor_Context() ), 'title' ) );

		restore_previous_locale();
		$this->assertSame( 'Switchboard', __( 'Switchboard', 'switchboard' ) );
	}
}
