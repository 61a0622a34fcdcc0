/** Stylesheets imported for their effect: esbuild bundles them into the page's stylesheet. */
declare module '*.css';
