<?php
/**
 * The Payments screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments\Admin;

use Switchboard\Module;
use Switchboard\Payments\Currency;
use Switchboard\Payments\PaymentCallbacks;
use Switchboard\Payments\PaymentRecord;
use Switchboard\Payments\PaymentsController;
use Switchboard\Payments\PaymentStore;
use WP_Error;
use WP_Post;

/**
 * A top-level Payments menu for administrators: the list (PaymentsListTable) and each payment's detail, with
 * its history and a refund form. A refund is a plain form post to admin-post.php (nonce and capability
 * checked) that asks the payment service through PaymentsController::refund_payment(); the record itself
 * changes when the service's signed callback arrives, so the screen never shows a refund Stripe did not make.
 */
final class PaymentsPage implements Module {

	/**
	 * Page slug.
	 */
	public const SLUG = 'switchboard-payments';

	/**
	 * The admin-post action of the refund form.
	 */
	public const REFUND_ACTION = 'switchboard_refund_payment';

	/**
	 * Stores the collaborators.
	 *
	 * @param PaymentStore       $store      WordPress's record of payments.
	 * @param PaymentsController $controller Asks the service for refunds.
	 */
	public function __construct(
		private readonly PaymentStore $store,
		private readonly PaymentsController $controller
	) {
	}

	/**
	 * Adds the menu and the refund handler.
	 */
	public function register_hooks(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_post_' . self::REFUND_ACTION, array( $this, 'handle_refund' ) );
	}

	/**
	 * Adds Payments to the admin menu.
	 */
	public function add_page(): void {
		add_menu_page(
			__( 'Payments', 'switchboard' ),
			__( 'Payments', 'switchboard' ),
			'manage_options',
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-money-alt',
			56
		);
	}

	/**
	 * A status in words.
	 *
	 * @param string $status Status.
	 * @return string
	 */
	public static function status_label( string $status ): string {
		$labels = array(
			'requires_payment_method' => __( 'Awaiting payment', 'switchboard' ),
			'requires_confirmation'   => __( 'Awaiting confirmation', 'switchboard' ),
			'requires_action'         => __( 'Awaiting authentication', 'switchboard' ),
			'processing'              => __( 'Processing', 'switchboard' ),
			'succeeded'               => __( 'Succeeded', 'switchboard' ),
			'canceled'                => __( 'Canceled', 'switchboard' ),
			'partially_refunded'      => __( 'Partially refunded', 'switchboard' ),
			'refunded'                => __( 'Refunded', 'switchboard' ),
		);

		return $labels[ $status ] ?? $status;
	}

	/**
	 * A text query argument of the current admin request, unslashed ('' when absent). Callers sanitize it.
	 *
	 * @param string $name Argument.
	 * @return string
	 */
	public static function query_arg( string $name ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- read-only screen arguments; callers sanitize.
		$value = isset( $_GET[ $name ] ) ? wp_unslash( $_GET[ $name ] ) : '';

		return is_string( $value ) ? $value : '';
	}

	/**
	 * A text field of the current form post, unslashed ('' when absent). Callers sanitize it.
	 *
	 * @param string $name Field.
	 * @return string
	 */
	private static function posted( string $name ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- handle_refund() checks the nonce first; callers sanitize.
		$value = isset( $_POST[ $name ] ) ? wp_unslash( $_POST[ $name ] ) : '';

		return is_string( $value ) ? $value : '';
	}

	/**
	 * A Unix time in the site's date and time formats.
	 *
	 * @param int $time Unix time.
	 * @return string
	 */
	public static function date( int $time ): string {
		$format = get_option( 'date_format' );
		$clock  = get_option( 'time_format' );
		$date   = wp_date( ( is_string( $format ) ? $format : 'Y-m-d' ) . ' ' . ( is_string( $clock ) ? $clock : 'H:i' ), $time );

		return false === $date ? '' : $date;
	}

