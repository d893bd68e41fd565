import { consoleLogger } from './adapters/console-logger';
import { provisionLists } from './adapters/graph/sharepoint/provision-lists';
import { ConfigError, loadStoreSettings } from './config';
import { createGraphApi } from './main';

/** `npm run provision:lists`: creates or completes the app's lists on the configured site. */
async function run(): Promise<void> {
  const log = consoleLogger();
  try {
    const settings = loadStoreSettings({ ...process.env, STORE: 'sharepoint' });
    if (settings.kind !== 'sharepoint') return;
    const changes = await provisionLists(createGraphApi(settings, log), settings.siteId);
    log.info(changes.length ? changes.join('\n') : 'Every list and column is already in place: nothing changed.');
  } catch (error) {
    log.error(error instanceof ConfigError ? error.message : 'Provisioning failed', error instanceof ConfigError ? undefined : error);
    process.exitCode = 1;
  }
}

void run();
