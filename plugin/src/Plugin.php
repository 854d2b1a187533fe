<?php
/**
 * Composition root.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard;

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Dispatcher;
use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\Outbox;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\I18n\TextDomain;
use Switchboard\Identity\ServiceIdentity;
use Switchboard\Registration\BlockCategory;
use Switchboard\Registration\BlockTypes;

/**
 * Builds the plugin's modules and attaches them to WordPress.
 *
 * This is the one place that knows how the parts fit together; switchboard.php only hands over to it.
 */
final class Plugin {

	/**
	 * The instance booted by switchboard.php, if any.
	 *
	 * @var Plugin|null
	 */
	private static ?Plugin $instance = null;

	/**
	 * Whether register_hooks() already ran.
	 *
	 * @var bool
	 */
	private bool $hooked = false;

	/**
	 * Stores the plugin's parts.
	 *
	 * @param string       $file    Absolute path of the main plugin file.
	 * @param list<Module> $modules Modules to attach, in order.
	 */
	public function __construct(
		private readonly string $file,
		private readonly array $modules
	) {
	}

	/**
	 * Builds the plugin once per request and attaches it to WordPress; later calls return the same instance.
	 *
	 * @param string $file Absolute path of the main plugin file.
	 * @return self
	 */
	public static function boot( string $file ): self {
		if ( null === self::$instance ) {
			self::$instance = self::create( $file );
			self::$instance->register_hooks();
		}

		return self::$instance;
	}

	/**
	 * The instance booted for this request, or null before boot() (or when requirements are not met).
	 *
	 * @return self|null
	 */
	public static function instance(): ?self {
		return self::$instance;
	}

	/**
	 * Builds the default object graph without touching WordPress.
	 *
	 * @param string $file Absolute path of the main plugin file.
	 * @return self
	 */
	public static function create( string $file ): self {
		$dir      = dirname( $file );
		$identity = new ServiceIdentity( $file );
		$registry = new ServiceRegistry();
		$outbox   = new Outbox();
		$trigger  = new DispatchTrigger(
			$file,
			static fn(): Dispatcher => new Dispatcher(
				$outbox,
				new ServiceClient( new CircuitBreaker(), $registry, $identity->request_signer() ),
				$registry,
				new Signature()
			)
		);

		return new self(
			$file,
			array(
				new TextDomain( $file ),
				new BlockTypes( $dir . '/build' ),
				new BlockCategory(),
				$identity,
				$trigger,
				new ContentEvents( $outbox, $registry, $trigger ),
			)
		);
	}

	/**
	 * Attaches every module's hooks; safe to call more than once.
	 */
	public function register_hooks(): void {
		if ( $this->hooked ) {
			return;
		}

		$this->hooked = true;
		foreach ( $this->modules as $module ) {
			$module->register_hooks();
		}
	}

	/**
	 * Absolute path of the main plugin file.
	 *
	 * @return string
	 */
	public function file(): string {
		return $this->file;
	}

	/**
	 * The modules this plugin attaches.
	 *
	 * @return list<Module>
	 */
	public function modules(): array {
		return $this->modules;
	}
}
