<?php
/**
 * The price of a payment, decided from the saved block, never from the browser.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use WP_Block_Type_Registry;
use WP_Error;
use WP_Post;

/**
 * Finds a `switchboard/payment` block by its `blockId` in a published post (or a synced pattern it uses) and
 * checks a visitor's amount against what the editor saved there.
 *
 * The block's attributes that matter here:
 * - `blockId`: stable id, generated when the block is inserted;
 * - `currency`: lowercase ISO code (Currency::supported());
 * - `amounts`: preset amounts in minor units (one entry is "one price");
 * - `allowCustomAmount`, `minAmount`, `maxAmount`: an amount of the visitor's choosing, in minor units;
 * - `title`, `description`: what the payment is for (the description sent to Stripe).
 */
final class BlockPrice {

	/**
	 * Block name.
	 */
	public const BLOCK = 'switchboard/payment';

	/**
	 * Shape of a block id.
	 */
	public const BLOCK_ID_PATTERN = '/^[A-Za-z0-9_-]{1,64}$/D';

	/**
	 * Most presets a block may offer.
	 */
	public const MAX_PRESETS = 6;

	/**
	 * Synced patterns followed inside a post, at most (a pattern can contain another).
	 */
	private const MAX_DEPTH = 3;

	/**
	 * Problems with a block's settings, in words an editor understands; empty when the block can take payments.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return list<string>
	 */
	public static function validate_attributes( array $attributes ): array {
		$problems = array();
		$code     = is_string( $attributes['currency'] ?? null ) ? $attributes['currency'] : '';
		$currency = Currency::get( $code );
		if ( null === $currency ) {
			return array( __( 'Choose a currency that Stripe supports.', 'switchboard' ) );
		}
		$locale = get_user_locale();
		$amount = static fn( int $minor ): string => Currency::format( $minor, $currency['code'], $locale );

		$presets = self::presets( $attributes );
		if ( null === $presets ) {
			$problems[] = __( 'Every preset amount must be a whole number of the currency’s smallest unit.', 'switchboard' );
			$presets    = array();
		}
		$custom = true === ( $attributes['allowCustomAmount'] ?? false );
		if ( array() === $presets && ! $custom ) {
			$problems[] = __( 'Add a price, or let visitors choose their own amount.', 'switchboard' );
		}
		if ( count( $presets ) > self::MAX_PRESETS ) {
			/* translators: %d: the largest number of preset amounts. */
			$problems[] = sprintf( __( 'Offer at most %d preset amounts.', 'switchboard' ), self::MAX_PRESETS );
		}
		foreach ( $presets as $preset ) {
			if ( ! Currency::is_chargeable( $preset, $currency['code'] ) ) {
				$problems[] = self::not_chargeable( $amount( $preset ), $currency, $amount );
			}
		}
		if ( count( array_unique( $presets ) ) !== count( $presets ) ) {
			$problems[] = __( 'Each preset amount should be different.', 'switchboard' );
		}

		if ( $custom ) {
			$min = $attributes['minAmount'] ?? null;
			$max = $attributes['maxAmount'] ?? null;
			if ( ! is_int( $min ) || ! is_int( $max ) ) {
				$problems[] = __( 'Set the smallest and the largest amount a visitor may choose.', 'switchboard' );
			} else {
				if ( $min > $max ) {
					$problems[] = __( 'The smallest amount is larger than the largest.', 'switchboard' );
				}
				foreach ( array( $min, $max ) as $bound ) {
					if ( ! Currency::is_chargeable( $bound, $currency['code'] ) ) {
						$problems[] = self::not_chargeable( $amount( $bound ), $currency, $amount );
					}
				}
			}
		}

		return array_values( array_unique( $problems ) );
	}

	/**
	 * What a visitor pays: the amount, if the saved block allows it, with its currency and description.
	 *
	 * @param int    $post_id  Post holding the block.
	 * @param string $block_id The block's `blockId`.
	 * @param int    $amount   Amount the visitor chose, in minor units.
	 * @return array{amount: int, currency: string, description: string, post_id: int, block_id: string, attributes: array<string, mixed>}|WP_Error
	 */
	public static function resolve( int $post_id, string $block_id, int $amount ): array|WP_Error {
		$attributes = self::find( $post_id, $block_id );
		if ( null === $attributes ) {
			return new WP_Error( 'switchboard_payment_not_found', __( 'This payment form is no longer available. Reload the page and try again.', 'switchboard' ), array( 'status' => 404 ) );
		}
		if ( array() !== self::validate_attributes( $attributes ) ) {
			return new WP_Error( 'switchboard_payment_unavailable', __( 'This payment form is not set up correctly, so it cannot take payments yet.', 'switchboard' ), array( 'status' => 409 ) );
		}

		$currency = self::text( $attributes, 'currency' );
		$presets  = self::presets( $attributes ) ?? array();
		$allowed  = in_array( $amount, $presets, true );
		if ( ! $allowed && true === ( $attributes['allowCustomAmount'] ?? false ) ) {
			$allowed = $amount >= self::integer( $attributes, 'minAmount' ) && $amount <= self::integer( $attributes, 'maxAmount' ) && Currency::is_chargeable( $amount, $currency );
		}
		if ( ! $allowed ) {
			return new WP_Error( 'switchboard_payment_invalid_amount', self::amount_message( $attributes ), array( 'status' => 400 ) );
		}

		$title       = is_string( $attributes['title'] ?? null ) ? trim( wp_strip_all_tags( $attributes['title'] ) ) : '';
		$description = '' !== $title ? $title : get_the_title( $post_id );

		return array(
			'amount'      => $amount,
			'currency'    => strtolower( $currency ),
			'description' => mb_substr( wp_strip_all_tags( $description ), 0, 500 ),
			'post_id'     => $post_id,
			'block_id'    => $block_id,
			'attributes'  => $attributes,
		);
	}

