<?php
/**
 * Tests the composition root.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests;

use Switchboard\Admin\AdminModule;
use Switchboard\Events\ContentEvents;
use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\WebhookController;
use Switchboard\Gateway\FastPath\EarlyAnswer;
use Switchboard\Gateway\NamespaceGuard;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\SessionController;
use Switchboard\Blocks\Feed\ReadingSignal;
use Switchboard\Feed\FeedModule;
use Switchboard\Feed\RequestGuard;
use Switchboard\I18n\TextDomain;
use Switchboard\Identity\ServiceIdentity;
use Switchboard\Module;
use Switchboard\Plugin;
use Switchboard\Payments\Admin\PaymentsPage;
use Switchboard\Payments\PaymentCallbacks;
use Switchboard\Payments\PaymentsController;
use Switchboard\Registration\BlockCategory;
use Switchboard\Registration\BlockTypes;

/**
 * The plugin builds its modules without side effects and attaches each one once.
 */
final class PluginTest extends TestCase {

	/**
	 * The default graph holds the text domain, the block types from the plugin's build, and the category.
	 */
	public function test_creates_the_default_modules(): void {
		$plugin  = Plugin::create( '/srv/plugins/switchboard/switchboard.php' );
		$modules = $plugin->modules();

		$this->assertSame( '/srv/plugins/switchboard/switchboard.php', $plugin->file() );
		$this->assertSame(
			array( TextDomain::class, BlockTypes::class, BlockCategory::class, ServiceIdentity::class, DispatchTrigger::class, ContentEvents::class, EarlyAnswer::class, ProxyController::class, SessionController::class, NamespaceGuard::class, WebhookController::class, AdminModule::class, PaymentsController::class, PaymentCallbacks::class, PaymentsPage::class, FeedModule::class, ReadingSignal::class ),
			array_map( 'get_class', $modules )
		);
		$this->assertInstanceOf( BlockTypes::class, $modules[1] );
		$this->assertSame( '/srv/plugins/switchboard/build/blocks-manifest.php', $modules[1]->manifest_file() );
		$this->assertFalse( has_action( 'init', array( $modules[1], 'register_block_types' ) ), 'Creating must not hook anything.' );
	}

	/**
	 * Attaching twice attaches each module once.
	 */
	public function test_attaches_each_module_once(): void {
		$module = new class() implements Module {
			/**
			 * Number of calls.
			 *
			 * @var int
			 */
			public int $calls = 0;

			/**
			 * Counts the call.
			 */
			public function register_hooks(): void {
				++$this->calls;
			}
		};
		$plugin = new Plugin( __FILE__, array( $module ) );

		$plugin->register_hooks();
		$plugin->register_hooks();

		$this->assertSame( 1, $module->calls );
	}

	/**
	 * The booted plugin's modules are the ones attached to this site's hooks.
	 */
	public function test_booted_modules_are_hooked(): void {
		$plugin = Plugin::instance();
		$this->assertNotNull( $plugin );

		foreach ( $plugin->modules() as $module ) {
			if ( $module instanceof TextDomain ) {
				$this->assertSame( 0, has_action( 'init', array( $module, 'load_textdomain' ) ) );
			} elseif ( $module instanceof BlockTypes ) {
				$this->assertSame( 10, has_action( 'init', array( $module, 'register_block_types' ) ) );
			} elseif ( $module instanceof BlockCategory ) {
				$this->assertSame( 10, has_filter( 'block_categories_all', array( $module, 'add_category' ) ) );
			} elseif ( $module instanceof ServiceIdentity ) {
				$this->assertSame( 10, has_action( 'init', array( $module, 'schedule_rotation' ) ) );
				$this->assertSame( 10, has_action( 'rest_api_init', array( $module, 'register_routes' ) ) );
			} elseif ( $module instanceof DispatchTrigger ) {
				$this->assertSame( 10, has_filter( 'cron_schedules', array( $module, 'add_schedule' ) ) );
				$this->assertSame( 10, has_action( 'init', array( $module, 'schedule' ) ) );
				$this->assertSame( 10, has_action( DispatchTrigger::CRON_HOOK, array( $module, 'run' ) ) );
				$this->assertSame( 10, has_action( 'wp_ajax_nopriv_' . DispatchTrigger::AJAX_ACTION, array( $module, 'handle_kick' ) ) );
			} elseif ( $module instanceof ContentEvents ) {
				$this->assertSame( 10, has_action( 'transition_post_status', array( $module, 'on_transition' ) ) );
				$this->assertSame( 10, has_action( 'set_object_terms', array( $module, 'on_terms' ) ) );
				$this->assertSame( 10, has_action( 'deleted_post', array( $module, 'on_deleted' ) ) );
				$this->assertSame( 10, has_action( 'profile_update', array( $module, 'on_profile_update' ) ) );
			} elseif ( $module instanceof EarlyAnswer ) {
				$this->assertSame( 0, has_action( 'plugins_loaded', array( $module, 'maybe_answer' ) ) );
			} elseif ( $module instanceof ProxyController ) {
				$this->assertSame( 10, has_action( 'rest_api_init', array( $module, 'register_routes' ) ) );
				$this->assertSame( 999, has_filter( 'rest_authentication_errors', array( $module, 'authentication_errors' ) ) );
				$this->assertSame( PHP_INT_MAX, has_filter( 'rest_pre_serve_request', array( $module, 'write_memo' ) ) );
			} elseif ( $module instanceof SessionController || $module instanceof WebhookController || $module instanceof PaymentsController ) {
				$this->assertSame( 10, has_action( 'rest_api_init', array( $module, 'register_routes' ) ) );
			} elseif ( $module instanceof NamespaceGuard ) {
				$this->assertSame( 10, has_filter( 'rest_request_before_callbacks', array( $module, 'check' ) ) );
			} elseif ( $module instanceof AdminModule ) {
				$this->assertSame( 10, has_action( 'admin_menu', array( $module->page(), 'add_page' ) ) );
			} elseif ( $module instanceof PaymentCallbacks ) {
				$this->assertSame( 10, has_action( 'switchboard_webhook_payments', array( $module, 'receive' ) ) );
			} elseif ( $module instanceof PaymentsPage ) {
				$this->assertSame( 10, has_action( 'admin_menu', array( $module, 'add_page' ) ) );
				$this->assertSame( 10, has_action( 'admin_post_' . PaymentsPage::REFUND_ACTION, array( $module, 'handle_refund' ) ) );
			} elseif ( $module instanceof FeedModule ) {
				$this->assertSame( 10, has_filter( 'wp_privacy_personal_data_exporters', array( $module, 'add_exporter' ) ) );
				$this->assertSame( 10, has_filter( 'wp_privacy_personal_data_erasers', array( $module, 'add_eraser' ) ) );
				$this->assertSame( 20, has_filter( 'rest_request_before_callbacks', array( RequestGuard::class, 'check_consent' ) ) );
			} elseif ( $module instanceof ReadingSignal ) {
				$this->assertSame( 10, has_action( 'wp_enqueue_scripts', array( $module, 'enqueue' ) ) );
			} else {
				$this->fail( 'Unexpected module ' . get_class( $module ) );
			}
		}
		$this->assertSame( 1, did_action( 'init' ) );
	}
}
