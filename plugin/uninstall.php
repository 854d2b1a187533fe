<?php
/**
 * Runs when an administrator deletes the plugin from wp-admin.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

require_once __DIR__ . '/src/Autoloader.php';
( new Switchboard\Autoloader( 'Switchboard\\', __DIR__ . '/src' ) )->register();

// On a PHP the plugin does not support, its classes may not even parse: leave the data rather than fail.
if ( Switchboard\Requirements::from_environment()->is_php_supported() ) {
	Switchboard\Uninstaller::for_this_installation()->uninstall();
}
