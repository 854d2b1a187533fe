<?php
/**
 * Plugin Name: Switchboard development site
 * Description: Development only (wp-env maps it, bin/wp-server links it; never shipped). Once per database it sets pretty permalinks, activates the switchboard plugin and the switchboard-theme theme, and seeds the demo content; `/?switchboard-dev=status` reports whether that is done. It also turns off update checks.
 * Version: 1.0.0
 * License: GPL-2.0-or-later
 *
 * Why: wp-env mounts the plugin and theme but, with Playground, activates no theme and rebuilds the
 * database on every start; with Docker it activates neither when they are mapped under their real slugs
 * (.wp-env.json maps them so, because its "plugins"/"themes" keys would name them "plugin" and "theme").
 * So the site prepares itself on its first request, whatever the runtime.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev;

use SwitchboardDev\DemoContent\Seeder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const SETUP_OPTION  = 'switchboard_dev_setup';
const SETUP_VERSION = 2; // Raised with the demo content's Seeder::VERSION, so existing sites take the new content.
const PLUGIN        = 'switchboard/switchboard.php';
const THEME         = 'switchboard-theme';

/**
 * The demo content classes: mapped next to wp-content by .wp-env.json, or beside this folder in the repository.
 */
function demo_content_loader(): ?string {
	foreach ( array( WP_CONTENT_DIR . '/switchboard-demo-content/load.php', dirname( __DIR__ ) . '/demo-content/load.php' ) as $file ) {
		if ( is_file( $file ) ) {
			return $file;
		}
	}
	return null;
}

/** True once everything below has been done for this database. */
function is_ready(): bool {
	return (int) get_option( SETUP_OPTION ) >= SETUP_VERSION;
}

/**
 * Does what is still missing. Returns true when it changed something the current request has already
 * missed (the plugin's hooks, the theme), so the request should be repeated.
 */
function prepare(): bool {
	$changed = false;

	if ( '' === (string) get_option( 'permalink_structure' ) ) {
		$GLOBALS['wp_rewrite']->set_permalink_structure( '/%postname%/' );
		$changed = true;
	}

	if ( is_file( WP_PLUGIN_DIR . '/' . PLUGIN ) ) {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		if ( ! is_plugin_active( PLUGIN ) ) {
			$result = activate_plugin( PLUGIN );
			if ( is_wp_error( $result ) ) {
				// Loud in the debug log, and the status endpoint says so; the site keeps working.
				error_log( 'switchboard-dev: the switchboard plugin could not be activated: ' . $result->get_error_message() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- development site: the developer reads debug.log.
				update_option( 'switchboard_dev_plugin_error', $result->get_error_message(), false );
			} else {
				delete_option( 'switchboard_dev_plugin_error' );
				$changed = true;
			}
		}
	}

	// Once per database, so a theme picked by hand afterwards stays picked.
	$theme = wp_get_theme( THEME );
	if ( ! get_option( 'switchboard_dev_theme_activated' ) && $theme->exists() && ! $theme->errors() ) {
		if ( get_stylesheet() !== THEME ) {
			switch_theme( THEME );
			$changed = true;
		}
		update_option( 'switchboard_dev_theme_activated', 1, false );
	}

	$loader = demo_content_loader();
	if ( null === $loader ) {
		error_log( 'switchboard-dev: bin/demo-content is not mapped into wp-content/switchboard-demo-content; no demo content' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- development site: the developer reads debug.log.
		return $changed;
	}
	require_once $loader;
	$result = Seeder::run();
	if ( 'seeded' === $result['status'] ) {
		$changed = true;
	}
	if ( Seeder::is_seeded() && ( ! is_file( WP_PLUGIN_DIR . '/' . PLUGIN ) || is_plugin_active( PLUGIN ) ) ) {
		update_option( SETUP_OPTION, SETUP_VERSION, true );
		// The plugin's and theme's rewrite rules are registered on the next request.
		delete_option( 'rewrite_rules' );
	}
	return $changed;
}

/** Answers `?switchboard-dev=status` with what is ready, for bin/start to wait on. */
function send_status(): void {
	if ( ! function_exists( 'is_plugin_active' ) ) {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
	}
	$loader = demo_content_loader();
	if ( null !== $loader ) {
		require_once $loader;
	}
	wp_send_json(
		array(
			'ready'        => is_ready(),
			'seeded'       => null !== $loader && Seeder::is_seeded(),
			'theme'        => get_stylesheet(),
			'plugin'       => is_plugin_active( PLUGIN ),
			'plugin_error' => (string) get_option( 'switchboard_dev_plugin_error', '' ),
		)
	);
}

/**
 * Update checks call wordpress.org from cron and admin screens. On a development site core and plugins
 * come from the repository and bin/provision-wordpress, and where wordpress.org is unreachable every
 * check writes a PHP warning to debug.log, burying our own. update.php has added its hooks by now.
 */
function disable_update_checks(): void {
	remove_action( 'init', 'wp_schedule_update_checks' );
	$events = array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes', 'wp_maybe_auto_update' );
	foreach ( $events as $event ) {
		remove_action( $event, $event );
	}
	// Events scheduled before this plugin was loaded (wp_install() schedules them) are dropped too.
	add_action(
		'init',
		static function () use ( $events ): void {
			foreach ( $events as $event ) {
				if ( ! wp_installing() && wp_next_scheduled( $event ) ) {
					wp_clear_scheduled_hook( $event );
				}
			}
		}
	);
	foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $callback ) {
		remove_action( 'admin_init', $callback );
	}
	foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php', 'load-themes.php' ) as $screen ) {
		remove_action( $screen, 'wp_update_plugins' );
		remove_action( $screen, 'wp_update_themes' );
	}
}