	/**
	 * The saved attributes of a payment block in a published, public post, or null.
	 *
	 * @param int    $post_id  Post id.
	 * @param string $block_id Block id.
	 * @return array<string, mixed>|null
	 */
	public static function find( int $post_id, string $block_id ): ?array {
		if ( 1 !== preg_match( self::BLOCK_ID_PATTERN, $block_id ) ) {
			return null;
		}
		$post = get_post( $post_id );
		if ( ! $post instanceof WP_Post || 'publish' !== $post->post_status || post_password_required( $post ) || ! is_post_type_viewable( $post->post_type ) ) {
			return null;
		}

		return self::search( parse_blocks( $post->post_content ), $block_id, 0 );
	}

	/**
	 * Searches parsed blocks (and the synced patterns they reference) for the block.
	 *
	 * @param array<mixed> $blocks   Parsed blocks.
	 * @param string       $block_id Block id.
	 * @param int          $depth    Synced patterns followed so far.
	 * @return array<string, mixed>|null
	 */
	private static function search( array $blocks, string $block_id, int $depth ): ?array {
		foreach ( $blocks as $block ) {
			if ( ! is_array( $block ) ) {
				continue;
			}
			$attributes = array();
			foreach ( is_array( $block['attrs'] ?? null ) ? $block['attrs'] : array() as $name => $value ) {
				$attributes[ (string) $name ] = $value;
			}
			if ( self::BLOCK === ( $block['blockName'] ?? null ) && ( $attributes['blockId'] ?? null ) === $block_id ) {
				return self::with_defaults( $attributes );
			}
			$found = is_array( $block['innerBlocks'] ?? null ) ? self::search( $block['innerBlocks'], $block_id, $depth ) : null;
			if ( null === $found && 'core/block' === ( $block['blockName'] ?? null ) && $depth < self::MAX_DEPTH && is_int( $attributes['ref'] ?? null ) ) {
				$pattern = get_post( $attributes['ref'] );
				if ( $pattern instanceof WP_Post && 'wp_block' === $pattern->post_type && 'publish' === $pattern->post_status ) {
					$found = self::search( parse_blocks( $pattern->post_content ), $block_id, $depth + 1 );
				}
			}
			if ( null !== $found ) {
				return $found;
			}
		}

		return null;
	}

	/**
	 * Attributes with block.json's defaults for those the editor left out of the comment delimiter.
	 *
	 * @param array<string, mixed> $attributes Saved attributes.
	 * @return array<string, mixed>
	 */
	private static function with_defaults( array $attributes ): array {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( self::BLOCK );
		if ( null === $type ) {
			return $attributes;
		}

		$prepared = array();
		foreach ( $type->prepare_attributes_for_render( $attributes ) as $name => $value ) {
			$prepared[ (string) $name ] = $value;
		}

		return $prepared;
	}

	/**
	 * A text attribute, or ''.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 * @param string               $name       Attribute.
	 * @return string
	 */
	private static function text( array $attributes, string $name ): string {
		return is_string( $attributes[ $name ] ?? null ) ? $attributes[ $name ] : '';
	}

	/**
	 * An integer attribute, or 0.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 * @param string               $name       Attribute.
	 * @return int
	 */
	private static function integer( array $attributes, string $name ): int {
		return is_int( $attributes[ $name ] ?? null ) ? $attributes[ $name ] : 0;
	}

	/**
	 * The preset amounts, or null when one is not an integer.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 * @return list<int>|null
	 */
	private static function presets( array $attributes ): ?array {
		$presets = array();
		foreach ( is_array( $attributes['amounts'] ?? null ) ? $attributes['amounts'] : array() as $amount ) {
			if ( ! is_int( $amount ) ) {
				return null;
			}
			$presets[] = $amount;
		}

		return $presets;
	}

	/**
	 * Why an amount cannot be charged in a currency.
	 *
	 * @param string                                           $text     The amount, formatted.
	 * @param array{code: string, decimals: int, minimum: int} $currency Currency.
	 * @param callable(int): string                            $format   Formats an amount.
	 * @return string
	 */
	private static function not_chargeable( string $text, array $currency, callable $format ): string {
		return sprintf(
			/* translators: 1: an amount, 2: the smallest amount Stripe charges in that currency, 3: the largest. */
			__( '%1$s cannot be charged: amounts must be from %2$s to %3$s.', 'switchboard' ),
			$text,
			$format( $currency['minimum'] ),
			$format( Currency::MAXIMUM )
		) . ( 3 === $currency['decimals'] ? ' ' . __( 'In this currency the last decimal must be 0.', 'switchboard' ) : '' );
	}

	/**
	 * What a visitor is told when their amount is refused.
	 *
	 * @param array<string, mixed> $attributes The block's attributes (valid).
	 * @return string
	 */
	private static function amount_message( array $attributes ): string {
		if ( true !== ( $attributes['allowCustomAmount'] ?? false ) ) {
			return __( 'Choose one of the amounts offered.', 'switchboard' );
		}
		$locale = determine_locale();
		$code   = self::text( $attributes, 'currency' );

		return sprintf(
			/* translators: 1: smallest amount, 2: largest amount. */
			__( 'Enter an amount from %1$s to %2$s.', 'switchboard' ),
			Currency::format( self::integer( $attributes, 'minAmount' ), $code, $locale ),
			Currency::format( self::integer( $attributes, 'maxAmount' ), $code, $locale )
		);
	}
}
