<?php
/**
 * The Payments screen's table.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments\Admin;

use Switchboard\Payments\Currency;
use Switchboard\Payments\PaymentRecord;
use Switchboard\Payments\PaymentStore;
use WP_List_Table;

if ( ! class_exists( WP_List_Table::class ) ) {
	require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
}

/**
 * WordPress's record of payments as a core list table: status views, search, sorting, pagination, and a
 * link from each payment to its detail. Everything printed is escaped here.
 */
final class PaymentsListTable extends WP_List_Table {

	/**
	 * Rows per page.
	 */
	private const PER_PAGE = 20;

	/**
	 * Stores the record.
	 *
	 * @param PaymentStore $store WordPress's record of payments.
	 * @param string       $page  The screen's page slug.
	 */
	public function __construct( private readonly PaymentStore $store, private readonly string $page ) {
		parent::__construct(
			array(
				'singular' => 'payment',
				'plural'   => 'payments',
				'ajax'     => false,
				'screen'   => 'toplevel_page_' . $page,
			)
		);
	}

	/**
	 * The columns.
	 *
	 * @return array<string, string>
	 */
	public function get_columns(): array {
		return array(
			'payment_id'  => __( 'Payment', 'switchboard' ),
			'amount'      => __( 'Amount', 'switchboard' ),
			'status'      => __( 'Status', 'switchboard' ),
			'description' => __( 'For', 'switchboard' ),
			'email'       => __( 'Email', 'switchboard' ),
			'created_at'  => __( 'Date', 'switchboard' ),
		);
	}

	/**
	 * Sortable columns.
	 *
	 * @return array<string, array{0: string, 1: bool}>
	 */
	protected function get_sortable_columns(): array {
		return array(
			'amount'     => array( 'amount', false ),
			'status'     => array( 'status', false ),
			'created_at' => array( 'created_at', true ),
		);
	}

	/**
	 * Loads the page of rows the request asks for.
	 */
	public function prepare_items(): void {
		$status  = sanitize_key( PaymentsPage::query_arg( 'status' ) );
		$search  = sanitize_text_field( PaymentsPage::query_arg( 's' ) );
		$orderby = sanitize_key( PaymentsPage::query_arg( 'orderby' ) );
		$order   = sanitize_key( PaymentsPage::query_arg( 'order' ) );
		$page    = $this->store->page( in_array( $status, PaymentStore::STATUSES, true ) ? $status : null, $this->get_pagenum(), self::PER_PAGE, '' === $orderby ? 'created_at' : $orderby, '' === $order ? 'desc' : $order, $search );

		$this->items           = $page['rows'];
		$this->_column_headers = array( $this->get_columns(), array(), $this->get_sortable_columns(), 'payment_id' );
		$this->set_pagination_args(
			array(
				'total_items' => $page['total'],
				'per_page'    => self::PER_PAGE,
			)
		);
	}

	/**
	 * One link per status with payments, and All.
	 *
	 * @return array<string, string>
	 */
	protected function get_views(): array {
		$counts  = $this->store->counts();
		$current = sanitize_key( PaymentsPage::query_arg( 'status' ) );
		$base    = admin_url( 'admin.php?page=' . $this->page );
		$views   = array(
			'all' => sprintf(
				'<a href="%s"%s>%s <span class="count">(%s)</span></a>',
				esc_url( $base ),
				'' === $current ? ' class="current" aria-current="page"' : '',
				esc_html__( 'All', 'switchboard' ),
				esc_html( number_format_i18n( array_sum( $counts ) ) )
			),
		);
		foreach ( $counts as $status => $count ) {
			$views[ $status ] = sprintf(
				'<a href="%s"%s>%s <span class="count">(%s)</span></a>',
				esc_url( add_query_arg( 'status', $status, $base ) ),
				$current === $status ? ' class="current" aria-current="page"' : '',
				esc_html( PaymentsPage::status_label( $status ) ),
				esc_html( number_format_i18n( $count ) )
			);
		}

		return $views;
	}

	/**
	 * The payment id, linking to its detail.
	 *
	 * @param PaymentRecord|mixed $item Row.
	 * @return string
	 */
	protected function column_payment_id( $item ): string {
		if ( ! $item instanceof PaymentRecord ) {
			return '';
		}
		$url = add_query_arg(
			array(
				'page'    => $this->page,
				'payment' => $item->payment_id,
			),
			admin_url( 'admin.php' )
		);

		return sprintf( '<strong><a class="row-title" href="%s">%s</a></strong>', esc_url( $url ), esc_html( $item->payment_id ) )
			. ( $item->livemode ? '' : ' <span class="switchboard-test-badge">' . esc_html__( 'Test', 'switchboard' ) . '</span>' );
	}

	/**
	 * The amount, and what was refunded.
	 *
	 * @param PaymentRecord|mixed $item Row.
	 * @return string
	 */
	protected function column_amount( $item ): string {
		if ( ! $item instanceof PaymentRecord ) {
			return '';
		}
		$locale = get_user_locale();
		$text   = esc_html( Currency::format( $item->amount, $item->currency, $locale ) );
		if ( $item->amount_refunded > 0 ) {
			/* translators: %s: amount refunded. */
			$text .= '<br><span class="description">' . esc_html( sprintf( __( '%s refunded', 'switchboard' ), Currency::format( $item->amount_refunded, $item->currency, $locale ) ) ) . '</span>';
		}

		return $text;
	}

	/**
	 * The status in words.
	 *
	 * @param PaymentRecord|mixed $item Row.
	 * @return string
	 */
	protected function column_status( $item ): string {
		return $item instanceof PaymentRecord ? esc_html( PaymentsPage::status_label( $item->status ) ) : '';
	}

	/**
	 * When it was made.
	 *
	 * @param PaymentRecord|mixed $item Row.
	 * @return string
	 */
	protected function column_created_at( $item ): string {
		return $item instanceof PaymentRecord ? esc_html( PaymentsPage::date( $item->created_at ) ) : '';
	}

	/**
	 * Any other column, as text.
	 *
	 * @param PaymentRecord|mixed $item        Row.
	 * @param string              $column_name Column.
	 * @return string
	 */
	protected function column_default( $item, $column_name ): string {
		if ( ! $item instanceof PaymentRecord ) {
			return '';
		}

		return esc_html( 'email' === $column_name ? $item->email : ( 'description' === $column_name ? $item->description : '' ) );
	}

	/**
	 * What an empty table says.
	 */
	public function no_items(): void {
		esc_html_e( 'No payments yet. They appear here once the payment service reports them.', 'switchboard' );
	}
}
