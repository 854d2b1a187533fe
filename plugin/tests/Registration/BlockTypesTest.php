<?php
/**
 * Tests registering blocks from the build's manifest.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Registration;

use Switchboard\Plugin;
use Switchboard\Registration\BlockTypes;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\TestCase;
use WP_Block_Metadata_Registry;
use WP_Block_Type_Registry;

/**
 * Blocks register from a `wp-scripts --blocks-manifest` build with the API each WordPress version offers.
 *
 * The fixture builds give each block a different title in the manifest and in block.json, so each test
 * can tell which of the two WordPress read.
 */
final class BlockTypesTest extends TestCase {

	/**
	 * Number of fixture builds so far, to keep block names unique in the process-wide registry.
	 *
	 * @var int
	 */
	private static int $builds = 0;

	/**
	 * Block names the test registered.
	 *
	 * @var list<string>
	 */
	private array $registered = array();

	/**
	 * Unregisters the fixture blocks.
	 */
	protected function tear_down(): void {
		foreach ( $this->registered as $name ) {
			if ( WP_Block_Type_Registry::get_instance()->is_registered( $name ) ) {
				unregister_block_type( $name );
			}
		}

		parent::tear_down();
	}

	/**
	 * WordPress versions and the source of metadata each registration path uses.
	 *
	 * @return array<string, array{string, string, bool}>
	 */
	public function registration_paths(): array {
		return array(
			'6.8: one collection call'               => array( '6.8.7', 'manifest', true ),
			'6.8 pre-release'                        => array( '6.8-RC2', 'manifest', true ),
			'6.7: collection, then a call per block' => array( '6.7.2', 'manifest', true ),
			'6.6: a call per block, reading its block.json' => array( '6.6.2', 'block.json', false ),
		);
	}

	/**
	 * Every block of the manifest registers, from the source its WordPress version reads.
	 *
	 * @dataProvider registration_paths
	 *
	 * @param string $wp_version     WordPress version to register for.
	 * @param string $source         Which file the metadata must come from.
	 * @param bool   $uses_manifest  Whether the collection is known to WordPress's metadata registry.
	 */
	public function test_registers_every_block_of_the_manifest( string $wp_version, string $source, bool $uses_manifest ): void {
		$build  = $this->make_build( array( 'alpha', 'beta' ) );
		$blocks = new BlockTypes( $build['dir'] . '/', $wp_version );

		$blocks->register_block_types();

		foreach ( $build['names'] as $folder => $name ) {
			$block_type = WP_Block_Type_Registry::get_instance()->get_registered( $name );
			$this->assertNotNull( $block_type, "{$name} is not registered." );
			$this->assertSame( "{$folder} from {$source}", $block_type->title );
			$this->assertSame( 'switchboard', $block_type->category );
			$this->assertSame(
				array(
					'type'    => 'string',
					'default' => 'hello',
				),
				$block_type->attributes['greeting'] ?? null
			);
			$metadata = WP_Block_Metadata_Registry::get_metadata( $build['dir'] . '/' . $folder );
			$this->assertSame( $uses_manifest, null !== $metadata );
		}
		$this->assertFalse( has_action( 'admin_notices', array( $blocks, 'render_missing_build_notice' ) ) );
	}

	/**
	 * Without a version given, the running WordPress decides; 6.8 registers from the manifest.
	 */
	public function test_uses_the_running_wordpress_version_by_default(): void {
		$build = $this->make_build( array( 'gamma' ) );

		( new BlockTypes( $build['dir'] ) )->register_block_types();

		$block_type = WP_Block_Type_Registry::get_instance()->get_registered( $build['names']['gamma'] );
		$this->assertNotNull( $block_type );
		$this->assertSame( version_compare( get_bloginfo( 'version' ), '6.8', '>=' ) ? 'gamma from manifest' : 'gamma from block.json', $block_type->title );
	}

	/**
	 * The manifest lists the block folders, in order.
	 */
	public function test_lists_block_folders_from_the_manifest(): void {
		$build = $this->make_build( array( 'one', 'two', 'three' ) );

		$this->assertSame(
			array( $build['dir'] . '/one', $build['dir'] . '/two', $build['dir'] . '/three' ),
			( new BlockTypes( $build['dir'] ) )->block_folders()
		);
		$this->assertSame( $build['dir'] . '/blocks-manifest.php', ( new BlockTypes( $build['dir'] . '/' ) )->manifest_file() );
	}

