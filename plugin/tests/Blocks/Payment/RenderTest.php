<?php
/**
 * Tests of the payment block's server render.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Payment;

use Switchboard\Payments\PaymentConfig;
use Switchboard\Tests\Blocks\BlockTestCase;
use WP_Block;
use WP_Block_Type_Registry;
use WP_REST_Request;
use WP_REST_Response;

/**
 * The markup visitors get from `render.php`: an accessible form that says it needs JavaScript until the
 * view script takes over, the test-mode badge, and a plain note when payments are unavailable.
 */
final class RenderTest extends BlockTestCase {

	/**
	 * The payment service's configuration route's answer; null answers 503.
	 *
	 * @var array<string, mixed>|null
	 */
	private ?array $config = array(
		'mode'           => 'test',
		'publishableKey' => 'pk_test_render',
		'stripeJsUrl'    => null,
	);

	/**
	 * The post the block was rendered in.
	 *
	 * @var int
	 */
	private int $post_id = 0;

	/**
	 * Answers the configuration route from $config instead of the payment service.
	 */
	protected function set_up(): void {
		parent::set_up();
		PaymentConfig::forget();
		add_filter(
			'rest_pre_dispatch',
			function ( mixed $result, mixed $server, WP_REST_Request $request ): mixed {
				if ( PaymentConfig::ROUTE !== $request->get_route() ) {
					return $result;
				}
				return null === $this->config ? new WP_REST_Response( array( 'code' => 'unavailable' ), 503 ) : new WP_REST_Response( $this->config, 200 );
			},
			10,
			3
		);
	}

	/**
	 * Forgets the configuration this test's route answered.
	 */
	protected function tear_down(): void {
		PaymentConfig::forget();
		parent::tear_down();
	}

	/**
	 * Renders the block in a post's context, as that post's page does.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return string HTML.
	 */
	private function render_in_post( array $attributes ): string {
		$this->post_id = $this->create_post();
		$parsed        = parse_blocks( get_comment_delimited_block_content( 'switchboard/payment', $attributes, '' ) )[0];

		return ( new WP_Block( $parsed, array( 'postId' => $this->post_id ) ) )->render();
	}

	/**
	 * A block with three presets and a custom amount.
	 *
	 * @return array<string, mixed>
	 */
	private static function attributes(): array {
		return array(
			'blockId'           => 'renderTestBlock01',
			'title'             => 'Support <b>us</b>',
			'currency'          => 'usd',
			'amounts'           => array( 500, 1000, 2500 ),
			'allowCustomAmount' => true,
			'minAmount'         => 500,
			'maxAmount'         => 50000,
		);
	}

	/**
	 * The block is dynamic, with an Interactivity script module and apiFetch for it.
	 */
	public function test_block_is_registered_with_a_view_module(): void {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'switchboard/payment' );

