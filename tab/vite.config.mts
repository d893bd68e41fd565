import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => ({
  root: here,
  base: '/tab/',
  // Griffel's styles (makeStyles) are turned into CSS rules when the tab is built, as Fluent's own
  // components ship them: the tab then loads no CSS parser, no token table and no RTL converter
  // (about 10 KB gzipped on every page). https://griffel.js.org/react/guides/aot-compilation
  plugins: [react(), command === 'build' && griffel()],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline script.
    modulePreload: { polyfill: false },
    // The consent pop-up's two pages (see src/consent/) are built beside the tab.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        authStart: fileURLToPath(new URL('./auth-start.html', import.meta.url)),
        authEnd: fileURLToPath(new URL('./auth-end.html', import.meta.url)),
      },
    },
  },
}));
