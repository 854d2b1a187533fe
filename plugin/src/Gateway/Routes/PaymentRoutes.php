<?php
/**
 * The payment service's proxied gateway route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Routes;

use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Route;

/**
 * `GET switchboard/v1/payments/config`: the payment service's public configuration (test or live mode, the
 * publishable key, and the stand-in's Stripe.js URL when there is one). Public data by Stripe's design, so
 * cached for everyone, and served stale for a day if the service is down. Starting a payment and reading its
 * status need WordPress's own logic (the price comes from the saved block), so they are
 * Switchboard\Payments\PaymentsController's routes, not proxied ones.
 */
final class PaymentRoutes {

	/**
	 * The routes.
	 *
	 * @return list<Route>
	 */
	public static function routes(): array {
		return array(
			new Route(
				'payments/config',
				'payments',
				'/payments/config',
				'GET',
				'/v1/config',
				Route::ACCESS_PUBLIC,
				array(),
				array(
					'type'       => 'object',
					'required'   => array( 'mode', 'publishableKey' ),
					'properties' => array(
						'mode'           => array(
							'type' => 'string',
							'enum' => array( 'test', 'live' ),
						),
						'publishableKey' => array(
							'type'      => 'string',
							'pattern'   => '^pk_(test|live)_[A-Za-z0-9_]{1,200}$',
							'maxLength' => 210,
						),
						'stripeJsUrl'    => array(
							'type'      => array( 'string', 'null' ),
							'maxLength' => 500,
						),
					),
				),
				CachePolicy::public( 300, 60, DAY_IN_SECONDS )
			),
		);
	}
}
