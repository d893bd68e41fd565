import { teamsLightTheme } from '@fluentui/react-theme';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

const LIGHT_THEME = 'virtual:teams-light-theme.css';

/**
 * Teams' light theme as a style sheet, written when the tab is built: the page's colours, fonts and
 * spacing come with the HTML instead of as a JavaScript object that FluentProvider turns into the
 * same CSS variables (about 5 KB gzipped). The dark and high-contrast themes, loaded only when Teams
 * uses them, still go through FluentProvider, whose variables then win over these. Fluent documents
 * this way to apply a theme statically (createCSSRuleFromTheme in @fluentui/react-provider).
 */
function teamsLightThemeSheet(): Plugin {
  const css = `:root { ${Object.entries(teamsLightTheme)
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ')} }`;
  return {
    name: 'teams-light-theme',
    resolveId: (id) => (id === LIGHT_THEME ? `\0${LIGHT_THEME}` : undefined),
    load: (id) => (id === `\0${LIGHT_THEME}` ? css : undefined),
  };
}

export default defineConfig(({ command }) => ({
  root: here,
  base: '/tab/',
  // Griffel's styles (makeStyles) are turned into CSS rules when the tab is built, as Fluent's own
  // components ship them: the tab then loads no CSS parser, no token table and no RTL converter
  // (about 10 KB gzipped on every page). https://griffel.js.org/react/guides/aot-compilation
  plugins: [react(), teamsLightThemeSheet(), command === 'build' && griffel()],
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
