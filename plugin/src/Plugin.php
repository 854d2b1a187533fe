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
use Switchboard\Events\WebhookController;
use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\FastPath\EarlyAnswer;
use Switchboard\Gateway\NamespaceGuard;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\RateLimit\ClientIp;
use Switchboard\Gateway\RateLimit\RateLimiter;
use Switchboard\Gateway\RouteRegistry;
use Switchboard\Gateway\SessionController;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\I18n\TextDomain;
use Switchboard\Identity\ServiceIdentity;
use Switchboard\Payments\Admin\PaymentsPage;
use Switchboard\Payments\CardTestingGuard;
use Switchboard\Payments\PaymentCallbacks;
use Switchboard\Payments\PaymentsController;
use Switchboard\Payments\PaymentStore;
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
		$dir           = dirname( $file );
		$identity      = new ServiceIdentity( $file );
		$registry      = new ServiceRegistry();
		$outbox        = new Outbox();
		$client        = new ServiceClient( CircuitBreaker::configured(), $registry, $identity->request_signer() );
		$metrics       = new Gateway\Metrics\MetricsStore();
		$store         = CachedEndpoint::default_store();
		$proxy         = new ProxyController( new RouteRegistry( $registry ), $registry, $client, new CachedEndpoint( $store ), new RateLimiter(), new ClientIp(), $metrics );
		$payment_store = new PaymentStore();
		$payments      = new PaymentsController( $registry, $client, new RateLimiter(), new ClientIp(), new CardTestingGuard(), $payment_store );
		$trigger       = new DispatchTrigger(
			$file,
			static fn(): Dispatcher => new Dispatcher(
				$outbox,
				$client,
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
				new EarlyAnswer( $store, $metrics, $proxy ),
				$proxy,
				new SessionController(),
				new NamespaceGuard(),
				new WebhookController( $registry, new Signature() ),
				Admin\AdminModule::create( $file, $registry, $client, $metrics, $outbox, $trigger ),
				$payments,
				new PaymentCallbacks( $payment_store ),
				new PaymentsPage( $payment_store, $payments ),
				new Feed\FeedModule( $registry, $client ),
				new Blocks\Feed\ReadingSignal(),
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
