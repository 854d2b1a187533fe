<?php
/**
 * Plugin Name:       Switchboard
 * Description:       Gutenberg blocks backed by microservices: payments, search and a personalized feed, served through a REST gateway in WordPress.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            Switchboard
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       switchboard
 * Domain Path:       /languages
 *
 * @package Switchboard
 */

declare( strict_types=1 );

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// This file and the two classes it loads before the version check keep to syntax that PHP 7.2 parses.
define( 'SWITCHBOARD_VERSION', '0.1.0' );
define( 'SWITCHBOARD_FILE', __FILE__ );
define( 'SWITCHBOARD_DIR', __DIR__ );

require_once __DIR__ . '/src/Autoloader.php';
( new Switchboard\Autoloader( 'Switchboard\\', __DIR__ . '/src' ) )->register();

if ( Switchboard\Requirements::from_environment()->enforce() ) {
	Switchboard\Plugin::boot( __FILE__ );
}
