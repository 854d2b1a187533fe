<?php
/**
 * Tests requesting the plugin's entry files directly.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use Switchboard\Tests\Support\TestEnvironment;

/**
 * The main file and uninstall.php do nothing when reached outside their WordPress context.
 */
final class DirectAccessTest extends TestCase {

	/**
	 * Entry files and the code that runs before including them.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function entry_files(): array {
		return array(
			'main file without WordPress'            => array( 'switchboard.php', '' ),
			'uninstall.php outside uninstall_plugin' => array( 'uninstall.php', 'define( "ABSPATH", "/tmp/" );' ),
		);
	}

	/**
	 * The file exits at once: no output, no error, nothing after it runs.
	 *
	 * @dataProvider entry_files
	 *
	 * @param string $file    File inside the plugin folder.
	 * @param string $prelude PHP to run first.
	 */
	public function test_exits_silently( string $file, string $prelude ): void {
		$path    = TestEnvironment::get()->repo_dir . '/plugin/' . $file;
		$code    = $prelude . ' include $argv[1]; echo "still running";';
		$pipes   = array();
		$process = proc_open(
			array( PHP_BINARY, '-d', 'display_errors=stderr', '-d', 'error_reporting=-1', '-r', $code, $path ),
			array(
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes
		);
		$this->assertIsResource( $process );
		$stdout = stream_get_contents( $pipes[1] );
		$stderr = stream_get_contents( $pipes[2] );

		$this->assertSame( 0, proc_close( $process ) );
		$this->assertSame( '', $stdout );
		$this->assertSame( '', $stderr );
	}
}
