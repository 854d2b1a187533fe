<?php
/**
 * Tests of the payment block's view model.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Payment;

use Switchboard\Blocks\Payment\ViewModel;
use Switchboard\Tests\Blocks\BlockTestCase;

/**
 * What render.php is given: amounts formatted per currency, whether the form can take payments, and the
 * context the view script starts from.
 */
final class ViewModelTest extends BlockTestCase {

	/**
	 * The payment service's public configuration in test mode.
	 */
	private const TEST_CONFIG = array(
		'mode'            => 'test',
		'publishable_key' => 'pk_test_123',
		'stripe_js_url'   => null,
	);

	/**
	 * Valid attributes of a block with three presets and a custom amount.
	 *
	 * @param array<string, mixed> $overrides Attributes to change.
	 * @return array<string, mixed>
	 */
	private static function attributes( array $overrides = array() ): array {
		return array_merge(
			array(
				'blockId'           => 'abcDEF123_-xyz00',
				'title'             => 'Support us',
				'currency'          => 'usd',
				'amounts'           => array( 500, 1000, 2500 ),
				'allowCustomAmount' => true,
				'minAmount'         => 500,
				'maxAmount'         => 50000,
			),
			$overrides
		);
	}

	/**
	 * Presets become radio choices formatted with the currency's symbol and decimals, the first chosen.
	 */
	public function test_presets_are_formatted_choices(): void {
		$view = ViewModel::from_block( self::attributes(), 7, self::TEST_CONFIG, 'en_US' );

		$this->assertTrue( $view->available );
		$this->assertTrue( $view->test_mode );
		$this->assertSame( array( '$5.00', '$10.00', '$25.00' ), array_column( $view->presets, 'label' ) );
		$this->assertSame( array( 500, 1000, 2500 ), array_column( $view->presets, 'value' ) );
		$this->assertSame( array( true, false, false ), array_column( $view->presets, 'checked' ) );
		$this->assertSame( '', $view->price );
		$this->assertSame( 'From $5.00 to $500.00', $view->range );
		$this->assertSame( 'USD', $view->currency_code );
		$this->assertSame( '$', $view->currency_symbol );
		$this->assertSame( 'Pay $5.00', $view->button_text );
		$this->assertSame( 'Pay', $view->context['buttonText'] );
		$this->assertFalse( $view->context['customButton'] );
		$this->assertSame( 500, $view->context['amount'] );
		$this->assertFalse( $view->context['custom'] );
	}

	/**
	 * Zero- and three-decimal currencies keep Stripe's decimals.
	 */
	public function test_zero_and_three_decimal_currencies(): void {
		$yen = ViewModel::from_block(
			self::attributes(
				array(
					'currency'          => 'jpy',
					'amounts'           => array( 500 ),
					'allowCustomAmount' => false,
				)
			),
			7,
			self::TEST_CONFIG,
			'en_US'
		);
		$this->assertSame( '¥500', $yen->price );
		$this->assertSame( 0, $yen->context['decimals'] );
		$this->assertSame( 'Pay ¥500', $yen->button_text );

		$dinar = ViewModel::from_block(
			self::attributes(
				array(
					'currency' => 'kwd',
					'amounts'  => array( 5000, 10000 ),
				)
			),
			7,
			self::TEST_CONFIG,
			'en_US'
		);
		$this->assertSame( 3, $dinar->context['decimals'] );
		$this->assertStringContainsString( '5.000', $dinar->presets[0]['label'] );
		$this->assertStringContainsString( 'KWD', $dinar->presets[0]['label'] );
	}

	/**
	 * One price and nothing to choose: the price is shown, and the button says it.
	 */
	public function test_one_price_is_shown_not_chosen(): void {
		$view = ViewModel::from_block(
			self::attributes(
				array(
					'amounts'           => array( 1200 ),
					'allowCustomAmount' => false,
				)
			),
			7,
			self::TEST_CONFIG,
			'en_US'
		);

		$this->assertSame( array(), $view->presets );
		$this->assertSame( '$12.00', $view->price );
		$this->assertSame( 'Pay $12.00', $view->button_text );
		$this->assertSame( 'Pay $12.00', $view->context['payLabel'] );
		$this->assertSame( '', $view->range );
	}

