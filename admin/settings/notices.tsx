/**
 * The live region holding the screen's notices, so screen readers hear each one as it appears.
 */
import { Notice } from '@wordpress/components';

import type { ScreenNotice } from './use-notices';

type Props = {
	notices: ScreenNotice[];
	onDismiss: ( id: number ) => void;
};

export function Notices( { notices, onDismiss }: Props ) {
	return (
		<div
			className="switchboard-settings__notices"
			role="status"
			aria-live="polite"
		>
			{ notices.map( ( notice ) => (
				<Notice
					key={ notice.id }
					status={ notice.status }
					onRemove={ () => onDismiss( notice.id ) }
					spokenMessage={ null }
				>
					{ notice.message }
				</Notice>
			) ) }
		</div>
	);
}
