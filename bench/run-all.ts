import { cpus, platform, release, totalmem } from 'node:os';
import { consentCheckBench } from './consent-check-bench';
import { decisionBench } from './decision-bench';
import { fanOutBench } from './fan-out-bench';
import { graphRoundTripsBench } from './graph-round-trips-bench';
import { graphThrottlingBench } from './graph-throttling-bench';
import { incidentsBench } from './incidents-bench';
import { postingCorpusBench } from './posting-corpus-bench';
import { pupilImportBench } from './pupil-import-bench';
import { startupBench } from './startup-bench';
import { tabLoadBench } from './tab-load-bench';

/** `npm run bench`: every benchmark in turn. Figures are printed, never asserted: this is not a test. */
async function main(): Promise<void> {
  // Libraries print load-time deprecation warnings on a later tick: let them out before the table.
  await new Promise((done) => setImmediate(done));
  const cores = cpus();
  console.log('Online Safety Desk benchmarks');
  console.log(
    `  machine: ${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ${platform()} ${release()}`,
  );
  console.log(`  node ${process.version}, ${new Date().toISOString()}`);

  // In sequence, never together: each bench would otherwise steal CPU from the other's figures.
  const benches: [string, () => Promise<void>][] = [
    ['decision', decisionBench],
    ['consent check', consentCheckBench],
    ['posting checks corpus', postingCorpusBench],
    ['start-up', startupBench],
    ['graph round trips', graphRoundTripsBench],
    ['graph throttled', graphThrottlingBench],
    ['incidents', incidentsBench],
    ['tab load', tabLoadBench],
    ['reminder fan-out', fanOutBench],
    ['pupil import', pupilImportBench],
  ];
  for (const [name, bench] of benches) {
    try {
      await bench();
    } catch (error) {
      // A bench that cannot run is a failure (unlike a figure over target); carry on with the others.
      console.error(`\nThe ${name} bench could not run:`, error);
      process.exitCode = 1;
    }
  }
}

void main();
