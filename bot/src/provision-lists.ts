import { consoleLogger } from './adapters/console-logger';
import { provisionLists } from './adapters/graph/sharepoint/provision-lists';
import { ConfigError, loadStoreSettings, refuseOneSiteForEverything } from './config';
import { createGraphApi } from './main';

/**
 * `npm run provision:lists`: creates or completes the app's lists on the two configured sites, by
 * hand (in Azure the app does the same as it starts, PROVISION_AT_START). With STORE=sqlite (a
 * trial) there is nothing to do.
 */
async function run(): Promise<void> {
  const log = consoleLogger();
  if ((process.env.STORE ?? '').trim() === 'sqlite') {
    log.info('STORE=sqlite: the records are in SQLite, there are no SharePoint lists to make.');
    return;
  }
  try {
    const settings = loadStoreSettings({ ...process.env, STORE: 'sharepoint' }, process.env.BOT_TENANT_ID);
    if (settings.kind !== 'sharepoint') return;
    // Never the safeguarding lists on the working site, unless a developer tenant says so.
    refuseOneSiteForEverything(process.env, settings);
    // Nobody is waiting on a card here: allow SharePoint the time it needs.
    const graph = createGraphApi(settings, log, {
      retry: { maxAttempts: 6, deadlineMs: 120_000, attemptTimeoutMs: 60_000, baseDelayMs: 1_000 },
    });
    const changes = await provisionLists(graph, settings.sites);
    log.info(changes.length ? changes.join('\n') : 'Every list and column is already in place: nothing changed.');
  } catch (error) {
    if (error instanceof ConfigError) {
      log.error(error.message);
    } else {
      // An administrator runs this by hand: say what Graph or Entra ID answered (never a token).
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      log.error(`Provisioning failed${cause ? ` (${cause.split('\n')[0]})` : ''}`, error);
    }
    process.exitCode = 1;
  }
}

void run();
