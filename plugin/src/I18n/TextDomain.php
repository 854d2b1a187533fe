<?php
/**
 * Translations for the plugin.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\I18n;

use Switchboard\Module;

/**
 * Points WordPress at the translations bundled in the plugin's `languages` folder.
 *
 * Since WordPress 6.7, load_plugin_textdomain() only records the folder and the strings load just in time
 * on first use; any `__()` before `init` would then trigger a "translation loading was triggered too early"
 * notice. So the folder is registered on `init` at priority 0, before blocks register their translated
 * titles at the default priority, and nothing in the plugin translates earlier. Translations installed
 * from translate.wordpress.org (in `wp-content/languages/plugins`) keep precedence, as WordPress decides.
 */
final class TextDomain implements Module {

	/**
	 * The plugin's text domain.
	 */
	public const DOMAIN = 'switchboard';

	/**
	 * Sets the plugin whose translations load.
	 *
	 * @param string $plugin_file   Absolute path of the main plugin file.
	 * @param string $languages_dir Folder of translation files, relative to the plugin folder (the `Domain Path` header).
	 */
	public function __construct(
		private readonly string $plugin_file,
		private readonly string $languages_dir = 'languages'
	) {
	}

	/**
	 * Registers the translations folder on `init`.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( $this, 'load_textdomain' ), 0 );
	}

	/**
	 * Hands the translations folder to WordPress (the `init` action).
	 *
	 * The folder is computed here rather than in the constructor: plugin_basename() resolves symlinked
	 * plugin folders only once WordPress has recorded the plugin's real path.
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( self::DOMAIN, false, $this->relative_path() );
	}

	/**
	 * The translations folder relative to the plugins folder, e.g. `switchboard/languages`.
	 *
	 * @return string
	 */
	public function relative_path(): string {
		return dirname( plugin_basename( $this->plugin_file ) ) . '/' . trim( $this->languages_dir, '/' );
	}
}
