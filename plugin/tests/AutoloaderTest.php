<?php
/**
 * Tests the plugin's autoloader.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use Switchboard\Autoloader;
use Switchboard\Plugin;
use Switchboard\Registration\BlockTypes;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\TestEnvironment;

/**
 * Classes map to PSR-4 file names; nothing outside the prefix or the folder is ever loaded.
 */
final class AutoloaderTest extends TestCase {

	/**
	 * The plugin's own classes resolve to their files under plugin/src.
	 */
	public function test_maps_plugin_classes_to_psr4_files(): void {
		$src        = TestEnvironment::get()->repo_dir . '/plugin/src';
		$autoloader = new Autoloader( 'Switchboard\\', $src . '/' );

		$this->assertSame( $src . '/Plugin.php', $autoloader->file_for( Plugin::class ) );
		$this->assertSame( $src . '/Registration/BlockTypes.php', $autoloader->file_for( BlockTypes::class ) );
		$this->assertFileExists( (string) $autoloader->file_for( BlockTypes::class ) );
	}

	/**
	 * Classes of other namespaces, and names that are not class names, map to nothing.
	 */
	public function test_refuses_other_prefixes_and_invalid_names(): void {
		$autoloader = new Autoloader( 'Switchboard', '/plugin/src' );

		$this->assertNull( $autoloader->file_for( 'SwitchboardExtra\\Plugin' ), 'A longer name sharing the prefix is another namespace.' );
		$this->assertNull( $autoloader->file_for( 'WP_Post' ) );
		$this->assertNull( $autoloader->file_for( 'Switchboard\\..\\..\\wp-config' ) );
		$this->assertNull( $autoloader->file_for( 'Switchboard\\Blocks/../../secret' ) );
		$this->assertNull( $autoloader->file_for( 'Switchboard\\' ) );
	}

	/**
	 * A registered loader loads a class from its folder, and stops when unregistered.
	 */
	public function test_loads_classes_while_registered(): void {
		$dir = TestEnvironment::get()->create_temp_dir( 'autoload' );
		Site::make_dir( $dir . '/Nested' );
		Site::write_file( $dir . '/Nested/Loaded.php', "<?php\nnamespace SwitchboardAutoloadFixture\\Nested;\nfinal class Loaded {}\n" );
		Site::write_file( $dir . '/Later.php', "<?php\nnamespace SwitchboardAutoloadFixture;\nfinal class Later {}\n" );

		$autoloader = new Autoloader( 'SwitchboardAutoloadFixture\\', $dir );
		$autoloader->register();
		try {
			$this->assertTrue( class_exists( 'SwitchboardAutoloadFixture\\Nested\\Loaded' ) );
			$this->assertFalse( class_exists( 'SwitchboardAutoloadFixture\\Missing' ), 'A missing file is not an error.' );
		} finally {
			$autoloader->unregister();
		}

		$this->assertFalse( class_exists( 'SwitchboardAutoloadFixture\\Later' ) );
	}
}