		$this->assertNotNull( $type );
		$this->assertTrue( $type->is_dynamic() );
		$this->assertCount( 1, $type->view_script_module_ids );
		$this->assertContains( 'wp-api-fetch', $type->view_script_handles );
		$this->assertSame( array( 'postId' ), $type->get_uses_context() );
	}

	/**
	 * An accessible form: a labelled group of amounts, a labelled custom amount, an email field, live
	 * regions, the badge, and a Pay button disabled until the script takes over.
	 */
	public function test_renders_an_accessible_form_in_test_mode(): void {
		$html = $this->render_in_post( self::attributes() );

		$root = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment' ) );
		$this->assertSame( 'switchboard/payment', $root->get_attribute( 'data-wp-interactive' ) );
		$title_id = (string) $root->get_attribute( 'aria-labelledby' );
		$this->assertSame( 'Support <b>us</b>', $this->text( $html, array( 'tag_name' => 'h2' ) ) );
		$this->assertSame( $title_id, $this->tag( $html, array( 'tag_name' => 'h2' ) )->get_attribute( 'id' ) );
		$this->assertStringNotContainsString( '<b>', $html );

		$this->assertSame( 'Test mode: no real charge', $this->text( $html, array( 'class_name' => 'wp-block-switchboard-payment__badge' ) ) );
		$this->assertSame( 'Amount', $this->text( $html, array( 'tag_name' => 'legend' ) ) );

		$radios = array_values(
			array_filter(
				$this->tags( $html, array( 'tag_name' => 'input' ) ),
				fn( $tag ): bool => 'radio' === $tag->get_attribute( 'type' )
			)
		);
		$this->assertSame( array( '500', '1000', '2500', 'custom' ), array_map( fn( $tag ) => $tag->get_attribute( 'value' ), $radios ) );
		$this->assertNotNull( $radios[0]->get_attribute( 'checked' ) );
		$this->assertNull( $radios[1]->get_attribute( 'checked' ) );
		$this->assertSame(
			array( '$5.00', '$10.00', '$25.00', 'Other amount' ),
			$this->texts( $html, array( 'class_name' => 'wp-block-switchboard-payment__choice' ) )
		);

		$custom = $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-payment__input' ) )[0];
		$this->assertSame( 'decimal', $custom->get_attribute( 'inputmode' ) );
		$custom_id = (string) $custom->get_attribute( 'id' );
		$labels    = $this->tags( $html, array( 'tag_name' => 'label' ) );
		$for       = array_map( fn( $tag ) => $tag->get_attribute( 'for' ), $labels );
		$this->assertContains( $custom_id, $for );
		$this->assertStringContainsString( 'Your amount (USD)', $html );
		$this->assertStringContainsString( 'From $5.00 to $500.00', $html );

		$email = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment__email' ) );
		$this->assertSame( 'email', $email->get_attribute( 'type' ) );
		$this->assertContains( $email->get_attribute( 'id' ), $for );

		$this->assertSame( 'alert', $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment__error' ) )->get_attribute( 'role' ) );
		$this->assertSame( 'status', $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment__status' ) )->get_attribute( 'role' ) );

		$button = $this->tag( $html, array( 'tag_name' => 'button' ) );
		$this->assertSame( 'submit', $button->get_attribute( 'type' ) );
		$this->assertTrue( $button->get_attribute( 'disabled' ) );
		$this->assertSame( 'Pay $5.00', $this->text( $html, array( 'tag_name' => 'button' ) ) );

		$noscript = $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment__noscript' ) );
		$this->assertNull( $noscript->get_attribute( 'hidden' ) );
		$this->assertTrue( $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment__success' ) )->get_attribute( 'hidden' ) );
	}

	/**
	 * The view's context is printed, with the post and the block that price the payment.
	 */
	public function test_context_names_the_post_and_block(): void {
		$html    = $this->render_in_post( self::attributes() );
		$context = json_decode( (string) $this->tag( $html, array( 'class_name' => 'wp-block-switchboard-payment' ) )->get_attribute( 'data-wp-context' ), true );

		$this->assertIsArray( $context );
		$this->assertSame( $this->post_id, $context['postId'] );
		$this->assertSame( 'renderTestBlock01', $context['blockId'] );
		$this->assertSame( 'pk_test_render', $context['publishableKey'] );
	}

	/**
	 * Without the payment service, visitors read a note instead of a form that would fail.
	 */
	public function test_unavailable_service_shows_a_note_not_a_form(): void {
		$this->config = null;

		$html = $this->render_in_post( self::attributes() );

		$this->assertSame( array(), $this->tags( $html, array( 'tag_name' => 'form' ) ) );
		$this->assertSame( array(), $this->tags( $html, array( 'class_name' => 'wp-block-switchboard-payment__badge' ) ) );
		$this->assertSame(
			'Payments are not available right now. Please try again later.',
			$this->text( $html, array( 'class_name' => 'wp-block-switchboard-payment__unavailable' ) )
		);
	}
}
