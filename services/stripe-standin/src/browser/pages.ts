/**
 * The HTML documents the stand-in serves to browsers: the Payment Element's frame and the 3-D Secure
 * challenge page. Both are static apart from escaped values; their behaviour is in the bundled scripts.
 */

/**
 * Escapes text for HTML content and attribute values.
 *
 * @param value Any text.
 */
export function escapeHtml( value: string ): string {
	return value
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' )
		.replace( /"/g, '&quot;' )
		.replace( /'/g, '&#39;' );
}

/** Countries offered by the element's select (a short list: the stand-in does not localise addresses). */
const COUNTRIES: Array< [ string, string ] > = [
	[ 'US', 'United States' ],
	[ 'GB', 'United Kingdom' ],
	[ 'FR', 'France' ],
	[ 'DE', 'Germany' ],
	[ 'ES', 'Spain' ],
	[ 'IT', 'Italy' ],
	[ 'NL', 'Netherlands' ],
	[ 'CA', 'Canada' ],
	[ 'AU', 'Australia' ],
	[ 'JP', 'Japan' ],
	[ 'IL', 'Israel' ],
	[ 'AE', 'United Arab Emirates' ],
];

const FRAME_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: transparent; }
body { font-family: var(--fontFamily); font-size: var(--fontSizeBase); color: var(--colorText); }
form { display: grid; gap: calc(var(--spacingUnit) * 3); padding: 2px; }
.test-mode { justify-self: start; margin: 0; padding: 0 6px; border-radius: 4px; background: #ffde92; color: #a04100;
	font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .02em; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: calc(var(--spacingUnit) * 3); }
.field { display: grid; gap: var(--spacingUnit); min-width: 0; }
label { font-size: .93em; }
.control { position: relative; }
input, select { width: 100%; font: inherit; color: var(--colorText); background: var(--colorBackground);
	border: 1px solid #e6e6e6; border-radius: var(--borderRadius); padding: calc(var(--spacingUnit) * 3);
	box-shadow: 0 1px 1px rgba(0,0,0,.03), 0 3px 6px rgba(0,0,0,.02); }
[data-theme="night"] input, [data-theme="night"] select { border-color: #424353; }
[data-theme="flat"] input, [data-theme="flat"] select { border-color: transparent; box-shadow: none; }
input:focus, select:focus { outline: 2px solid var(--colorPrimary); outline-offset: 0; border-color: var(--colorPrimary); }
input[aria-invalid="true"] { border-color: var(--colorDanger); color: var(--colorDanger); }
#number { padding-inline-end: 5.5em; }
.brand { position: absolute; inset-inline-end: calc(var(--spacingUnit) * 3); top: 50%; transform: translateY(-50%);
	font-size: .75em; font-weight: 600; text-transform: uppercase; opacity: .75; }
.error { margin: 0; color: var(--colorDanger); font-size: .93em; min-height: 0; }
.error:empty { display: none; }
`;

/**
 * The Payment Element's frame. `lang` and `dir` come from the locale so right-to-left languages lay out
 * correctly before the script runs.
 *
 * @param options         Rendering options.
 * @param options.lang    The document language.
 * @param options.dir     'ltr' or 'rtl'.
 * @param options.frameJs URL of the frame's script.
 */
export function paymentFramePage( options: {
	lang: string;
	dir: 'ltr' | 'rtl';
	frameJs: string;
} ): string {
	const countries = COUNTRIES.map(
		( [ code, name ] ) =>
			`<option value="${ code }">${ escapeHtml( name ) }</option>`
	).join( '' );
	return `<!doctype html>
<html lang="${ escapeHtml( options.lang ) }" dir="${ options.dir }" data-theme="stripe">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Secure payment input frame</title>
<style>${ FRAME_STYLE }</style>
</head>
<body>
<form id="payment-form" novalidate>
	<p class="test-mode">Test mode</p>
	<div class="field">
		<label for="number">Card number</label>
		<div class="control">
			<input id="number" name="number" type="text" autocomplete="cc-number" inputmode="numeric"
				placeholder="1234 1234 1234 1234" aria-describedby="number-error" aria-invalid="false" spellcheck="false" dir="ltr">
			<span class="brand" id="brand" aria-live="polite"></span>
		</div>
		<p class="error" id="number-error" role="alert"></p>
	</div>
	<div class="row">
		<div class="field">
			<label for="expiry">Expiration date</label>
			<input id="expiry" name="expiry" type="text" autocomplete="cc-exp" inputmode="numeric"
				placeholder="MM / YY" aria-describedby="expiry-error" aria-invalid="false" spellcheck="false" dir="ltr">
			<p class="error" id="expiry-error" role="alert"></p>
		</div>
		<div class="field">
			<label for="cvc">Security code</label>
			<input id="cvc" name="cvc" type="text" autocomplete="cc-csc" inputmode="numeric"
				placeholder="CVC" aria-describedby="cvc-error" aria-invalid="false" spellcheck="false" dir="ltr">
			<p class="error" id="cvc-error" role="alert"></p>
		</div>
	</div>
	<div class="field">
		<label for="country">Country</label>
		<select id="country" name="country" autocomplete="country">${ countries }</select>
	</div>
</form>
<script src="${ escapeHtml( options.frameJs ) }"></script>
</body>
</html>
`;
}

const CHALLENGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #f6f7f9; }
main { max-width: 28rem; margin: 0 auto; padding: 1.5rem; }
.bank { font-weight: 700; letter-spacing: .04em; color: #0a2540; margin: 0 0 1rem; }
h1 { font-size: 1.3rem; margin: 0 0 .75rem; }
p { line-height: 1.5; }
.test-mode { display: inline-block; padding: 0 6px; border-radius: 4px; background: #ffde92; color: #a04100; font-size: 12px; font-weight: 600; text-transform: uppercase; }
.actions { display: grid; gap: .75rem; margin-top: 1.5rem; }
button { font: inherit; padding: .75rem 1rem; border-radius: 6px; border: 1px solid #0a2540; cursor: pointer; }
button:focus-visible { outline: 3px solid #0570de; outline-offset: 2px; }
.complete { background: #0a2540; color: #fff; }
.fail { background: #fff; color: #0a2540; }
#status:empty { display: none; }
`;

/**
 * The 3-D Secure challenge page. It works as a plain form too: without JavaScript the buttons post the
 * outcome to the stand-in server, which answers the redirect itself.
 *
 * @param options              Rendering options.
 * @param options.intentId     The PaymentIntent id.
 * @param options.clientSecret Its client secret (from the query string).
 * @param options.challengeJs  URL of the page's script.
 */
export function challengePage( options: {
	intentId: string;
	clientSecret: string;
	challengeJs: string;
} ): string {
	const action = `/_standin/3ds/${ encodeURIComponent( options.intentId ) }`;
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>3D Secure authentication</title>
<style>${ CHALLENGE_STYLE }</style>
</head>
<body>
<main>
	<p class="bank" aria-hidden="true">STANDIN BANK</p>
	<h1 id="challenge-title">Authenticate your payment</h1>
	<p><span class="test-mode">Test mode</span></p>
	<p>This is a test 3D Secure page. Choose whether the payment passes or fails authentication.</p>
	<form id="challenge" method="post" action="${ escapeHtml( action ) }" aria-labelledby="challenge-title"
		data-intent="${ escapeHtml( options.intentId ) }">
		<input type="hidden" name="client_secret" value="${ escapeHtml( options.clientSecret ) }">
		<div class="actions">
			<button class="complete" type="submit" name="outcome" value="complete">Complete authentication</button>
			<button class="fail" type="submit" name="outcome" value="fail">Fail authentication</button>
		</div>
	</form>
	<p id="status" role="status"></p>
</main>
<script src="${ escapeHtml( options.challengeJs ) }"></script>
</body>
</html>
`;
}
