// What the sign-in page says when a sign-in did not succeed: /aanmelden?fout=<code>, where the code is the
// identity provider's (OAuth 2.0 / OpenID Connect error codes) or one of Wijkbeeld's own.

const MESSAGES: Record<string, (provider: string) => string> = {
	access_denied: (p) => `De aanmelding via ${p} is afgebroken of geweigerd. U bent niet aangemeld.`,
	login_required: (p) => `${p} vraagt u opnieuw aan te melden. Probeer het nog eens.`,
	interaction_required: (p) => `${p} vraagt u opnieuw aan te melden. Probeer het nog eens.`,
	consent_required: (p) => `${p} heeft geen toestemming gekregen om uw gegevens aan Wijkbeeld door te geven.`,
	server_error: (p) => `${p} meldt een storing. Probeer het later opnieuw.`,
	temporarily_unavailable: (p) => `${p} is tijdelijk niet beschikbaar. Probeer het later opnieuw.`,
	onbereikbaar: (p) => `${p} is niet bereikbaar. Probeer het later opnieuw; blijft dit zo, meld het dan aan de beheerder.`,
	verlopen: () => 'De aanmelding duurde te lang of is in een ander venster begonnen. Probeer het opnieuw.',
	mislukt: (p) => `De aanmelding via ${p} is mislukt. Probeer het opnieuw; blijft dit zo, meld het dan aan de beheerder.`,
	inactief: () => 'Uw account in Wijkbeeld is uitgeschakeld. Vraag een beheerder om het weer aan te zetten.',
	geen_email: (p) => `${p} gaf geen e-mailadres door; Wijkbeeld heeft dat nodig om u te herkennen.`,
	email_in_gebruik: () =>
		'Er is al een gebruiker met dit e-mailadres, gekoppeld aan een ander account (of het adres is niet bevestigd). Vraag een beheerder om hulp.',
	niet_ingesteld: () => 'Aanmelden via OpenID Connect is niet ingesteld.'
};

/** The Dutch message for an error code; null for no code. Unknown codes get a general message with the code. */
export function signInErrorMessage(code: string | null, provider: string): string | null {
	if (!code) return null;
	// Own keys only: ?fout=__proto__ or ?fout=valueOf must not find Object.prototype's members.
	const message = Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
	if (message) return message(provider);
	const shown = /^[a-z_]{1,40}$/.test(code) ? ` (${code})` : '';
	return `De aanmelding via ${provider} is mislukt${shown}. Probeer het opnieuw.`;
}
