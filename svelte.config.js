import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Nothing may load from a remote host: the CSP makes the browser refuse it too.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Stylesheets only from the app itself: no <style> element in the page (markup that slips in cannot
				// restyle it). Style attributes stay allowed: Svelte writes `style="…"` into server-rendered HTML for
				// style: directives and style={…} (the legend's swatches, bar widths, the map's panels), and a style
				// attribute can only be allowed by 'unsafe-inline' or by a hash per value ('unsafe-hashes'), which kit
				// does not compute. MapLibre and Svelte in the browser set styles through the CSSOM, which the CSP does
				// not block. style-src is the fallback for browsers without the -elem/-attr split (CSP level 3).
				'style-src': ['self', 'unsafe-inline'],
				'style-src-elem': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'connect-src': ['self', 'data:', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		}
	}
};

export default config;
