<?php
/**
 * Server render of switchboard/payment: the amounts, an email field and a Pay button, or a plain note
 * when payments are unavailable.
 *
 * Every value comes from the view model; this file only escapes and prints. The card form itself is
 * Stripe's Payment Element, which the view script mounts after the visitor presses Pay: without
 * JavaScript nothing can be paid, and the form says so instead of offering a button that does nothing.
 *
 * @package Switchboard
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var WP_Block             $block      The block, for its `postId` context.
 */

declare( strict_types=1 );

use Switchboard\Blocks\Payment\ViewModel;

$switchboard_view = ViewModel::from_globals( $attributes, (int) ( $block->context['postId'] ?? 0 ) );
$switchboard_id   = $switchboard_view->id;

wp_interactivity_state( 'switchboard/payment', ViewModel::strings() );
?>
<div
	<?php
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the wrapper attributes.
	echo get_block_wrapper_attributes( '' === $switchboard_view->title ? array() : array( 'aria-labelledby' => $switchboard_id . '-title' ) );
	?>
	role="group"
	data-wp-interactive="switchboard/payment"
	<?php echo wp_interactivity_data_wp_context( $switchboard_view->context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the context attribute. ?>
	data-wp-init="callbacks.init"
>
	<?php if ( '' !== $switchboard_view->title ) : ?>
		<h2 class="wp-block-switchboard-payment__title" id="<?php echo esc_attr( $switchboard_id ); ?>-title"><?php echo esc_html( $switchboard_view->title ); ?></h2>
	<?php endif; ?>
	<?php if ( '' !== $switchboard_view->description ) : ?>
		<p class="wp-block-switchboard-payment__description"><?php echo esc_html( $switchboard_view->description ); ?></p>
	<?php endif; ?>
	<?php if ( $switchboard_view->test_mode ) : ?>
		<p class="wp-block-switchboard-payment__badge"><?php esc_html_e( 'Test mode: no real charge', 'switchboard' ); ?></p>
	<?php endif; ?>

	<?php if ( ! $switchboard_view->available ) : ?>
		<p class="wp-block-switchboard-payment__unavailable"><?php esc_html_e( 'Payments are not available right now. Please try again later.', 'switchboard' ); ?></p>
	<?php else : ?>
		<form class="wp-block-switchboard-payment__form" data-wp-on--submit="actions.pay" data-wp-bind--hidden="context.paid">
			<?php if ( array() !== $switchboard_view->presets ) : ?>
				<fieldset class="wp-block-switchboard-payment__amounts">
					<legend><?php esc_html_e( 'Amount', 'switchboard' ); ?></legend>
					<?php foreach ( $switchboard_view->presets as $switchboard_preset ) : ?>
						<label class="wp-block-switchboard-payment__choice">
							<input
								type="radio"
								name="<?php echo esc_attr( $switchboard_id ); ?>-amount"
								value="<?php echo esc_attr( (string) $switchboard_preset['value'] ); ?>"
								<?php checked( $switchboard_preset['checked'] ); ?>
								data-wp-on--change="actions.choose"
							/>
							<span><?php echo esc_html( $switchboard_preset['label'] ); ?></span>
						</label>
					<?php endforeach; ?>
					<?php if ( $switchboard_view->custom ) : ?>
						<label class="wp-block-switchboard-payment__choice">
							<input
								type="radio"
								name="<?php echo esc_attr( $switchboard_id ); ?>-amount"
								value="custom"
								data-wp-bind--checked="context.custom"
								data-wp-on--change="actions.choose"
							/>
							<span><?php esc_html_e( 'Other amount', 'switchboard' ); ?></span>
						</label>
					<?php endif; ?>
				</fieldset>
			<?php elseif ( '' !== $switchboard_view->price ) : ?>
				<p class="wp-block-switchboard-payment__price"><?php echo esc_html( $switchboard_view->price ); ?></p>
			<?php endif; ?>

			<?php if ( $switchboard_view->custom ) : ?>
				<div class="wp-block-switchboard-payment__field">
					<label for="<?php echo esc_attr( $switchboard_id ); ?>-custom">
						<?php
						/* translators: %s: currency code, e.g. "USD". */
						echo esc_html( sprintf( __( 'Your amount (%s)', 'switchboard' ), $switchboard_view->currency_code ) );
						?>
					</label>
					<span class="wp-block-switchboard-payment__money">
						<span aria-hidden="true"><?php echo esc_html( $switchboard_view->currency_symbol ); ?></span>
						<input
							class="wp-block-switchboard-payment__input"
							id="<?php echo esc_attr( $switchboard_id ); ?>-custom"
							type="text"
							inputmode="decimal"
							autocomplete="transaction-amount"
							<?php if ( '' !== $switchboard_view->range ) : ?>
								aria-describedby="<?php echo esc_attr( $switchboard_id ); ?>-range"
							<?php endif; ?>
							data-wp-bind--required="context.custom"
							data-wp-on--input="actions.typeAmount"
						/>
					</span>
					<?php if ( '' !== $switchboard_view->range ) : ?>
						<span class="wp-block-switchboard-payment__hint" id="<?php echo esc_attr( $switchboard_id ); ?>-range"><?php echo esc_html( $switchboard_view->range ); ?></span>
					<?php endif; ?>
				</div>
			<?php endif; ?>

			<?php if ( $switchboard_view->collect_email ) : ?>
				<div class="wp-block-switchboard-payment__field">
					<label for="<?php echo esc_attr( $switchboard_id ); ?>-email"><?php esc_html_e( 'Email for your receipt (optional)', 'switchboard' ); ?></label>
					<input
						class="wp-block-switchboard-payment__input wp-block-switchboard-payment__email"
						id="<?php echo esc_attr( $switchboard_id ); ?>-email"
						type="email"
						autocomplete="email"
						data-wp-on--input="actions.typeEmail"
					/>
				</div>
			<?php endif; ?>

			<div class="wp-block-switchboard-payment__element"></div>

			<p class="wp-block-switchboard-payment__noscript" data-wp-bind--hidden="context.enhanced"><?php esc_html_e( 'Paying here needs JavaScript, which is turned off or did not load. Turn it on and reload the page to pay. Nothing has been charged.', 'switchboard' ); ?></p>
			<p class="wp-block-switchboard-payment__error" role="alert" data-wp-text="context.error"></p>
			<p class="wp-block-switchboard-payment__status" role="status" data-wp-text="context.message"></p>

			<button
				class="wp-block-switchboard-payment__button wp-element-button"
				type="submit"
				disabled
				data-wp-bind--disabled="context.locked"
				data-wp-bind--aria-busy="context.busy"
				data-wp-text="context.payLabel"
			><?php echo esc_html( $switchboard_view->button_text ); ?></button>
		</form>

		<div class="wp-block-switchboard-payment__success" tabindex="-1" hidden data-wp-bind--hidden="!context.paid">
			<p><?php echo esc_html( $switchboard_view->success_message ); ?></p>
		</div>
	<?php endif; ?>
</div>
