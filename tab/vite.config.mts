import { teamsLightTheme } from '@fluentui/react-theme';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { griffelStylesheet } from './build/griffel-stylesheet.mts';

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

/**
 * Each script and style sheet also written gzipped (`name.js.gz`), which the server sends to browsers
 * that take gzip (bot/src/adapters/http/http-server.ts): the app serves its own files, and nothing
 * in front of it is relied on to compress them; uncompressed, the tab would cross the school's
 * connection at about three times the size.
 */
function gzippedCopies(): Plugin {
  return {
    name: 'gzipped-copies',
    apply: 'build',
    writeBundle(output, bundle) {
      for (const name of Object.keys(bundle).filter((file) => /\.(js|css)$/.test(file))) {
        const file = join(output.dir!, name);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      }
    },
  };
}

/**
 * Every script asks V8 to compile all of it as it arrives (the magic comment on its first line must
 * come first): otherwise V8 compiles each function on the main thread the first time it is called,
 * and a first page calls most of React, Fluent and its own code at once. Compiled while the script
 * downloads, on another thread, the incident log spent about a tenth less of its main thread, and the
 * heavier first pages came 35-55 ms sooner side by side (docs/benchmarks.md, "Less work on the main
 * thread"). Chromium 136 and later; other browsers read a comment.
 * https://v8.dev/blog/explicit-compile-hints
 */
function compileWhole(): Plugin {
  return {
    name: 'compile-whole',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const output of Object.values(bundle))
          if (output.type === 'chunk') output.code = `//# allFunctionsCalledOnLoad\n${output.code}`;
      },
    },
  };
}

/**
 * Every page needs the shell (React, Fluent UI, the navigation), which the first script imports once
 * it runs: a `modulepreload` link in the HTML starts its download, and the browser's compiling of it,
 * while the first script is still arriving, instead of after it.
 * https://html.spec.whatwg.org/multipage/links.html#link-type-modulepreload
 */
function preloadShell(): Plugin {
  let base = '/';
  return {
    name: 'preload-shell',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle || !filename.endsWith('index.html')) return [];
        const shell = Object.values(bundle).find((output) => output.type === 'chunk' && output.name === 'shell');
        if (!shell || shell.type !== 'chunk') throw new Error('The build has no shell chunk to preload.');
        // The shell and what it imports, except the first script, which the page loads already.
        const files = [...shell.imports, shell.fileName].filter((file) => !html.includes(file));
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  root: here,
  base: '/tab/',
  // Griffel's styles (makeStyles) are turned into CSS rules when the tab is built, as Fluent's own
  // components ship them: the tab then loads no CSS parser, no token table and no RTL converter
  // (about 10 KB gzipped on every page). https://griffel.js.org/react/guides/aot-compilation
  // Then all of them, Fluent's and the tab's, go into one style sheet (build/griffel-stylesheet.mts).
  plugins: [
    react(),
    teamsLightThemeSheet(),
    command === 'build' && griffel(),
    command === 'build' && griffelStylesheet(),
    preloadShell(),
    compileWhole(),
    gzippedCopies(),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline script.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The consent pop-up's two pages (see src/consent/) are built beside the tab.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        authStart: fileURLToPath(new URL('./auth-start.html', import.meta.url)),
        authEnd: fileURLToPath(new URL('./auth-end.html', import.meta.url)),
      },
      output: {
        // Everything the shell needs (React, the Fluent UI parts of the navigation, the API client)
        // in one file, which every page loads anyway: before, it came as a dozen small files, each
        // one more request queued behind the browser's six connections, each compressed on its own.
        // https://rolldown.rs/reference/OutputOptions.codeSplitting
        codeSplitting: {
          groups: [
            // What the first script needs stays with it, so that it starts the rest without waiting for the shell.
            { name: 'main', tags: ['$initial'], test: /tab[\\/]src[\\/](?!consent[\\/])/, priority: 2 },
            { name: 'shell', test: /tab[\\/]src[\\/]shell\.tsx$/, priority: 1 },
            // The small parts most first pages use besides the shell (the tab's table, badge, labelled
            // field and dates; Fluent's badge, input, select, field, link and text) in one file too: the
            // incident log asked for eight of them, 0.2 to 2.5 KB each, after its own code. About 10 KB
            // gzipped, a few more than some pages used, for one request instead of up to ten.
            {
              name: 'parts',
              test: /tab[\\/]src[\\/](ui[\\/](DataTable|GrowingBadge|Labelled|dates)|school-today)\.tsx?$|@fluentui[\\/]react-(badge|input|select|field|link|text)[\\/]/,
              priority: 0,
            },
          ],
        },
      },
    },
  },
}));
