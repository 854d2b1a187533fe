<?php
/**
 * Tests how the server decides a payment's price.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Payments;

use Switchboard\Payments\BlockPrice;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * The price comes from the block as saved in a published post: its presets, or a custom amount within its
 * bounds and Stripe's. The browser's amount is only a choice among those; anything else is refused.
 */
final class BlockPriceTest extends TestCase {

	/**
	 * A valid block's attributes.
	 *
	 * @var array<string, mixed>
	 */
	private const BLOCK = array(
		'blockId'           => 'pay-abc123',
		'title'             => 'Support the newsroom',
		'currency'          => 'usd',
		'amounts'           => array( 500, 1000, 2500 ),
		'allowCustomAmount' => true,
		'minAmount'         => 300,
		'maxAmount'         => 100000,
	);

	/**
	 * A post holding the block, and where the block sits.
	 *
	 * @param array<string, mixed> $attributes The block's attributes.
	 * @param string               $status     Post status.
	 * @param bool                 $nested     Whether the block is inside a group.
	 * @return int Post id.
	 */
	private function post_with( array $attributes, string $status = 'publish', bool $nested = false ): int {
		$block   = '<!-- wp:switchboard/payment ' . wp_json_encode( $attributes ) . ' /-->';
		$content = $nested ? '<!-- wp:group --><div class="wp-block-group">' . $block . '</div><!-- /wp:group -->' : $block;
		$id      = wp_insert_post(
			array(
				'post_title'   => 'Donate',
				'post_content' => $content,
				'post_status'  => $status,
				'post_type'    => 'page',
			)
		);
		$this->assertGreaterThan( 0, $id );

		return $id;
	}

	/**
	 * A preset amount or a custom one within the bounds is what the visitor pays, with the block's currency
	 * and title; the block is found inside other blocks too.
	 */
	public function test_resolves_presets_and_custom_amounts(): void {
		$post = $this->post_with( self::BLOCK, 'publish', true );

		$price = BlockPrice::resolve( $post, 'pay-abc123', 1000 );
		$this->assertIsArray( $price );
		$this->assertSame( 1000, $price['amount'] );
		$this->assertSame( 'usd', $price['currency'] );
		$this->assertSame( 'Support the newsroom', $price['description'] );
		$this->assertSame( $post, $price['post_id'] );

		$custom = BlockPrice::resolve( $post, 'pay-abc123', 4321 );
		$this->assertIsArray( $custom );
		$this->assertSame( 4321, $custom['amount'] );
	}

	/**
	 * A tampered amount (out of bounds, or not a preset when custom amounts are off) is refused with a
	 * message for the visitor, and so is an unknown block, a draft, or a block that is not set up.
	 */
	public function test_refuses_what_the_saved_block_does_not_allow(): void {
		$post = $this->post_with( self::BLOCK );
		foreach ( array( 1, 299, 100001, 99999999 ) as $amount ) {
			$error = BlockPrice::resolve( $post, 'pay-abc123', $amount );
			$this->assertInstanceOf( WP_Error::class, $error, (string) $amount );
			$this->assertSame( 'switchboard_payment_invalid_amount', $error->get_error_code() );
			$this->assertSame( array( 'status' => 400 ), $error->get_error_data() );
			$this->assertStringContainsString( '$3.00', $error->get_error_message() );
		}

		$presets_only = $this->post_with( array( 'allowCustomAmount' => false ) + self::BLOCK );
		$error        = BlockPrice::resolve( $presets_only, 'pay-abc123', 1500 );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'Choose one of the amounts offered.', $error->get_error_message() );

		$this->assertSame( 'switchboard_payment_not_found', $this->code( BlockPrice::resolve( $post, 'pay-other', 500 ) ) );
		$this->assertSame( 'switchboard_payment_not_found', $this->code( BlockPrice::resolve( $post, '../x', 500 ) ) );
		$this->assertSame( 'switchboard_payment_not_found', $this->code( BlockPrice::resolve( $this->post_with( self::BLOCK, 'draft' ), 'pay-abc123', 500 ) ) );
		$this->assertSame( 'switchboard_payment_not_found', $this->code( BlockPrice::resolve( 999999, 'pay-abc123', 500 ) ) );

		$broken = $this->post_with( array( 'amounts' => array( 10 ) ) + self::BLOCK );
		$this->assertSame( 'switchboard_payment_unavailable', $this->code( BlockPrice::resolve( $broken, 'pay-abc123', 10 ) ) );
	}

	/**
	 * A block inside a synced pattern that the post uses is found too.
	 */
	public function test_finds_the_block_in_a_synced_pattern(): void {
		$pattern = wp_insert_post(
			array(
				'post_title'   => 'Checkout',
				'post_content' => '<!-- wp:switchboard/payment ' . wp_json_encode( self::BLOCK ) . ' /-->',
				'post_status'  => 'publish',
				'post_type'    => 'wp_block',
			)
		);
		$this->assertGreaterThan( 0, $pattern );
		$post = wp_insert_post(
			array(
				'post_title'   => 'Shop',
				'post_content' => '<!-- wp:block {"ref":' . $pattern . '} /-->',
				'post_status'  => 'publish',
			)
		);
		$this->assertGreaterThan( 0, $post );

		$this->assertIsArray( BlockPrice::resolve( $post, 'pay-abc123', 2500 ) );
	}

	/**
	 * The problems an editor sees before publishing.
	 */
	public function test_validate_attributes_names_each_problem(): void {
		$this->assertSame( array(), BlockPrice::validate_attributes( self::BLOCK ) );

		$this->assertSame( array( 'Choose a currency that Stripe supports.' ), BlockPrice::validate_attributes( array( 'currency' => 'xyz' ) + self::BLOCK ) );
		$this->assertContains(
			'Add a price, or let visitors choose their own amount.',
			BlockPrice::validate_attributes(
				array(
					'amounts'           => array(),
					'allowCustomAmount' => false,
				) + self::BLOCK
			)
		);
		$this->assertContains(
			'The smallest amount is larger than the largest.',
			BlockPrice::validate_attributes(
				array(
					'minAmount' => 5000,
					'maxAmount' => 1000,
				) + self::BLOCK
			)
		);
		$below = BlockPrice::validate_attributes( array( 'amounts' => array( 10 ) ) + self::BLOCK );
		$this->assertCount( 1, $below );
		$this->assertStringContainsString( '$0.10 cannot be charged', $below[0] );
		$this->assertStringContainsString( '$0.50', $below[0] );

		$kwd = BlockPrice::validate_attributes(
			array(
				'currency'          => 'kwd',
				'amounts'           => array( 1005 ),
				'allowCustomAmount' => false,
			) + self::BLOCK
		);
		$this->assertCount( 1, $kwd );
		$this->assertStringContainsString( 'the last decimal must be 0', $kwd[0] );
		$this->assertContains( 'Each preset amount should be different.', BlockPrice::validate_attributes( array( 'amounts' => array( 500, 500 ) ) + self::BLOCK ) );
		$this->assertContains( 'Every preset amount must be a whole number of the currency’s smallest unit.', BlockPrice::validate_attributes( array( 'amounts' => array( '5.00' ) ) + self::BLOCK ) );
	}

	/**
	 * The error code of a result, or '' when it is not an error.
	 *
	 * @param mixed $result Result.
	 * @return string
	 */
	private function code( mixed $result ): string {
		return $result instanceof WP_Error ? (string) $result->get_error_code() : '';
	}
}
