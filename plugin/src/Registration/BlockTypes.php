<?php
/**
 * Registers the plugin's blocks from the build.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Registration;

use Switchboard\Module;

/**
 * Registers every block that `npm run build` wrote, from the build's `blocks-manifest.php`, in one go.
 *
 * `wp-scripts build --blocks-manifest` writes `<build>/<block>/block.json` for each block and one PHP
 * manifest holding all of their metadata, so WordPress can register the whole collection without reading
 * and decoding a JSON file per block. The registration call depends on what the running WordPress offers:
 * 6.8 registers the collection in one call, 6.7 knows collections but registers block by block, and 6.6
 * reads each block's `block.json`. When the build is missing (a checkout where the build never ran),
 * nothing registers and administrators see a notice saying how to build, rather than a PHP error.
 */
final class BlockTypes implements Module {

	/**
	 * File name of the manifest inside the build folder.
	 */
	public const MANIFEST = 'blocks-manifest.php';

	/**
	 * Build folder, without a trailing slash.
	 *
	 * @var string
	 */
	private readonly string $build_dir;

	/**
	 * Sets where the build is.
	 *
	 * @param string      $build_dir  Folder holding `blocks-manifest.php` and one folder per block.
	 * @param string|null $wp_version WordPress version to choose the registration API for; null means the running one.
	 */
	public function __construct(
		string $build_dir,
		private readonly ?string $wp_version = null
	) {
		$this->build_dir = rtrim( $build_dir, '/\\' );
	}

	/**
	 * Registers the blocks on `init`, as WordPress expects.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( $this, 'register_block_types' ) );
	}

	/**
	 * Absolute path of the build's manifest.
	 *
	 * @return string
	 */
	public function manifest_file(): string {
		return $this->build_dir . '/' . self::MANIFEST;
	}

	/**
	 * Whether the build exists.
	 *
	 * @return bool
	 */
	public function is_built(): bool {
		return is_file( $this->manifest_file() );
	}

	/**
	 * Registers all blocks of the build (the `init` action), or schedules the "not built" notice.
	 */
	public function register_block_types(): void {
		if ( ! $this->is_built() ) {
			add_action( 'admin_notices', array( $this, 'render_missing_build_notice' ) );
			return;
		}

		$wp_version = $this->wp_version ?? (string) get_bloginfo( 'version' );

		if ( version_compare( $wp_version, '6.8-alpha', '>=' ) ) {
			wp_register_block_types_from_metadata_collection( $this->build_dir, $this->manifest_file() );
			return;
		}

		if ( version_compare( $wp_version, '6.7-alpha', '>=' ) ) {
			wp_register_block_metadata_collection( $this->build_dir, $this->manifest_file() );
		}

		foreach ( $this->block_folders() as $folder ) {
			register_block_type( $folder );
		}
	}

	/**
	 * The folder of each block listed in the manifest.
	 *
	 * @return list<string> Absolute folder paths, in manifest order; empty when the build is missing.
	 */
	public function block_folders(): array {
		if ( ! $this->is_built() ) {
			return array();
		}

		$manifest = require $this->manifest_file();
		if ( ! is_array( $manifest ) ) {
			return array();
		}

		$folders = array();
		foreach ( array_keys( $manifest ) as $block_folder ) {
			$folders[] = $this->build_dir . '/' . $block_folder;
		}

		return $folders;
	}

	/**
	 * Tells administrators that the blocks need building (the `admin_notices` action).
	 */
	public function render_missing_build_notice(): void {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}

		wp_admin_notice(
			sprintf(
				/* translators: %s: the build command. */
				esc_html__( 'Switchboard’s blocks are not built yet, so the editor cannot offer them. Run %s in the Switchboard project, then reload this page.', 'switchboard' ),
				'<code>npm run build</code>'
			),
			array(
				'type'               => 'warning',
				'additional_classes' => array( 'switchboard-build-missing' ),
			)
		);
	}
}
