/**
 * A stand-in for @wordpress/server-side-render in Jest: the real component fetches the server's
 * rendering, this one shows what it was asked to render, as JSON in an `output` named "preview".
 * Read it back with `preview()` from ./render-edit.
 *
 * Use: jest.mock( '@wordpress/server-side-render', () => jest.requireActual( '<path to this file>' ) );
 */

/** What a block's preview asks the server to render. */
export interface PreviewRequest {
	block: string;
	attributes: Record< string, unknown >;
	skipBlockSupportAttributes?: boolean;
	urlQueryArgs?: Record< string, unknown >;
}

/**
 * The request, shown instead of the server's rendering.
 *
 * @param props The props ServerSideRender received.
 */
export default function ServerSideRender( props: PreviewRequest ) {
	return <output data-testid="preview">{ JSON.stringify( props ) }</output>;
}
