import { consoleLogger } from './adapters/console-logger';
import type { Logger } from './app/app-deps';
import { readinessNow } from './app/readiness/view-readiness';
import { ConfigError, loadConfig } from './config';
import type { ReadinessItem, ReadinessLevel } from './domain/readiness/readiness';
import { openRecords, PROJECT_ROOT, teamsAppInCatalogue } from './main';
import { systemClock } from './ports/clock.port';
import { readinessChecks } from './readiness-wiring';

const MARK: Record<ReadinessLevel, string> = { green: 'GREEN', amber: 'AMBER', red: 'RED  ' };

/** One item as the command line prints it: its state, what was found and, when not green, the fix. */
export function readinessLines(items: readonly ReadinessItem[]): string[] {
  return items.flatMap((item) => [
    `${String(item.number).padStart(2)}. [${MARK[item.level]}] ${item.title}`,
    `      ${item.found}`,
    ...(item.fix ? [`      Fix: ${item.fix}`] : []),
  ]);
}

/**
 * `npm run readiness`: the go-live checklist from the command line, with the app's own settings.
 * Exits 0 when every item is green, 1 when something is amber, 2 when something is red or the
 * check could not run.
 */
export async function readinessCommand(env: NodeJS.ProcessEnv, log: Logger): Promise<{ lines: string[]; exitCode: number }> {
  try {
    const config = loadConfig(env, PROJECT_ROOT);
    const { stores, directory, graph } = await openRecords(config, log, systemClock);
    const { teamsApp } = teamsAppInCatalogue(config, graph, systemClock, log);
    try {
      const readiness = await readinessNow(
        readinessChecks({ config, stores, directory, clock: systemClock, ...(graph ? { graph } : {}), teamsApp }),
        systemClock.now(),
      );
      const toFix = readiness.items.filter((item) => item.level !== 'green').length;
      return {
        lines: [
          ...readinessLines(readiness.items),
          readiness.overall === 'green' ? 'Every item is green.' : `Not ready yet: ${toFix} item(s) to fix.`,
        ],
        exitCode: { green: 0, amber: 1, red: 2 }[readiness.overall],
      };
    } finally {
      await stores.close();
    }
  } catch (error) {
    log.error(
      error instanceof ConfigError ? error.message : 'The readiness check could not run',
      error instanceof ConfigError ? undefined : error,
    );
    return { lines: [], exitCode: 2 };
  }
}

if (require.main === module) {
  void readinessCommand(process.env, consoleLogger()).then(({ lines, exitCode }) => {
    for (const line of lines) console.log(line);
    process.exitCode = exitCode;
  });
}
