<?php
/**
 * Constants WordPress defines while it boots, declared for PHPStan (the stubs hold functions and classes only).
 *
 * PHPStan reads this file instead of running WordPress; the values only give the constants their types.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

define( 'ABSPATH', '/wordpress/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', '/wordpress/wp-content' );
define( 'WP_PLUGIN_DIR', '/wordpress/wp-content/plugins' );
define( 'WP_LANG_DIR', '/wordpress/wp-content/languages' );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'WEEK_IN_SECONDS', 604800 );
define( 'MONTH_IN_SECONDS', 2592000 );
define( 'YEAR_IN_SECONDS', 31536000 );
