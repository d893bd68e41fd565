import 'virtual:teams-light-theme.css';
import { askEarly, credentialsFor } from './early';
import { preloadPage } from './pages';
import { startTeams } from './teams';
import { openedFrom } from './views';

// This first script is small, so that the tab starts everything it needs at once, in this order:
// inside Teams only teams-js; the person's `/api/me` and the page's first data (once the person's
// credentials are known: early.ts, early-data.ts); then the page the link names (inside Teams, the
// static tab's `?view=`) and the shell (React, Fluent UI, the navigation; index.html preloads it).
const FIRST_RENDER_WAIT_MS = 500;

const opened = openedFrom(window.location.search);
const host = startTeams();
const early = askEarly(
  opened.view,
  host.then((started) => credentialsFor(started, sessionStorage.getItem('persona') ?? undefined)),
  host.then((started) => !opened.id && !started.subPageId),
);
// The code is asked for in a task of its own, after the steps above: in a browser tab `/api/me` is
// then asked for first (its credentials are known at once), instead of waiting for one of the
// browser's six connections to the server behind a dozen scripts. Inside Teams the credentials come
// later (teams-js, then the SSO token) and the code starts loading meanwhile. A message to itself,
// not setTimeout, which browsers slow to a second in a tab loading out of sight.
const afterThisTask = new MessageChannel();
afterThisTask.port1.onmessage = async () => {
  afterThisTask.port1.close();
  const page = preloadPage(opened.view);
  const [{ showTab }, started] = await Promise.all([import('./shell'), host]);
  // The page's code, and in a browser tab its first answers, usually come while the shell's code is
  // still loading and running: waiting for them (half a second at most, a second in a tab loading
  // out of sight; a slower server gets the spinner) shows the page in one render, instead of the
  // shell, then the page's spinner, then its rows. Inside Teams the answers are asked for only once
  // teams-js has started and the SSO token has come, after the code: waiting for them would leave
  // the frame blank, so the shell shows at once and a page takes the answers that have come by then.
  const ready = Promise.all([page, started.inTeams ? undefined : early]).catch(() => undefined);
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
  showTab(started);
};
afterThisTask.port2.postMessage(undefined);
