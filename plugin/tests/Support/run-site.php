<?php
/**
 * Runs one request against a test site in its own PHP process and prints a JSON report.
 *
 * Usage: php run-site.php <site dir> <core dir> install|activate|boot [options]; see SiteScript.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 3 ) . '/vendor/autoload.php';

exit( Switchboard\Tests\Support\SiteScript::main( array_values( array_map( 'strval', $_SERVER['argv'] ?? array() ) ) ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- command-line arguments.
