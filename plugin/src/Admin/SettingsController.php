<?php
/**
 * The settings routes of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceRegistry;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * `GET` and `POST switchboard/v1/admin/settings`: the services' base URLs.
 *
 * A URL set by a constant or an environment variable (`SWITCHBOARD_<ID>_URL`) wins over the setting, so such a
 * service is reported read-only with the variable's name, and a POST that tries to change it is refused. Every
 * other URL is checked with ServiceRegistry::validate_url() and stored normalized; an empty string clears it.
 * A request with any bad field changes nothing and answers 400 with one message per field, under
 * `data.fields`. A service whose URL changed starts with a closed circuit.
 */
final class SettingsController {

	/**
	 * REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * Longest URL accepted (ServiceRegistry::validate_url() refuses longer ones too).
	 */
	private const MAX_URL_LENGTH = 2048;

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceRegistry $registry The services and their URLs.
	 * @param CircuitBreaker  $breaker  Reset for a service whose URL changes.
	 */
	public function __construct(
		private readonly ServiceRegistry $registry,
		private readonly CircuitBreaker $breaker
	) {
	}

	/**
	 * Registers the routes (the `rest_api_init` action).
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/admin/settings',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_settings' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'update_settings' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(
						'urls' => array(
							'description'          => __( 'Base URL per service id; an empty string clears it.', 'switchboard' ),
							'type'                 => 'object',
							'required'             => true,
							'additionalProperties' => array(
								'type'      => 'string',
								'maxLength' => self::MAX_URL_LENGTH,
							),
						),
					),
				),
			)
		);
	}

	/**
	 * The services' URLs and where each comes from.
	 *
	 * @return WP_REST_Response
	 */
	public function get_settings(): WP_REST_Response {
		$services = array();
		foreach ( $this->registry->all() as $service ) {
			$services[] = self::describe( $service );
		}

		$response = new WP_REST_Response( array( 'services' => $services ), 200 );
		$response->header( 'Cache-Control', 'no-store' );

		return $response;
	}

	/**
	 * Validates and stores the submitted URLs, all or none.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_settings( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$submitted = $request->get_param( 'urls' );
		$submitted = is_array( $submitted ) ? $submitted : array();
		$services  = $this->registry->all();
		$stored    = get_option( ServiceRegistry::OPTION, array() );
		$stored    = is_array( $stored ) ? $stored : array();

		$urls    = $stored;
		$errors  = array();
		$changed = array();
		foreach ( $submitted as $id => $value ) {
			$id      = (string) $id;
			$value   = is_string( $value ) ? trim( $value ) : '';
			$service = $services[ $id ] ?? null;
			if ( null === $service ) {
				$errors[ $id ] = __( 'There is no service with this id.', 'switchboard' );
				continue;
			}
			if ( ! self::is_editable( $service ) ) {
				/* translators: %s: name of a PHP constant or environment variable. */
				$errors[ $id ] = sprintf( __( 'This URL is set by %s and cannot be changed here.', 'switchboard' ), Service::url_variable( $id ) );
				continue;
			}
			if ( '' === $value ) {
				unset( $urls[ $id ] );
			} else {
				$valid = ServiceRegistry::validate_url( $value );
				if ( '' === $valid ) {
					$errors[ $id ] = __( 'Enter an http:// or https:// address with a host, an optional port and path, and no user name, password, query or fragment.', 'switchboard' );
					continue;
				}
				$urls[ $id ] = $valid;
			}
			if ( ( $urls[ $id ] ?? '' ) !== $service->base_url ) {
				$changed[] = $id;
			}
		}

		if ( array() !== $errors ) {
			return new WP_Error(
				'switchboard_invalid_settings',
				__( 'Some settings were not saved. Check the highlighted fields.', 'switchboard' ),
				array(
					'status' => 400,
					'fields' => $errors,
				)
			);
		}

		if ( $urls !== $stored ) {
			// Autoloaded as WordPress decides (it is small): the registry reads it on every gateway request.
			update_option( ServiceRegistry::OPTION, $urls );
		}
		foreach ( $changed as $id ) {
			$service = $this->registry->get( $id );
			if ( null !== $service ) {
				$this->breaker->reset( $service );
			}
		}

		return $this->get_settings();
	}

	/**
	 * One service's allow-listed settings fields.
	 *
	 * @param Service $service Service.
	 * @return array{id: string, label: string, url: string, source: string, editable: bool, variable: string, configured: bool}
	 */
	private static function describe( Service $service ): array {
		return array(
			'id'         => $service->id,
			'label'      => $service->label,
			'url'        => $service->base_url,
			'source'     => $service->url_source,
			'editable'   => self::is_editable( $service ),
			'variable'   => Service::url_variable( $service->id ),
			'configured' => $service->is_configured(),
		);
	}

	/**
	 * Whether the setting decides this service's URL (no constant or environment variable does).
	 *
	 * @param Service $service Service.
	 * @return bool
	 */
	private static function is_editable( Service $service ): bool {
		return in_array( $service->url_source, array( ServiceRegistry::SOURCE_SETTING, ServiceRegistry::SOURCE_NONE ), true );
	}
}
