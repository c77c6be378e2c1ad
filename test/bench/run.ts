import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runBrowserBench, type BrowserBenchResult } from './browser-bench';
import { measureEagerBundle } from './bundle-size';
import { runResultsBench } from './results-bench';
import { printServerBench, runServerBench, serverBudgetRows } from './server-bench';
import { runSyncBench } from './sync-bench';
import { formatYardstick, runYardstickBench, yardstickBudgetRows } from './yardstick-bench';

interface BudgetRow {
  what: string;
  measured: string;
  budget: string;
  /** null: measured, but PERFORMANCE.md sets no budget for it. */
  pass: boolean | null;
}

const KB = 1000;

/**
 * `npm run bench`: measures each budget of PERFORMANCE.md that is built so far, prints one
 * table and writes the same rows as JSON to test/bench/results/latest.json.
 *
 * `--only=browser` (or `--only=bundle,browser`) measures those parts alone and prints their
 * rows without writing latest.json; the app is the build in STATIC_DIR (default ./dist), e.g.
 * `npx vite build --outDir /tmp/x && STATIC_DIR=/tmp/x node --import tsx test/bench/run.ts --only=browser`.
 */
async function main(): Promise<void> {
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  if (only) return runParts(only);
  const rows: BudgetRow[] = [];
  const bundle = measureEagerBundle('dist');
  rows.push({
    what: 'judge path: JS + CSS loaded before the first screen, gzip',
    measured: `${(bundle.gzipBytes / KB).toFixed(1)} kB`,
    budget: '≤ 60 kB',
    pass: bundle.gzipBytes <= 60 * KB,
  });

  const browser = await runBrowserBench();
  rows.push(...browserRows(browser));

  const sync = await runSyncBench(['loopback', '3g', '2g-edge']);
  const day = sync.judgeDay['2g-edge'];
  rows.push({
    what: "a judge's day (50 scoresheets × 10 criteria with notes) on 2g-edge",
    measured: `${day.requests} request, ${(day.ms / 1000).toFixed(2)} s, ${(day.bytesUp / KB).toFixed(1)} kB up, ${(day.bytesDown / KB).toFixed(1)} kB down`,
    budget: '1 request, ≤ 3 s, ≤ 15 kB up',
    pass: day.requests === 1 && day.ms <= 3000 && day.bytesUp <= 15 * KB,
  });
  const yardstick = await runYardstickBench(['loopback', '3g', '2g-edge']);
  rows.push(...yardstickBudgetRows(yardstick));
  for (const profile of ['loopback', '3g', '2g-edge'] as const) {
    const noOp = sync.noOp[profile];
    rows.push({
      what: `no-op sync, ${profile}`,
      measured: `${noOp.requests} request, ${noOp.bytesUp + noOp.bytesDown} B, ${noOp.ms.toFixed(0)} ms`,
      budget: '1 request, ≤ 1 kB in total',
      pass: noOp.requests === 1 && noOp.bytesUp + noOp.bytesDown <= KB,
    });
  }
  const server = await runServerBench();
  rows.push(...serverBudgetRows(server));

  const results = runResultsBench();
  rows.push({
    what: 'results: ranking, normalisation and agreement, 1,000 entries × 10 judges × 10 criteria',
    measured: `${results.ms.toFixed(1)} ms from records (${results.fromPanelMs.toFixed(1)} ms from the built panel), median of ${results.runs}`,
    budget: '≤ 100 ms',
    pass: results.ms <= 100,
  });

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`Jurilapang benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
  console.log('| what | measured | budget | result |\n|---|---|---|---|');
  for (const row of rows)
    console.log(
      `| ${row.what} | ${row.measured} | ${row.budget} | ${row.pass === null ? '—' : row.pass ? 'pass' : 'FAIL'} |`,
    );
  console.log('\nSync against the yardstick, PouchDB replication, in the same run:\n');
  console.log(formatYardstick(yardstick));
  console.log('\nThe server (test/bench/server-bench.ts):');
  printServerBench(server);
  console.log("\nA judge's day on every profile:");
  for (const [profile, m] of Object.entries(sync.judgeDay)) {
    console.log(
      `  ${profile.padEnd(9)} ${m.requests} request, ${(m.ms / 1000).toFixed(2)} s, ${m.bytesUp} B up, ${m.bytesDown} B down`,
    );
  }
  console.log('\nEager JavaScript by package (minified, each gzipped alone):');
  for (const p of bundle.byPackage) {
    console.log(
      `  ${p.name.padEnd(24)} ${(p.bytes / KB).toFixed(1).padStart(7)} kB  ${(p.gzipBytes / KB).toFixed(1).padStart(6)} kB gzip`,
    );
  }
  mkdirSync('test/bench/results', { recursive: true });
  writeFileSync(
    'test/bench/results/latest.json',
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        rows,
        bundle,
        browser,
        sync,
        server,
        yardstick,
        results,
      },
      null,
      2,
    ),
  );
}

/** The browser budgets' rows (PERFORMANCE.md), from one run of the browser benchmark. */
function browserRows(browser: BrowserBenchResult): BudgetRow[] {
  return [
    {
      what: 'first visit on 3g, 4× CPU slowdown: to the assignments list (sign-in tap excluded)',
      measured: `${(browser.firstVisitMs / 1000).toFixed(2)} s`,
      budget: '≤ 2.5 s',
      pass: browser.firstVisitMs <= 2500,
    },
    {
      what: 'repeat visit offline, 4× CPU slowdown: to the assignments list',
      measured: `${(browser.repeatVisitOfflineMs / 1000).toFixed(2)} s`,
      budget: '≤ 0.5 s',
      pass: browser.repeatVisitOfflineMs <= 500,
    },
    {
      what: `autosave of one score change, 4× CPU slowdown, p95 of ${browser.autosaveSamples} after 5 warm-up`,
      measured: `${browser.autosaveP95Ms.toFixed(1)} ms (the first save on the screen: ${browser.autosaveFirstMs.toFixed(0)} ms)`,
      budget: '≤ 16 ms',
      pass: browser.autosaveP95Ms <= 16,
    },
  ];
}

/** `--only=…`: the bundle and browser parts alone, against the build in STATIC_DIR. */
async function runParts(parts: readonly string[]): Promise<void> {
  const known = ['bundle', 'browser'];
  const unknown = parts.filter((part) => !known.includes(part));
  if (unknown.length > 0)
    throw new Error(`--only knows ${known.join(', ')}, not ${unknown.join(', ')}`);
  const rows: BudgetRow[] = [];
  if (parts.includes('bundle')) {
    const bundle = measureEagerBundle(process.env.STATIC_DIR ?? 'dist');
    rows.push({
      what: 'judge path: JS + CSS loaded before the first screen, gzip',
      measured: `${(bundle.gzipBytes / KB).toFixed(2)} kB`,
      budget: '≤ 60 kB',
      pass: bundle.gzipBytes <= 60 * KB,
    });
  }
  if (parts.includes('browser')) rows.push(...browserRows(await runBrowserBench()));
  for (const row of rows)
    console.log(
      `| ${row.what} | ${row.measured} | ${row.budget} | ${row.pass ? 'pass' : 'FAIL'} |`,
    );
}

void main();
