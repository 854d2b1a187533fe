/**
 * The text to put in a live region so that screen readers speak it, even when it is the message
 * already there: an unchanged region is not announced again, so a repeat alternates a trailing
 * no-break space.
 *
 * @param current The region's current text.
 * @param message The message to announce.
 * @return The region's next text.
 */
export function nextAnnouncement( current: string, message: string ): string {
	return current === message ? `${ message }\u00a0` : message;
}
