/**
 * WordPress dependencies
 */
import { Disabled } from '@wordpress/components';
// The default export: WordPress 6.8 exposes only the component itself as wp.serverSideRender.
import ServerSideRender from '@wordpress/server-side-render';

export interface ServerPreviewProps {
	/** The block's name, as in its block.json. */
	block: string;
	/** The attributes to render with. */
	attributes: Record< string, unknown >;
	/** Query arguments the server render reads, as a visitor's request would carry them. */
	urlQueryArgs?: Record< string, string >;
}

/**
 * The server's own rendering of a block (its render.php) as the editor preview, exactly what
 * visitors get; disabled, so its links and forms do not take the editor away.
 *
 * @param props              Component props.
 * @param props.block        The block's name.
 * @param props.attributes   The attributes to render with.
 * @param props.urlQueryArgs Query arguments for the render.
 */
export function ServerPreview( {
	block,
	attributes,
	urlQueryArgs,
}: ServerPreviewProps ) {
	return (
		<Disabled>
			<ServerSideRender
				block={ block }
				attributes={ attributes }
				skipBlockSupportAttributes
				urlQueryArgs={ urlQueryArgs }
			/>
		</Disabled>
	);
}
