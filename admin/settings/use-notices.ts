/**
 * The screen's messages: the newest few, each dismissible, read out by the live region they render in.
 */
import { useCallback, useState } from '@wordpress/element';

export type NoticeStatus = 'success' | 'error' | 'info' | 'warning';

export type ScreenNotice = {
	id: number;
	status: NoticeStatus;
	message: string;
};

export type Announce = ( status: NoticeStatus, message: string ) => void;

const MAX_NOTICES = 3;

let nextId = 1;

export function useNotices(): {
	notices: ScreenNotice[];
	announce: Announce;
	dismiss: ( id: number ) => void;
} {
	const [ notices, setNotices ] = useState< ScreenNotice[] >( [] );

	const announce = useCallback< Announce >( ( status, message ) => {
		const notice = { id: nextId++, status, message };
		setNotices( ( current ) =>
			[ notice, ...current ].slice( 0, MAX_NOTICES )
		);
	}, [] );

	const dismiss = useCallback( ( id: number ) => {
		setNotices( ( current ) =>
			current.filter( ( notice ) => notice.id !== id )
		);
	}, [] );

	return { notices, announce, dismiss };
}