	/**
	 * Only a custom amount: it is chosen from the start, and its minimum is the example.
	 */
	public function test_custom_amount_only(): void {
		$view = ViewModel::from_block( self::attributes( array( 'amounts' => array() ) ), 7, self::TEST_CONFIG, 'de_DE' );

		$this->assertTrue( $view->available );
		$this->assertSame( array(), $view->presets );
		$this->assertTrue( $view->context['custom'] );
		$this->assertSame( 500, $view->context['example'] );
		$this->assertSame( 'de-DE', $view->context['locale'] );
		$this->assertSame( 'Pay', $view->button_text );
		$this->assertStringContainsString( '5,00', $view->range );
	}

	/**
	 * The form is offered only when the service answers and the block's settings can take payments.
	 */
	public function test_unavailable_without_service_or_with_invalid_settings(): void {
		$this->assertFalse( ViewModel::from_block( self::attributes(), 7, null, 'en_US' )->available );
		$this->assertFalse( ViewModel::from_block( self::attributes( array( 'minAmount' => 90000 ) ), 7, self::TEST_CONFIG, 'en_US' )->available );
		$this->assertFalse( ViewModel::from_block( self::attributes( array( 'blockId' => '' ) ), 7, self::TEST_CONFIG, 'en_US' )->available );
		$this->assertFalse( ViewModel::from_block( self::attributes( array( 'currency' => 'xxx' ) ), 7, self::TEST_CONFIG, 'en_US' )->available );
		$this->assertFalse( ViewModel::from_block( self::attributes(), 0, self::TEST_CONFIG, 'en_US' )->available );

		$live = ViewModel::from_block(
			self::attributes(),
			7,
			array(
				'mode'            => 'live',
				'publishable_key' => 'pk_live_1',
				'stripe_js_url'   => null,
			),
			'en_US'
		);
		$this->assertTrue( $live->available );
		$this->assertFalse( $live->test_mode );
	}

	/**
	 * The context holds what the view needs, and nothing that is not public.
	 */
	public function test_context_for_the_view(): void {
		$config = array(
			'mode'            => 'test',
			'publishable_key' => 'pk_test_abc',
			'stripe_js_url'   => 'http://127.0.0.1:9999/stripe.js',
		);
		$view   = ViewModel::from_block( self::attributes( array( 'buttonText' => '  Donate  ' ) ), 42, $config, 'en_US' );

		$this->assertSame( 42, $view->context['postId'] );
		$this->assertSame( 'abcDEF123_-xyz00', $view->context['blockId'] );
		$this->assertSame( 'usd', $view->context['currency'] );
		$this->assertSame( 'pk_test_abc', $view->context['publishableKey'] );
		$this->assertSame( 'http://127.0.0.1:9999/stripe.js', $view->context['stripeJsUrl'] );
		$this->assertSame( 'Donate', $view->context['buttonText'] );
		$this->assertSame( 'Donate', $view->context['payLabel'] );
		$this->assertTrue( $view->context['customButton'] );
		$this->assertTrue( $view->context['locked'] );
		$this->assertFalse( $view->context['enhanced'] );
		$this->assertStringNotContainsString( 'sk_', (string) wp_json_encode( $view->context ) );
	}

	/**
	 * The texts the view shows include a message for every decline the view maps.
	 */
	public function test_strings_cover_every_decline(): void {
		$strings = ViewModel::strings();

		$this->assertIsArray( $strings['declines'] );
		$this->assertSame(
			array( 'insufficientFunds', 'cardDeclined', 'expiredCard', 'incorrectCvc', 'incorrectNumber', 'processingError', 'authenticationFailed', 'generic' ),
			array_keys( $strings['declines'] )
		);
		$this->assertIsString( $strings['payAmount'] );
		$this->assertIsString( $strings['tooMany'] );
		$this->assertStringContainsString( '%s', $strings['payAmount'] );
		$this->assertStringContainsString( '%s', $strings['tooMany'] );
	}
}
