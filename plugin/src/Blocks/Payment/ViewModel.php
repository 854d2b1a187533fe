<?php
/**
 * What the payment block shows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Payment;

use Switchboard\Payments\BlockPrice;
use Switchboard\Payments\Currency;
use Switchboard\Payments\PaymentConfig;

/**
 * Everything render.php prints for switchboard/payment, as plain values: the texts, the amounts offered
 * (formatted in the visitor's locale with the currency's symbol and Stripe's decimals), whether the form
 * can take payments at all, and the Interactivity context the view script starts from.
 *
 * The form is printed only when the payment service answers and the block's settings are valid
 * (BlockPrice::validate_attributes(), the same checks that price a payment); otherwise visitors get a
 * plain "unavailable" note instead of a form that would fail. Nothing here is secret: the publishable key
 * is public by design, and the price is decided again by the server from the saved block.
 *
 * @phpstan-type Config array{mode: 'test'|'live', publishable_key: string, stripe_js_url: string|null}
 * @phpstan-type Preset array{value: int, label: string, checked: bool}
 */
final class ViewModel {

	/**
	 * Holds the values; use from_block() or from_globals().
	 *
	 * @param bool                 $available       Whether the form can take payments.
	 * @param bool                 $test_mode       Whether payments are test payments (the badge shows).
	 * @param string               $id              Unique prefix for the form's element ids.
	 * @param string               $title           Heading, empty for none.
	 * @param string               $description     Text under the heading, empty for none.
	 * @param list<Preset>         $presets         Preset amounts as radio choices; empty when there is one price or none.
	 * @param string               $price           The one price, formatted, when there is nothing to choose.
	 * @param bool                 $custom          Whether visitors may type their own amount.
	 * @param string               $currency_code   Uppercase ISO code.
	 * @param string               $currency_symbol The currency's symbol in the locale ("$", "€", "KWD").
	 * @param string               $range           "From … to …" for the custom amount, empty without one.
	 * @param bool                 $collect_email   Whether the receipt email field shows.
	 * @param string               $button_text     The Pay button's text as first painted.
	 * @param string               $success_message Shown after a successful payment.
	 * @param array<string, mixed> $context         The Interactivity context (see types.ts `PaymentContext`).
	 */
	private function __construct(
		public readonly bool $available,
		public readonly bool $test_mode,
		public readonly string $id,
		public readonly string $title,
		public readonly string $description,
		public readonly array $presets,
		public readonly string $price,
		public readonly bool $custom,
		public readonly string $currency_code,
		public readonly string $currency_symbol,
		public readonly string $range,
		public readonly bool $collect_email,
		public readonly string $button_text,
		public readonly string $success_message,
		public readonly array $context
	) {}

	/**
	 * Builds the view for the current request: the payment service's public configuration and the
	 * visitor's locale.
	 *
	 * @param array<string, mixed> $attributes Block attributes, as WordPress passes them to render.php.
	 * @param int                  $post_id    Post holding the block (block context `postId`), 0 when unknown.
	 * @return self
	 */
	public static function from_globals( array $attributes, int $post_id ): self {
		if ( $post_id <= 0 ) {
			$post_id = (int) get_the_ID();
		}

		return self::from_block( $attributes, $post_id, PaymentConfig::current(), determine_locale() );
	}

	/**
	 * Builds the view of a block.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param int                  $post_id    Post holding the block.
	 * @param Config|null          $config     The payment service's public configuration; null when unavailable.
	 * @param string               $locale     Locale to format amounts in (`en_US`, `de_DE`...).
	 * @return self
	 */
	public static function from_block( array $attributes, int $post_id, ?array $config, string $locale ): self {
		$currency = Currency::get( self::text( $attributes['currency'] ?? '', 'usd' ) ) ?? Currency::get( 'usd' );
		$code     = null === $currency ? 'usd' : $currency['code'];
		$decimals = null === $currency ? 2 : $currency['decimals'];
		$block_id = self::text( $attributes['blockId'] ?? '', '' );
		$presets  = self::amounts( $attributes['amounts'] ?? array() );
		$custom   = true === ( $attributes['allowCustomAmount'] ?? false );
		$min      = is_int( $attributes['minAmount'] ?? null ) ? $attributes['minAmount'] : 0;
		$max      = is_int( $attributes['maxAmount'] ?? null ) ? $attributes['maxAmount'] : 0;
		$format   = static fn( int $minor ): string => Currency::format( $minor, $code, $locale );

		$available = null !== $config
			&& $post_id > 0
			&& 1 === preg_match( BlockPrice::BLOCK_ID_PATTERN, $block_id )
			&& array() === BlockPrice::validate_attributes( $attributes );

		$choose  = count( $presets ) > 1 || ( $custom && array() !== $presets );
		$choices = array();
		if ( $choose ) {
			foreach ( $presets as $index => $amount ) {
				$choices[] = array(
					'value'   => $amount,
					'label'   => $format( $amount ),
					'checked' => 0 === $index,
				);
			}
		}
		$price = ! $choose && 1 === count( $presets ) ? $format( $presets[0] ) : '';
		// The button says what will be paid ("Pay $5.00"), unless the editor wrote its text.
		$custom_button = self::text( $attributes['buttonText'] ?? '', '' );
		$fallback      = '' === $custom_button ? __( 'Pay', 'switchboard' ) : $custom_button;
		$chosen        = $presets[0] ?? null;
		$button        = '' === $custom_button && null !== $chosen
			/* translators: %s: an amount with its currency, e.g. "$5.00". */
			? sprintf( __( 'Pay %s', 'switchboard' ), $format( $chosen ) )
			: $fallback;

		$context = array(
			'postId'         => $post_id,
			'blockId'        => $block_id,
			'currency'       => $code,
			'decimals'       => $decimals,
			'locale'         => str_replace( '_', '-', $locale ),
			'amount'         => $presets[0] ?? 0,
			'custom'         => $custom && array() === $presets,
			'customText'     => '',
			'example'        => $custom ? $min : ( $presets[0] ?? 0 ),
			'email'          => '',
			'publishableKey' => null === $config ? '' : $config['publishable_key'],
			'stripeJsUrl'    => null === $config ? null : $config['stripe_js_url'],
			'payLabel'       => $button,
			'buttonText'     => $fallback,
			'customButton'   => '' !== $custom_button,
			'enhanced'       => false,
			'locked'         => true,
			'busy'           => false,
			'confirming'     => false,
			'paid'           => false,
			'message'        => '',
			'error'          => '',
		);

		return new self(
			$available,
			null !== $config && 'test' === $config['mode'],
			wp_unique_id( 'switchboard-payment-' ),
			self::text( $attributes['title'] ?? '', '' ),
			self::text( $attributes['description'] ?? '', '' ),
			$choices,
			$price,
			$custom,
			strtoupper( $code ),
			self::symbol( $code, $locale ),
			$custom && $min > 0 && $max >= $min
				/* translators: 1: smallest amount, 2: largest amount, each with its currency. */
				? sprintf( __( 'From %1$s to %2$s', 'switchboard' ), $format( $min ), $format( $max ) )
				: '',
			(bool) ( $attributes['collectEmail'] ?? true ),
			$button,
			self::text( $attributes['successMessage'] ?? '', __( 'Thank you! Your payment was received.', 'switchboard' ) ),
			$context
		);
	}

