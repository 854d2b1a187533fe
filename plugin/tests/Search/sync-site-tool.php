<?php
/**
 * Runs SyncSiteTool inside a served site: `bin/wp-server php sync-site-tool.php --name NAME COMMAND ARGS`.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require_once dirname( __DIR__, 3 ) . '/vendor/autoload.php';

$switchboard_args = array_slice( is_array( $argv ?? null ) ? $argv : array(), 1 );
// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the test on the command line.
echo wp_json_encode( Switchboard\Tests\Search\SyncSiteTool::run( array_map( 'strval', $switchboard_args ) ) ), "\n";
