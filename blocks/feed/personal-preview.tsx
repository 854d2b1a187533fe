/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { Disabled, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	FeedItem,
	PersonalAnswer,
	SampleProfile,
} from '../shared/types/feed';
import { previewRequest } from './preview-request';
import type { FeedAttributes } from './types';

export interface PersonalPreviewProps {
	attributes: FeedAttributes;
	profile: SampleProfile;
	/** The post being edited, 0 for none. */
	postId: number;
}

/** The route that ranks for a sample reader and stores nothing. */
export const PREVIEW_PATH = '/switchboard/v1/feed/preview';

type PreviewState =
	| { status: 'loading' }
	| { status: 'done'; items: FeedItem[] }
	| { status: 'error'; message: string };

/**
 * The block as a sample reader would see it once personalized, reasons included, from
 * `POST /switchboard/v1/feed/preview`; the same classes as render.php, so the layout matches.
 *
 * @param props            Component props.
 * @param props.attributes The block's attributes.
 * @param props.profile    The sample reader.
 * @param props.postId     The post being edited.
 */
export function PersonalPreview( {
	attributes,
	profile,
	postId,
}: PersonalPreviewProps ) {
	const [ state, setState ] = useState< PreviewState >( {
		status: 'loading',
	} );
	const body = JSON.stringify(
		previewRequest( attributes, profile.profile, postId )
	);

	useEffect( () => {
		let live = true;
		setState( { status: 'loading' } );
		apiFetch< PersonalAnswer >( {
			path: PREVIEW_PATH,
			method: 'POST',
			data: JSON.parse( body ),
		} )
			.then( ( answer ) => {
				if ( live ) {
					setState( {
						status: 'done',
						items: answer.slots?.[ 0 ]?.items ?? [],
					} );
				}
			} )
			.catch( ( error: { message?: string } ) => {
				if ( live ) {
					setState( {
						status: 'error',
						message: error?.message ?? String( error ),
					} );
				}
			} );
		return () => {
			live = false;
		};
	}, [ body ] );

	if ( state.status === 'loading' ) {
		return <Spinner />;
	}
	if ( state.status === 'error' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: the error message. */
					__(
						'The personalized preview is not available: %s',
						'switchboard'
					),
					state.message
				) }
			</Notice>
		);
	}
	const compact = attributes.layout === 'compact';
	return (
		<Disabled
			className={ `wp-block-switchboard-feed wp-block-switchboard-feed--${
				attributes.layout
			}${ attributes.showImage && ! compact ? ' has-images' : '' }` }
		>
			<h2 className="wp-block-switchboard-feed__heading">
				{ attributes.heading || __( 'For you', 'switchboard' ) }
			</h2>
			{ state.items.length === 0 ? (
				<p className="wp-block-switchboard-feed__empty">
					{ __( 'No posts for this reader.', 'switchboard' ) }
				</p>
			) : (
				<ul className="wp-block-switchboard-feed__list">
					{ state.items.map( ( item ) => (
						<li
							className="wp-block-switchboard-feed__item"
							key={ item.id }
						>
							<article className="wp-block-switchboard-feed__card">
								{ attributes.showImage && ! compact && (
									<span className="wp-block-switchboard-feed__media">
										{ item.image && (
											<img
												className="wp-block-switchboard-feed__image"
												src={ item.image.src }
												alt={ item.image.alt }
												width={ item.image.width }
												height={ item.image.height }
											/>
										) }
									</span>
								) }
								<h3 className="wp-block-switchboard-feed__title">
									<a href={ item.url }>{ item.title }</a>
								</h3>
								{ ( attributes.showDate ||
									attributes.showAuthor ||
									attributes.showCategory ) && (
									<p className="wp-block-switchboard-feed__meta">
										{ attributes.showDate && (
											<time dateTime={ item.date_iso }>
												{ item.date_display }
											</time>
										) }
										{ attributes.showAuthor && (
											<span className="wp-block-switchboard-feed__author">
												{ sprintf(
													/* translators: %s: the author's name. */
													__(
														'By %s',
														'switchboard'
													),
													item.author
												) }
											</span>
										) }
										{ attributes.showCategory &&
											item.category && (
												<span className="wp-block-switchboard-feed__category">
													{ item.category }
												</span>
											) }
									</p>
								) }
								{ attributes.showExcerpt && ! compact && (
									<p className="wp-block-switchboard-feed__excerpt">
										{ item.excerpt }
									</p>
								) }
								<p className="wp-block-switchboard-feed__reason">
									{ item.reason }
								</p>
							</article>
						</li>
					) ) }
				</ul>
			) }
		</Disabled>
	);
}
