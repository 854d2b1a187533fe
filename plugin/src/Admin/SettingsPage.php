<?php
/**
 * Settings → Switchboard.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

/**
 * Adds the Settings → Switchboard page and, on that page only, loads the screen built from `admin/settings/`
 * into `build/admin/settings.js`. The script talks to the admin routes through `@wordpress/api-fetch`, whose
 * nonce and root WordPress adds itself; no data of the plugin's is printed inline.
 */
final class SettingsPage {

	/**
	 * The page's slug (`options-general.php?page=switchboard`).
	 */
	public const SLUG = 'switchboard';

	/**
	 * Handle of the script and of the style.
	 */
	public const HANDLE = 'switchboard-settings';

	/**
	 * Id of the element the screen mounts into.
	 */
	public const ROOT_ID = 'switchboard-settings';

	/**
	 * The hook suffix add_options_page() returned, or '' before admin_menu.
	 *
	 * @var string
	 */
	private string $hook_suffix = '';

	/**
	 * Absolute path of the plugin's build directory.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * Sets where the built screen lives.
	 *
	 * @param string $plugin_file Absolute path of the main plugin file.
	 */
	public function __construct( private readonly string $plugin_file ) {
		$this->build_dir = dirname( $plugin_file ) . '/build';
	}

	/**
	 * Adds the page (the `admin_menu` action).
	 */
	public function add_page(): void {
		$suffix            = add_options_page(
			__( 'Switchboard', 'switchboard' ),
			__( 'Switchboard', 'switchboard' ),
			Permission::CAPABILITY,
			self::SLUG,
			array( $this, 'render' )
		);
		$this->hook_suffix = is_string( $suffix ) ? $suffix : '';
	}

	/**
	 * Loads the screen's script and style on this page only (the `admin_enqueue_scripts` action).
	 *
	 * @param string $hook_suffix The current admin page's hook suffix.
	 */
	public function enqueue( $hook_suffix ): void {
		if ( '' === $this->hook_suffix || $hook_suffix !== $this->hook_suffix ) {
			return;
		}

		$asset = $this->asset();
		if ( null === $asset ) {
			return;
		}

		$build_url = plugins_url( 'build', $this->plugin_file );
		wp_enqueue_script( self::HANDLE, $build_url . '/admin/settings.js', $asset['dependencies'], $asset['version'], true );
		// The plugin's bundled JSON translations; WordPress also looks in wp-content/languages/plugins.
		wp_set_script_translations( self::HANDLE, 'switchboard', dirname( $this->plugin_file ) . '/languages' );

		$style_deps = array( 'wp-components' );
		if ( file_exists( $this->build_dir . '/admin/settings.css' ) ) {
			wp_enqueue_style( self::HANDLE, $build_url . '/admin/settings.css', $style_deps, $asset['version'] );
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		} else {
			wp_enqueue_style( 'wp-components' );
		}
	}

	/**
	 * Prints the page: a heading and the element the screen mounts into, with a message for when it cannot.
	 */
	public function render(): void {
		if ( ! Permission::check() ) {
			return;
		}

		echo '<div class="wrap">';
		echo '<h1>' . esc_html__( 'Switchboard', 'switchboard' ) . '</h1>';
		printf( '<div id="%s" class="switchboard-settings">', esc_attr( self::ROOT_ID ) );
		if ( null === $this->asset() ) {
			echo '<div class="notice notice-error inline"><p>' . esc_html__( 'The settings screen has not been built. Run npm run build.', 'switchboard' ) . '</p></div>';
		} else {
			echo '<noscript><p>' . esc_html__( 'This screen needs JavaScript.', 'switchboard' ) . '</p></noscript>';
		}
		echo '</div></div>';
	}

	/**
	 * The page's hook suffix, once added.
	 *
	 * @return string
	 */
	public function hook_suffix(): string {
		return $this->hook_suffix;
	}

	/**
	 * The built script's dependencies and version, or null when it has not been built.
	 *
	 * @return array{dependencies: list<non-empty-string>, version: string}|null
	 */
	private function asset(): ?array {
		$file = $this->build_dir . '/admin/settings.asset.php';
		if ( ! file_exists( $file ) || ! file_exists( $this->build_dir . '/admin/settings.js' ) ) {
			return null;
		}

		$asset = require $file;
		if ( ! is_array( $asset ) ) {
			return null;
		}
		$dependencies = array();
		foreach ( is_array( $asset['dependencies'] ?? null ) ? $asset['dependencies'] : array() as $dependency ) {
			if ( is_string( $dependency ) && '' !== $dependency ) {
				$dependencies[] = $dependency;
			}
		}
		$version = is_string( $asset['version'] ?? null ) ? $asset['version'] : '';

		return array(
			'dependencies' => $dependencies,
			'version'      => $version,
		);
	}
}