	/**
	 * Without a build nothing registers, nothing breaks, and administrators are told to build.
	 */
	public function test_missing_build_registers_nothing_and_tells_administrators(): void {
		$blocks = new BlockTypes( TestEnvironment::get()->create_temp_dir( 'no-build' ) );
		$before = count( WP_Block_Type_Registry::get_instance()->get_all_registered() );

		$blocks->register_block_types();

		$this->assertFalse( $blocks->is_built() );
		$this->assertSame( array(), $blocks->block_folders() );
		$this->assertCount( $before, WP_Block_Type_Registry::get_instance()->get_all_registered() );
		$this->assertSame( 10, has_action( 'admin_notices', array( $blocks, 'render_missing_build_notice' ) ) );

		$this->log_in_as( 'administrator' );
		$html = $this->capture_output( array( $blocks, 'render_missing_build_notice' ) );
		$this->assertStringContainsString( 'notice-warning switchboard-build-missing', $html );
		$this->assertStringContainsString( 'Run <code>npm run build</code>', $html );

		$this->log_in_as( 'editor' );
		$this->assertSame( '', $this->capture_output( array( $blocks, 'render_missing_build_notice' ) ) );
	}

	/**
	 * The plugin registers its blocks on `init`.
	 */
	public function test_registers_on_init(): void {
		$blocks = new BlockTypes( '/nowhere' );
		$blocks->register_hooks();

		$this->assertSame( 10, has_action( 'init', array( $blocks, 'register_block_types' ) ) );
	}

	/**
	 * In this site, every block of the real build is registered, with its metadata.
	 */
	public function test_the_plugin_build_is_registered(): void {
		$plugin = Plugin::instance();
		$this->assertNotNull( $plugin );
		$blocks = null;
		foreach ( $plugin->modules() as $module ) {
			if ( $module instanceof BlockTypes ) {
				$blocks = $module;
			}
		}
		$this->assertInstanceOf( BlockTypes::class, $blocks );
		$this->assertSame( realpath( TestEnvironment::get()->repo_dir . '/plugin' ) . '/build/blocks-manifest.php', $blocks->manifest_file() );

		if ( ! $blocks->is_built() ) {
			$this->assertSame( 10, has_action( 'admin_notices', array( $blocks, 'render_missing_build_notice' ) ) );
			$this->markTestSkipped( 'plugin/build does not exist yet: run npm run build to test the real blocks.' );
		}

		$manifest = require $blocks->manifest_file();
		$this->assertIsArray( $manifest );
		$this->assertNotEmpty( $manifest );
		foreach ( $manifest as $folder => $metadata ) {
			$this->assertIsArray( $metadata );
			$name = $metadata['name'] ?? '';
			$this->assertIsString( $name );
			$this->assertStringStartsWith( 'switchboard/', $name, "Block {$folder} is outside the switchboard namespace." );
			$block_type = WP_Block_Type_Registry::get_instance()->get_registered( $name );
			$this->assertNotNull( $block_type, "{$name} from the build is not registered." );
			$attributes = $metadata['attributes'] ?? array();
			$this->assertIsArray( $attributes );
			foreach ( array_keys( $attributes ) as $attribute ) {
				$this->assertArrayHasKey( $attribute, (array) $block_type->attributes, "{$name} lost its {$attribute} attribute." );
			}
		}
	}

	/**
	 * Writes a build like `wp-scripts build --blocks-manifest` does, with distinguishable titles.
	 *
	 * @param list<string> $folders Block folder names.
	 * @return array{dir: string, names: array<string, string>} Build folder, and block names by folder.
	 */
	private function make_build( array $folders ): array {
		++self::$builds;
		$dir      = TestEnvironment::get()->create_temp_dir( 'build' );
		$names    = array();
		$manifest = array();

		foreach ( $folders as $folder ) {
			$name     = sprintf( 'switchboard-fixture-%d/%s', self::$builds, $folder );
			$metadata = array(
				'$schema'    => 'https://schemas.wp.org/trunk/block.json',
				'apiVersion' => 3,
				'name'       => $name,
				'title'      => "{$folder} from block.json",
				'category'   => 'switchboard',
				'textdomain' => 'switchboard',
				'attributes' => array(
					'greeting' => array(
						'type'    => 'string',
						'default' => 'hello',
					),
				),
			);

			Site::make_dir( "{$dir}/{$folder}" );
			Site::write_file( "{$dir}/{$folder}/block.json", (string) wp_json_encode( $metadata ) );
			$manifest[ $folder ] = array_merge( $metadata, array( 'title' => "{$folder} from manifest" ) );
			$names[ $folder ]    = $name;
			$this->registered[]  = $name;
		}

		Site::write_file( $dir . '/blocks-manifest.php', '<?php return ' . var_export( $manifest, true ) . ';' );

		return array(
			'dir'   => $dir,
			'names' => $names,
		);
	}
}
