// Every page knows who is signed in (the user menu, and which controls to offer).
export function load({ locals }) {
	return { user: locals.user };
}
