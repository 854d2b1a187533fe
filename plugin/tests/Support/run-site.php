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

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line arguments in, an integer exit code out.
exit( Switchboard\Tests\Support\SiteScript::main( Switchboard\Tests\Support\SiteScript::arguments( $_SERVER['argv'] ?? array() ) ) );
