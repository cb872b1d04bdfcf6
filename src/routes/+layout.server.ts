// Every page knows who is signed in (the user menu, and which controls to offer), and the app's public
// origin: `url.origin` here is the configured ORIGIN (adapter-node), the address a printed link must carry.
export function load({ locals, url }) {
	return { user: locals.user, publicOrigin: url.origin };
}
