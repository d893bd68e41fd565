import { consoleLogger } from './adapters/console-logger';
import { createSqliteStores } from './adapters/sqlite/sqlite-stores';
import { createSharePointStores } from './adapters/graph/sharepoint/sharepoint-stores';
import { reviewRetention } from './app/review-retention';
import { ConfigError, loadConfig } from './config';
import { createGraphApi, PROJECT_ROOT } from './main';

/**
 * `npm run job -- <name>`: runs one scheduled job now. Jobs print counts and record ids only —
 * never names or safeguarding details.
 */
const JOBS: Record<string, () => Promise<string[]>> = {
  'retention-review': async () => {
    const config = loadConfig(process.env, PROJECT_ROOT);
    const stores = config.store.kind === 'sharepoint' ? await createSharePointStores(createGraphApi(config.store, consoleLogger()), config.store.siteId) : createSqliteStores(config.dataDir);
    try {
      const due = await reviewRetention(stores, new Date().toISOString().slice(0, 10), config.consentMonthsAfterLeaving);
      return [
        `${due.length} record(s) due for review; nothing was deleted.`,
        ...due.map((item) => `  ${item.record} #${item.recordId}: review by the ${item.reviewedBy} (due ${item.due})`),
      ];
    } finally {
      await stores.close();
    }
  },
};

async function run(): Promise<void> {
  const log = consoleLogger();
  const name = process.argv[2] ?? '';
  const job = JOBS[name];
  if (!job) {
    log.error(`Unknown job "${name}". Jobs: ${Object.keys(JOBS).join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  try {
    for (const line of await job()) console.log(line);
  } catch (error) {
    log.error(error instanceof ConfigError ? error.message : `Job ${name} failed`, error instanceof ConfigError ? undefined : error);
    process.exitCode = 1;
  }
}

void run();