disable_update_checks();

add_action(
	'wp_loaded',
	static function (): void {
		// phpcs:ignore WordPress.Security.NonceVerification -- read-only development status.
		$status = isset( $_GET['switchboard-dev'] ) && 'status' === $_GET['switchboard-dev'];
		// Command-line runs (bin/wp-server's scripts, WP-CLI) prepare the site themselves, and report it.
		$command_line = ( defined( 'WP_CLI' ) && WP_CLI ) || defined( 'SWITCHBOARD_WP_SERVER_CLI' );
		if ( ! is_ready() && ! wp_installing() && ! $command_line ) {
			$changed = prepare();
			$method  = isset( $_SERVER['REQUEST_METHOD'] ) ? (string) $_SERVER['REQUEST_METHOD'] : '';
			// This request ran without what was just activated: a plain page view is simply repeated.
			if ( $changed && ! $status && 'GET' === $method && ! wp_doing_ajax() && ! wp_doing_cron() && ! wp_is_json_request() && ! headers_sent() ) {
				$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '/';
				wp_safe_redirect( $uri, 302, 'switchboard-dev' );
				exit;
			}
		}
		if ( $status ) {
			send_status();
		}
	},
	1
);

/**
 * Demo accounts show the avatars the seeder drew instead of Gravatar's: a development machine may have
 * no internet, and a Gravatar request per byline would then fail on every page.
 *
 * @param array<string, mixed> $args        Avatar arguments; a `url` set here ends the lookup.
 * @param mixed                $id_or_email User id, email, WP_User, WP_Post or WP_Comment.
 * @return array<string, mixed>
 */
function demo_avatar( array $args, $id_or_email ): array {
	$user = null;
	if ( is_numeric( $id_or_email ) ) {
		$user = get_user_by( 'id', (int) $id_or_email );
	} elseif ( $id_or_email instanceof \WP_User ) {
		$user = $id_or_email;
	} elseif ( $id_or_email instanceof \WP_Post ) {
		$user = get_user_by( 'id', (int) $id_or_email->post_author );
	} elseif ( $id_or_email instanceof \WP_Comment ) {
		$user = get_user_by( 'id', (int) $id_or_email->user_id );
	} elseif ( is_string( $id_or_email ) && is_email( $id_or_email ) ) {
		$user = get_user_by( 'email', $id_or_email );
	}
	$uploads = wp_upload_dir( null, false );
	$file    = $user ? (string) get_user_meta( $user->ID, 'switchboard_demo_avatar', true ) : '';
	if ( '' === $file ) {
		// Everyone else gets the seeder's neutral avatar, once it exists (before seeding, Gravatar's).
		$file = 'switchboard-demo/v1/avatars/default.jpg';
		if ( ! is_file( $uploads['basedir'] . '/' . $file ) ) {
			return $args;
		}
	}
	$args['url']          = $uploads['baseurl'] . '/' . $file;
	$args['found_avatar'] = true;
	return $args;
}

add_filter( 'pre_get_avatar_data', __NAMESPACE__ . '\demo_avatar', 10, 2 );