	/**
	 * Translated texts the view script shows, seeded once per page as the store's state.
	 *
	 * @return array<string, mixed>
	 */
	public static function strings(): array {
		return array(
			/* translators: %s: an amount with its currency, e.g. "$5.00". */
			'payAmount'    => __( 'Pay %s', 'switchboard' ),
			/* translators: %s: an example amount with its currency, e.g. "$5.00". */
			'enterAmount'  => __( 'Enter an amount, such as %s.', 'switchboard' ),
			'preparing'    => __( 'Preparing the secure payment form…', 'switchboard' ),
			'enterDetails' => __( 'Enter your payment details, then press Pay.', 'switchboard' ),
			'checking'     => __( 'Checking your browser…', 'switchboard' ),
			'confirming'   => __( 'Confirming your payment…', 'switchboard' ),
			/* translators: %s: a number of seconds. */
			'tooMany'      => __( 'Too many attempts. Please try again in %s seconds.', 'switchboard' ),
			'tooManyLater' => __( 'Too many attempts. Please try again in a few minutes.', 'switchboard' ),
			'unavailable'  => __( 'Payments are not available right now. Nothing was charged; please try again later.', 'switchboard' ),
			'failed'       => __( 'Something went wrong. Nothing was charged; please try again.', 'switchboard' ),
			'notConfirmed' => __( 'Your payment is still being processed. You will receive a receipt once it completes; there is no need to pay again.', 'switchboard' ),
			'canceled'     => __( 'This payment was canceled and nothing was charged. You can start again.', 'switchboard' ),
			'declines'     => array(
				'insufficientFunds'    => __( 'Your card has insufficient funds. Try another card.', 'switchboard' ),
				'cardDeclined'         => __( 'Your card was declined. Try another card, or contact your bank.', 'switchboard' ),
				'expiredCard'          => __( 'Your card has expired. Check the expiry date or use another card.', 'switchboard' ),
				'incorrectCvc'         => __( 'The security code is incorrect. Check the 3 or 4 digits on your card.', 'switchboard' ),
				'incorrectNumber'      => __( 'The card number is incorrect. Check it and try again.', 'switchboard' ),
				'processingError'      => __( 'The card could not be processed. Please try again in a moment.', 'switchboard' ),
				'authenticationFailed' => __( 'Your bank could not confirm it was you. Try again, or use another card.', 'switchboard' ),
				'generic'              => __( 'The payment did not go through. Please try again.', 'switchboard' ),
			),
		);
	}

	/**
	 * The preset amounts: positive integers, in the editor's order, without repeats.
	 *
	 * @param mixed $amounts The attribute.
	 * @return list<int>
	 */
	private static function amounts( mixed $amounts ): array {
		if ( ! is_array( $amounts ) ) {
			return array();
		}

		return array_values( array_unique( array_filter( $amounts, static fn( mixed $amount ): bool => is_int( $amount ) && $amount > 0 ) ) );
	}

	/**
	 * The currency's symbol in a locale, or its code without intl.
	 *
	 * @param string $code   Currency code.
	 * @param string $locale Locale.
	 * @return string
	 */
	private static function symbol( string $code, string $locale ): string {
		if ( class_exists( \NumberFormatter::class ) ) {
			$formatter = new \NumberFormatter( str_replace( '-', '_', $locale ) . '@currency=' . strtoupper( $code ), \NumberFormatter::CURRENCY );
			$symbol    = $formatter->getSymbol( \NumberFormatter::CURRENCY_SYMBOL );
			if ( '' !== $symbol ) {
				return $symbol;
			}
		}

		return strtoupper( $code );
	}

	/**
	 * A text attribute, trimmed, or a fallback when empty or not text.
	 *
	 * @param mixed  $value    The attribute.
	 * @param string $fallback Used when empty.
	 * @return string
	 */
	private static function text( mixed $value, string $fallback ): string {
		$text = is_string( $value ) ? trim( $value ) : '';

		return '' === $text ? $fallback : $text;
	}
}
