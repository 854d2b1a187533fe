<?php
/**
 * Sentences for the demo posts.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

/**
 * Curated sentences the body text is assembled from. "{topic}" is replaced by the post's topic and
 * "{Topic}" by the same with a capital first letter, so one bank serves many posts of a category.
 */
final class SentenceBank {

	/**
	 * Banks per category: context (opening), body, headings, list items, quotes ([text, attribution]).
	 *
	 * @return array<string, array{context: list<string>, body: list<string>, headings: list<string>, items: list<string>, quotes: list<array{0: string, 1: string}>}>
	 */
	public static function categories(): array {
		return array(
			'engineering' => array(
				'context'  => array(
					'{Topic} started as a side project during a slow week and ended up touching every block we ship.',
					'The first version of {topic} took two weeks; the second took two days, because by then we knew what to measure.',
					'None of this was new in theory, but putting {topic} into a WordPress plugin raised questions the textbooks skip.',
					'We had put off {topic} for a year, and the cost of waiting showed up in every incident review.',
					'Most of the work on {topic} was deleting code, which is the kind of progress that never shows up on a roadmap.',
					'This post walks through {topic} as it runs in production today, including the parts we would design differently.',
				),
				'body'     => array(
					'Every route in the gateway has a timeout shorter than the one the browser would give up at.',
					'We measure before and after every change, on the same machine, in the same run, and report the ratio.',
					'The fallback path runs in production every day, because a fallback that is never exercised is a fallback that does not work.',
					'Caching happens per route, with a policy written next to the route instead of in a separate configuration file.',
					'A failing dependency now costs a page a few milliseconds instead of a few seconds.',
					'We log one structured line per request to a service, with the route, the status, the duration and whether the cache answered.',
					'The hardest bugs were not in the new code but in the assumptions the old code made about ordering.',
					'Tests run against a real WordPress with a real database, not against mocks of functions we do not own.',
					'Each service verifies a short-lived token signed by WordPress, so no shared secret travels between them.',
					'Once {topic} was in place, the incident channel got noticeably quieter.',
					'We kept the first implementation small enough to delete, and that turned out to be its most useful property.',
					'Profiling showed that most of the time went into booting WordPress, not into our own code.',
					'The change shipped behind a constant, so rolling back meant editing one line rather than reverting a release.',
					'We wrote the runbook before the feature, which exposed two failure modes nobody had considered.',
				),
				'headings' => array(
					'Why {topic} mattered',
					'What we measured',
					'The failure modes',
					'How it runs today',
					'What we would change',
					'The numbers',
				),
				'items'    => array(
					'A timeout on every outgoing request, shorter than the visitor\'s patience.',
					'One retry at most, and only for idempotent calls.',
					'A circuit breaker per service, not one for the whole gateway.',
					'A fallback answer for every route, tested in CI.',
					'Structured logs with the route, duration and cache status.',
					'Benchmarks that run the baseline and the change side by side.',
					'A constant to switch the feature off without a deploy.',
					'Integration tests against real WordPress and a real database.',
					'A runbook written before the first incident, not after it.',
				),
				'quotes'   => array(
					array( 'The fastest request is the one the cache answers, and the second fastest is the one that fails quickly.', 'From our platform handbook' ),
					array( 'If the fallback has never run in production, you do not have a fallback. You have a hope.', 'An on-call engineer, after a long night' ),
					array( 'We did not make WordPress faster. We stopped asking it to wait for things it did not need.', 'Sprint review notes' ),
				),
			),
			'product'     => array(
				'context'  => array(
					'{Topic} came up in almost every conversation we had with editors last spring.',
					'We nearly shipped the opposite of what became {topic}, and a single support ticket changed our mind.',
					'{Topic} is one of those decisions that looks obvious afterwards and was anything but at the time.',
					'The idea behind {topic} is simple; getting the details right for real newsrooms took three iterations.',
					'This is the story of {topic}, told through the evidence that shaped it.',
					'We write these notes so the reasoning behind {topic} outlives the meeting where it was decided.',
				),
				'body'     => array(
					'Editors told us they do not want more options; they want the existing ones to behave predictably.',
					'We watched six people insert a block for the first time, and four of them looked for the settings in the wrong panel.',
					'The metric we care about is not clicks but how often an editor publishes without asking for help.',
					'Every feature request is a description of a problem, and the problem is what we put on the board.',
					'We prototype in the editor itself, with real content, because mockups hide the awkward parts.',
					'Small publications and large newsrooms wanted the same thing for different reasons.',
					'We said no to a dashboard, a custom post type and two integrations, and the product is clearer for it.',
					'Support tickets are our most honest research channel, and we read every one of them.',
					'Once the change shipped, the number of "how do I" questions about {topic} dropped by half.',
					'A good default removes a decision from thousands of people, so we test defaults harder than features.',
					'The roadmap is a list of problems in order, not a list of features with dates.',
					'We wrote the help article before writing the code, and rewrote the feature when the article was hard to write.',
					'Beta testers got the feature two weeks early and a direct line to the people who built it.',
				),
				'headings' => array(
					'What editors told us',
					'The decision',
					'What we left out',
					'How we measured it',
					'What changed after launch',
					'Open questions about {topic}',
				),
				'items'    => array(
					'Talk to the people who will use it before writing a single line.',
					'Write the help article first.',
					'Ship to a small group and watch, not ask.',
					'Measure the outcome, not the usage.',
					'Keep a public list of what we decided not to build.',
					'Make the default right for the smallest site.',
					'Remove one setting for every one we add.',
					'Review support tickets every week, as a team.',
				),
				'quotes'   => array(
					array( 'I do not want a smarter editor. I want one that does the same thing every time.', 'A managing editor we interviewed' ),
					array( 'The best feature we shipped this year was the setting we removed.', 'Quarterly product review' ),
					array( 'If I have to explain it to my reporters, it is already too complicated.', 'A newsroom lead, during a beta call' ),
				),
			),
			'design'      => array(
				'context'  => array(
					'{Topic} is one of the least glamorous parts of the interface and one of the most noticed.',
					'We redesigned {topic} three times before we tested it with real content, and then once more after.',
					'Good work on {topic} is invisible; bad work generates support tickets.',
					'{Topic} had grown organically for two years, and it showed.',
					'This post documents the principles behind {topic} so new designers do not have to reverse-engineer them.',
					'We started with a question about {topic} and ended with a change to the whole design system.',
				),
				'body'     => array(
					'Every component is designed with its longest realistic content first, not its shortest.',
					'Contrast is checked in the design tool and again in the browser, because they rarely agree.',
					'We design the empty state, the error state and the loading state before the happy path.',
					'Tokens are named for what they do, not what they look like, so a theme can change the look without renaming anything.',
					'Keyboard users reach every control in a logical order, and we test it by unplugging the mouse.',
					'The design review includes someone who uses a screen reader every day.',
					'We removed two font sizes and nobody noticed, which told us they had never been needed.',
					'Spacing follows a single scale, so the layout holds together when content is longer than expected.',
					'The prototype uses real articles from the archive, including the one with the eighty-character headline.',
					'Motion respects the reduced-motion preference everywhere, with no exceptions for marketing pages.',
					'We test at 200 percent zoom as routinely as we test on a phone.',
					'After the change, readers found {topic} without being told where to look.',
				),
				'headings' => array(
					'The problem with {topic}',
					'Principles',
					'What we tested',
					'Details that mattered',
					'Accessibility notes',
					'What is next for {topic}',
				),
				'items'    => array(
					'Design the error and empty states first.',
					'Use real content, including the longest headline in the archive.',
					'Check contrast in the browser, not only in the design tool.',
					'Name tokens by role, not by color.',
					'Give every animation a reduced-motion alternative.',
					'Test with the keyboard alone before sign-off.',
					'Keep one spacing scale and one type scale.',
					'Invite a screen reader user to every major review.',
				),
				'quotes'   => array(
					array( 'Design the worst day first. The best day takes care of itself.', 'Design team principles' ),
					array( 'If it only works with the example text, it does not work.', 'A comment left on almost every mockup' ),
					array( 'Accessibility is not a review step. It is the material we design with.', 'From our design system documentation' ),
				),
			),
			'payments'    => array(
				'context'  => array(
					'{Topic} sounds like a detail until the day it costs a customer real money.',
					'We got {topic} wrong once, in a way that was caught before launch, and rebuilt it from the ledger up.',
					'{Topic} is where product design, accounting and distributed systems meet, and each of them has opinions.',
					'Payments code has to be boring, and {topic} is a good example of how much work boring takes.',
					'This is how {topic} works in Switchboard today, with the edge cases that shaped it.',
					'The payment service alone holds the secret key, which made {topic} simpler than we expected.',
				),
				'body'     => array(
					'The browser chooses what to buy; the server decides what it costs.',
					'Every attempt gets one idempotency key, created on the server before the first request leaves.',
					'The ledger is append-only, so a correction is a new entry, never an edit.',
					'Amounts are integers in the smallest currency unit from the edge of the system to the database.',
					'Webhooks are verified, recorded and processed once, in that order, even when they arrive twice.',
					'A reconciler compares our records with the provider\'s every hour and settles anything that is still pending.',
					'We test declines, timeouts and duplicate deliveries locally against a server that speaks the same API shapes.',
					'Refunds are their own state, not a negative payment, which keeps reporting honest.',
					'The payment library loads only when a visitor shows intent, so article pages stay light.',
					'Support can see every state a payment passed through, with timestamps, without reading logs.',
					'We never log card data, and our logs would not know what to do with it if we tried.',
					'Once {topic} shipped, the number of payments needing manual review fell to almost none.',
					'A payment that times out is not a failure; it is an unknown, and the system treats it as one.',
				),
				'headings' => array(
					'Why {topic} is hard',
					'The states a payment goes through',
					'What the server decides',
					'Testing it offline',
					'What reconciliation catches',
					'Lessons from {topic}',
				),
				'items'    => array(
					'Resolve the price on the server from the saved block.',
					'Create one idempotency key per attempt, on the server.',
					'Store amounts as integers in the smallest unit.',
					'Verify every webhook signature before parsing the body.',
					'Record processed event ids and ignore repeats.',
					'Reconcile pending payments on a schedule.',
					'Treat a timeout as unknown, never as failed.',
					'Keep the secret key in exactly one service.',
				),
				'quotes'   => array(
					array( 'A double charge is not a bug report. It is a customer who will not come back.', 'Our payments checklist' ),
					array( 'The ledger should tell the same story to an engineer and to an accountant.', 'From the ledger design review' ),
					array( 'Assume every webhook arrives twice, late and out of order. Some of them will.', 'Payments on-call notes' ),
				),
			),
			'search'      => array(
				'context'  => array(
					'{Topic} is the part of search readers never think about and always notice.',
					'Our archive has grown past ten thousand articles, and {topic} became the difference between finding and giving up.',
					'We approached {topic} the way we approach performance: measure, change one thing, measure again.',
					'{Topic} was the first search problem we solved with a test suite instead of intuition.',
					'This post explains {topic} with real queries from our own search logs.',
					'The search service does the heavy lifting, but {topic} starts with what WordPress sends it.',
				),
				'body'     => array(
					'Readers type two or three words and expect the article they half remember to come first.',
					'Titles carry more weight than body text, but not so much that a passing mention in a headline wins.',
					'The index updates from the content outbox within seconds of an editor pressing publish.',
					'A full re-index runs in the background with progress, and the old index answers until the new one is ready.',
					'Every query with zero results is logged, and the list is reviewed every week.',
					'Search works without JavaScript: the block renders results for the query in the URL on the server.',
					'If the search service is unavailable, WordPress answers with its own search and says so.',
					'We judge relevance against a fixed list of queries and expected results, so changes are compared, not argued.',
					'Snippets are built from plain text and highlighted after escaping, never before.',
					'Recency is a gentle boost, not a filter, because good old articles still deserve to be found.',
					'Typos are handled with trigram matching, which catches most misspellings without a dictionary.',
					'After the change, the share of searches ending in a click on the first result went up noticeably.',
					'Trashed and unpublished posts disappear from the index through the same events as everything else.',
				),
				'headings' => array(
					'How {topic} works',
					'What readers actually type',
					'Measuring relevance',
					'Keeping the index fresh',
					'When the service is down',
					'What we learned about {topic}',
				),
				'items'    => array(
					'Weight titles above body text, within reason.',
					'Log every zero-result query and review the list weekly.',
					'Judge changes against a fixed set of queries.',
					'Build snippets from plain text and escape once.',
					'Update the index from content events, within seconds.',
					'Fall back to WordPress search when the service is unavailable.',
					'Render results on the server so search works without scripts.',
					'Boost recency gently; do not filter by it.',
				),
				'quotes'   => array(
					array( 'A search box is a promise. Every empty result page breaks it a little.', 'Search team notes' ),
					array( 'We stopped arguing about relevance the day we wrote down what good looked like.', 'From the relevance review' ),
					array( 'The best query log is the one someone reads every week.', 'An editor on the search beta' ),
				),
			),
			'culture'     => array(
				'context'  => array(
					'{Topic} is something we practiced for a year before we felt ready to write about it.',
					'Like most teams, we learned about {topic} mostly by getting it wrong first.',
					'{Topic} shapes how we work more than any tool we use.',
					'This is an honest account of {topic} at Switchboard, including what still does not work.',
					'New colleagues ask about {topic} in their first week, so we wrote it down.',
					'{Topic} changed slowly, one small experiment at a time, over several quarters.',
				),
				'body'     => array(
					'Decisions are written down, with the options we rejected and why.',
					'Meetings have an agenda, a note taker and an end time that is respected.',
					'We default to writing, so people in every time zone can take part.',
					'Feedback is given early, in private, and about the work rather than the person.',
					'Anyone can ask why, and the answer is written where the next person will find it.',
					'On-call is shared, paid and quiet enough that nobody dreads it.',
					'New colleagues ship a small change on their first day, with a buddy who has done it before.',
					'We review the process every quarter and remove at least one step.',
					'Postmortems name systems and decisions, never people.',
					'We celebrate deleted code and closed tickets as much as new features.',
					'A good question in a public channel helps ten people who did not ask.',
					'Since we changed how we approach {topic}, fewer decisions get reopened a month later.',
				),
				'headings' => array(
					'Why {topic} matters to us',
					'What we tried',
					'What stuck',
					'What we dropped',
					'How it feels now',
					'If you want to try {topic}',
				),
				'items'    => array(
					'Write decisions down, including the rejected options.',
					'Give every meeting an agenda and an end time.',
					'Default to asynchronous, written communication.',
					'Share on-call fairly and pay for it.',
					'Make the first day end with a merged change.',
					'Keep postmortems blameless and specific.',
					'Remove one process step every quarter.',
					'Ask questions in public channels.',
				),
				'quotes'   => array(
					array( 'Write it down. The future colleague who reads it may be you.', 'Our team handbook' ),
					array( 'We do not need heroes. We need systems that do not need heroes.', 'From an on-call retrospective' ),
					array( 'The best onboarding document is the one the last new hire improved.', 'A note in the onboarding checklist' ),
				),
			),
		);
	}

