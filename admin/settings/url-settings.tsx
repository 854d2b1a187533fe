/**
 * The services' base URLs: editable fields where the setting decides, read-only ones (with the variable
 * that sets them) where a constant or environment variable does. Checked in the browser first, then by
 * the server, whose per-field messages are shown under each field.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { fetchSettings, saveSettings } from './api';
import { errorMessage, fieldErrors } from './rest-error';
import type { ServiceSettings } from './types';
import type { Announce } from './use-notices';
import { checkServiceUrl } from './validate-url';

type Props = {
	announce: Announce;
	/** Called after a save, so the health view shows the new addresses. */
	onSaved: () => void;
};

function sourceNote( service: ServiceSettings ): string {
	const where =
		service.source === 'constant'
			? /* translators: %s: name of a PHP constant. */
				__(
					'Set by the PHP constant %s (in wp-config.php); change it there.',
					'switchboard'
				)
			: /* translators: %s: name of an environment variable. */
				__(
					'Set by the environment variable %s; change it there.',
					'switchboard'
				);
	return sprintf( where, service.variable );
}

export function UrlSettings( { announce, onSaved }: Props ) {
	const [ services, setServices ] = useState< ServiceSettings[] | null >(
		null
	);
	const [ values, setValues ] = useState< Record< string, string > >( {} );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const [ loadError, setLoadError ] = useState< string | null >( null );
	const [ saving, setSaving ] = useState( false );

	const accept = ( list: ServiceSettings[] ) => {
		setServices( list );
		setValues(
			Object.fromEntries(
				list.map( ( service ) => [ service.id, service.url ] )
			)
		);
	};

	useEffect( () => {
		fetchSettings()
			.then( ( report ) => accept( report.services ) )
			.catch( ( error: unknown ) =>
				setLoadError( errorMessage( error ) )
			);
	}, [] );

	if ( loadError !== null ) {
		return (
			<p className="switchboard-settings__error">
				{ sprintf(
					/* translators: %s: error message. */
					__( 'The settings could not be loaded: %s', 'switchboard' ),
					loadError
				) }
			</p>
		);
	}
	if ( services === null ) {
		return (
			<p className="switchboard-settings__loading">
				<Spinner /> { __( 'Loading settings…', 'switchboard' ) }
			</p>
		);
	}

	const editable = services.filter( ( service ) => service.editable );

	const save = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		const found: Record< string, string > = {};
		for ( const service of editable ) {
			const problem = checkServiceUrl( values[ service.id ] ?? '' );
			if ( problem !== null ) {
				found[ service.id ] = problem;
			}
		}
		setErrors( found );
		if ( Object.keys( found ).length > 0 ) {
			announce(
				'error',
				__(
					'Some settings were not saved. Check the highlighted fields.',
					'switchboard'
				)
			);
			document
				.getElementById(
					`switchboard-url-${ Object.keys( found )[ 0 ] }`
				)
				?.focus();
			return;
		}

		setSaving( true );
		try {
			const report = await saveSettings(
				Object.fromEntries(
					editable.map( ( service ) => [
						service.id,
						( values[ service.id ] ?? '' ).trim(),
					] )
				)
			);
			accept( report.services );
			announce( 'success', __( 'Settings saved.', 'switchboard' ) );
			onSaved();
		} catch ( error ) {
			setErrors( fieldErrors( error ) );
			announce( 'error', errorMessage( error ) );
		} finally {
			setSaving( false );
		}
	};

	return (
		<Card as="section" aria-labelledby="switchboard-urls-title">
			<CardHeader>
				<h2 id="switchboard-urls-title">
					{ __( 'Service addresses', 'switchboard' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<form onSubmit={ save } noValidate>
					{ services.map( ( service ) =>
						service.editable ? (
							<TextControl
								key={ service.id }
								id={ `switchboard-url-${ service.id }` }
								label={ sprintf(
									/* translators: %s: service name. */
									__( '%s base URL', 'switchboard' ),
									service.label
								) }
								type="url"
								value={ values[ service.id ] ?? '' }
								placeholder="https://"
								onChange={ ( value: string ) => {
									setValues( ( current ) => ( {
										...current,
										[ service.id ]: value,
									} ) );
									setErrors(
										( { [ service.id ]: _, ...rest } ) =>
											rest
									);
								} }
								aria-invalid={
									errors[ service.id ] ? true : undefined
								}
								help={
									errors[ service.id ] ? (
										<span className="switchboard-settings__field-error">
											{ errors[ service.id ] }
										</span>
									) : (
										sprintf(
											/* translators: %s: name of a PHP constant or environment variable. */
											__(
												'Leave empty to turn the service off. %s overrides this field when it is set.',
												'switchboard'
											),
											service.variable
										)
									)
								}
								__next40pxDefaultSize
								__nextHasNoMarginBottom
							/>
						) : (
							<TextControl
								key={ service.id }
								id={ `switchboard-url-${ service.id }` }
								label={ sprintf(
									/* translators: %s: service name. */
									__( '%s base URL', 'switchboard' ),
									service.label
								) }
								value={ service.url }
								readOnly
								onChange={ () => undefined }
								help={ sourceNote( service ) }
								__next40pxDefaultSize
								__nextHasNoMarginBottom
							/>
						)
					) }
					<div className="switchboard-settings__actions">
						<Button
							variant="primary"
							type="submit"
							isBusy={ saving }
							disabled={ saving || editable.length === 0 }
							accessibleWhenDisabled
							__next40pxDefaultSize
						>
							{ __( 'Save', 'switchboard' ) }
						</Button>
					</div>
				</form>
			</CardBody>
		</Card>
	);
}
