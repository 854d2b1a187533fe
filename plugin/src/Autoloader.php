<?php
/**
 * PSR-4 autoloader for the plugin's classes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard;

/**
 * Maps the classes of one namespace prefix to files under one directory, PSR-4 style.
 *
 * Hand-written so that the zipped plugin needs no Composer at runtime. The bootstrap file loads this
 * class before the PHP version check, so it keeps to syntax that PHP 7.2 (WordPress 6.6's minimum) parses.
 */
final class Autoloader {

	/**
	 * Namespace prefix with one trailing backslash, e.g. `Switchboard\`.
	 *
	 * @var string
	 */
	private $prefix;

	/**
	 * Directory holding the prefix's classes, with one trailing slash.
	 *
	 * @var string
	 */
	private $base_dir;

	/**
	 * Sets up the mapping.
	 *
	 * @param string $prefix   Namespace prefix, e.g. `Switchboard\`.
	 * @param string $base_dir Directory that holds the classes of that namespace.
	 */
	public function __construct( string $prefix, string $base_dir ) {
		$this->prefix   = trim( $prefix, '\\' ) . '\\';
		$this->base_dir = rtrim( $base_dir, '/\\' ) . '/';
	}

	/**
	 * Adds this loader to PHP's autoload stack.
	 */
	public function register(): void {
		spl_autoload_register( array( $this, 'load' ) );
	}

	/**
	 * Removes this loader from PHP's autoload stack.
	 */
	public function unregister(): void {
		spl_autoload_unregister( array( $this, 'load' ) );
	}

	/**
	 * Returns the file that would hold a class, or null when the class is not under the prefix.
	 *
	 * Names that are not valid PHP class names are refused, so a crafted string passed to
	 * `class_exists()` can never reach a file outside the base directory.
	 *
	 * @param string $class_name Fully qualified class name, without a leading backslash.
	 * @return string|null Absolute path of the class file, whether or not it exists.
	 */
	public function file_for( string $class_name ): ?string {
		if ( 0 !== strncmp( $class_name, $this->prefix, strlen( $this->prefix ) ) ) {
			return null;
		}

		$relative = (string) substr( $class_name, strlen( $this->prefix ) );
		if ( 1 !== preg_match( '/^[A-Za-z_][A-Za-z0-9_]*(?:\\\\[A-Za-z_][A-Za-z0-9_]*)*$/', $relative ) ) {
			return null;
		}

		return $this->base_dir . str_replace( '\\', '/', $relative ) . '.php';
	}

	/**
	 * Loads a class's file if it belongs to the prefix and exists.
	 *
	 * @param string $class_name Fully qualified class name, as PHP passes it to autoloaders.
	 */
	public function load( string $class_name ): void {
		$file = $this->file_for( $class_name );
		if ( null !== $file && is_readable( $file ) ) {
			require_once $file;
		}
	}
}