	/**
	 * Prints the list, or one payment.
	 */
	public function render(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to see payments.', 'switchboard' ), 403 );
		}
		$id = sanitize_text_field( self::query_arg( 'payment' ) );
		echo '<div class="wrap">';
		$this->notices();
		if ( '' !== $id ) {
			$this->render_detail( $id );
		} else {
			$this->render_list();
		}
		echo '</div>';
	}

	/**
	 * Handles the refund form.
	 */
	public function handle_refund(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to refund payments.', 'switchboard' ), 403 );
		}
		check_admin_referer( self::REFUND_ACTION );
		$id     = sanitize_text_field( self::posted( 'payment' ) );
		$key    = sanitize_text_field( self::posted( 'key' ) );
		$text   = sanitize_text_field( self::posted( 'amount' ) );
		$reason = sanitize_key( self::posted( 'reason' ) );
		$result = $this->refund_from_form( $id, $key, $text, $reason );

		$notice = $result instanceof WP_Error
			? array(
				'type'    => 'error',
				'message' => $result->get_error_message(),
			)
			: array(
				'type'    => 'success',
				'message' => __( 'Refund requested. The payment shows it once Stripe confirms.', 'switchboard' ),
			);
		set_transient( 'switchboard_payments_notice_' . get_current_user_id(), $notice, 60 );
		wp_safe_redirect(
			add_query_arg(
				array(
					'page'    => self::SLUG,
					'payment' => $id,
				),
				admin_url( 'admin.php' )
			)
		);
		exit;
	}

	/**
	 * Checks the refund form and asks for the refund.
	 *
	 * @param string $id     Payment id.
	 * @param string $key    The form's idempotency key.
	 * @param string $text   Amount as typed, or '' for all that is left.
	 * @param string $reason Stripe's reason, or ''.
	 * @return array<mixed>|WP_Error
	 */
	private function refund_from_form( string $id, string $key, string $text, string $reason ): array|WP_Error {
		$row = 1 === preg_match( '/^pay_[A-Za-z0-9]{8,48}$/D', $id ) ? $this->store->get( $id ) : null;
		if ( null === $row || 1 !== preg_match( '/' . PaymentsController::KEY_PATTERN . '/', $key ) || $row->refundable() < 1 ) {
			return new WP_Error( 'switchboard_refund_invalid', __( 'That payment cannot be refunded.', 'switchboard' ) );
		}
		$amount = null;
		if ( '' !== $text ) {
			$amount = Currency::to_minor( $text, $row->currency );
			if ( null === $amount || $amount < 1 || $amount > $row->refundable() ) {
				return new WP_Error( 'switchboard_refund_amount', __( 'Enter an amount no larger than what is left to refund, or leave it empty to refund it all.', 'switchboard' ) );
			}
		}

		return $this->controller->refund_payment( $id, $key, $amount, in_array( $reason, array( 'requested_by_customer', 'duplicate', 'fraudulent' ), true ) ? $reason : null );
	}

	/**
	 * The list with its views and search.
	 */
	private function render_list(): void {
		$table = new PaymentsListTable( $this->store, self::SLUG );
		$table->prepare_items();
		echo '<h1 class="wp-heading-inline">' . esc_html__( 'Payments', 'switchboard' ) . '</h1><hr class="wp-header-end">';
		$table->views();
		echo '<form method="get"><input type="hidden" name="page" value="' . esc_attr( self::SLUG ) . '">';
		$table->search_box( __( 'Search payments', 'switchboard' ), 'switchboard-payments' );
		$table->display();
		echo '</form>';
	}

	/**
	 * One payment: its facts, history and refund form.
	 *
	 * @param string $id Payment id.
	 */
	private function render_detail( string $id ): void {
		$row  = $this->store->get( $id );
		$back = admin_url( 'admin.php?page=' . self::SLUG );
		echo '<p><a href="' . esc_url( $back ) . '">' . esc_html__( '← All payments', 'switchboard' ) . '</a></p>';
		if ( null === $row ) {
			echo '<h1>' . esc_html__( 'Payment not found', 'switchboard' ) . '</h1>';
			return;
		}
		$locale = get_user_locale();
		$money  = static fn( int $minor ): string => Currency::format( $minor, $row->currency, $locale );
		$post   = get_post( $row->post_id );

		/* translators: %s: payment id. */
		echo '<h1>' . esc_html( sprintf( __( 'Payment %s', 'switchboard' ), $row->payment_id ) ) . '</h1>';
		$facts = array(
			__( 'Status', 'switchboard' )         => self::status_label( $row->status ),
			__( 'Amount', 'switchboard' )         => $money( $row->amount ),
			__( 'Refunded', 'switchboard' )       => $money( $row->amount_refunded ),
			__( 'For', 'switchboard' )            => $row->description,
			__( 'Email', 'switchboard' )          => '' === $row->email ? '—' : $row->email,
			__( 'Page', 'switchboard' )           => $post instanceof WP_Post ? get_the_title( $post ) : '—',
			__( 'Mode', 'switchboard' )           => $row->livemode ? __( 'Live', 'switchboard' ) : __( 'Test', 'switchboard' ),
			__( 'Stripe payment', 'switchboard' ) => '' === $row->payment_intent ? '—' : $row->payment_intent,
			__( 'Created', 'switchboard' )        => self::date( $row->created_at ),
		);
		if ( '' !== $row->last_error_code ) {
			$facts[ __( 'Last decline', 'switchboard' ) ] = $row->last_error_code . ( '' === $row->last_error_message ? '' : ': ' . $row->last_error_message );
		}
		echo '<table class="widefat striped switchboard-payment-facts"><tbody>';
		foreach ( $facts as $label => $value ) {
			echo '<tr><th scope="row">' . esc_html( $label ) . '</th><td>' . esc_html( $value ) . '</td></tr>';
		}
		echo '</tbody></table>';

		echo '<h2>' . esc_html__( 'History', 'switchboard' ) . '</h2><ol>';
		foreach ( $row->history as $entry ) {
			echo '<li>' . esc_html( self::date( $entry['at'] ) . ' — ' . self::status_label( $entry['status'] ) . ' (' . $entry['type'] . ')' ) . '</li>';
		}
		echo '</ol>';

		if ( $row->refundable() > 0 ) {
			$this->render_refund_form( $row, $money( $row->refundable() ) );
		}
	}

	/**
	 * The refund form.
	 *
	 * @param PaymentRecord $row  The payment.
	 * @param string        $left What is left to refund, formatted.
	 */
	private function render_refund_form( PaymentRecord $row, string $left ): void {
		echo '<h2>' . esc_html__( 'Refund', 'switchboard' ) . '</h2>';
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( self::REFUND_ACTION );
		echo '<input type="hidden" name="action" value="' . esc_attr( self::REFUND_ACTION ) . '">';
		echo '<input type="hidden" name="payment" value="' . esc_attr( $row->payment_id ) . '">';
		// One key per form: submitting it twice refunds once.
		echo '<input type="hidden" name="key" value="' . esc_attr( 'rf_' . bin2hex( random_bytes( 12 ) ) ) . '">';
		echo '<table class="form-table" role="presentation"><tbody>';
		/* translators: %s: amount left to refund. */
		echo '<tr><th scope="row"><label for="switchboard-refund-amount">' . esc_html__( 'Amount', 'switchboard' ) . '</label></th><td><input type="text" inputmode="decimal" id="switchboard-refund-amount" name="amount" class="regular-text" aria-describedby="switchboard-refund-amount-help"><p class="description" id="switchboard-refund-amount-help">' . esc_html( sprintf( __( 'Leave empty to refund everything left: %s.', 'switchboard' ), $left ) ) . '</p></td></tr>';
		echo '<tr><th scope="row"><label for="switchboard-refund-reason">' . esc_html__( 'Reason', 'switchboard' ) . '</label></th><td><select id="switchboard-refund-reason" name="reason"><option value="">' . esc_html__( 'None given', 'switchboard' ) . '</option><option value="requested_by_customer">' . esc_html__( 'Requested by the customer', 'switchboard' ) . '</option><option value="duplicate">' . esc_html__( 'Duplicate', 'switchboard' ) . '</option><option value="fraudulent">' . esc_html__( 'Fraudulent', 'switchboard' ) . '</option></select></td></tr>';
		echo '</tbody></table>';
		submit_button( __( 'Refund', 'switchboard' ), 'primary', 'submit', true );
		echo '</form>';
	}

	/**
	 * The notice a refund left, and a refused callback, if any.
	 */
	private function notices(): void {
		$key    = 'switchboard_payments_notice_' . get_current_user_id();
		$notice = get_transient( $key );
		if ( is_array( $notice ) ) {
			delete_transient( $key );
			wp_admin_notice(
				esc_html( is_string( $notice['message'] ?? null ) ? $notice['message'] : '' ),
				array(
					'type'        => 'error' === ( $notice['type'] ?? '' ) ? 'error' : 'success',
					'dismissible' => true,
				)
			);
		}
		$refused = get_option( PaymentCallbacks::REFUSED_OPTION );
		if ( is_array( $refused ) ) {
			wp_admin_notice(
				esc_html(
					sprintf(
						/* translators: 1: date, 2: event id. */
						__( 'A payment callback could not be recorded (%1$s, event %2$s): it did not describe a valid payment. Check the payment service’s version and logs.', 'switchboard' ),
						self::date( is_int( $refused['at'] ?? null ) ? $refused['at'] : 0 ),
						is_string( $refused['event_id'] ?? null ) ? $refused['event_id'] : ''
					)
				),
				array( 'type' => 'warning' )
			);
		}
	}
}