	/**
	 * Sentences that fit any category, mixed in so categories share a house voice.
	 *
	 * @return list<string>
	 */
	public static function general(): array {
		return array(
			'We wrote down what we expected before we started, which made the surprises easier to spot.',
			'The first measurement was humbling, and it was also the most useful thing we did all quarter.',
			'It is tempting to solve the general problem; we solved the one in front of us and kept notes.',
			'Most of the difficult conversations were about naming, which is usually a sign the design is still unclear.',
			'A week of observation saved us a month of building the wrong thing.',
			'The simplest version that could work was simpler than anyone in the room guessed.',
			'We shared a draft early, and the comments on it were better than the draft.',
			'Nothing here required new technology, only a decision to stop tolerating the old behavior.',
			'We kept a log of every surprise, and it became the outline of this post.',
			'Along the way we found two older problems that had the same root cause.',
		);
	}

	/**
	 * Closing paragraphs.
	 *
	 * @return list<string>
	 */
	public static function closers(): array {
		return array(
			'If you are working on something similar, we would like to hear how you approached it. The comments are open, and we read them.',
			'None of this is finished. We will write a follow-up once we have another quarter of data.',
			'The code and the runbooks are shared internally, and we plan to publish the parts that are not specific to us.',
			'We are still learning here. If you see something we missed, tell us; that is how most of these posts get better.',
			'The short version: measure first, change one thing, and write down why.',
			'Next time we will start with the failure cases, because that is where the real design work turned out to be.',
		);
	}
}
