/**
 * The demo generator's command line, used by the demo stack and by hand:
 *   tsx demo/cli.ts openmetrics --preset migration --out data.om [--hours 3] [--end now|unix]
 *   tsx demo/cli.ts serve --preset migration [--port 9101]
 *   tsx demo/cli.ts truth --preset small [--time unix] [--window 300]
 */
import { Command, InvalidArgumentError } from 'commander';
import { expandCluster } from './cluster';
import { startExporter } from './exporter';
import { writeOpenMetrics } from './openmetrics';
import { FIXTURE_START, preset } from './presets';
import { allSeries } from './series';
import { groundTruth } from './truth';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) {
    throw new InvalidArgumentError(`"${v}" is not a number`);
  }
  return n;
};

const program = new Command('demo').description('Mesh Tax synthetic mesh cluster');

program
  .command('openmetrics')
  .requiredOption('--preset <name>', 'small | article | migration | large')
  .requiredOption('--out <file>', 'OpenMetrics file to write')
  .option('--hours <n>', 'hours of history (default: the preset duration)', int)
  .option('--end <t>', '"now" or a unix time; default: the fixed fixture epoch', 'fixture')
  .action((o: { preset: string; out: string; hours?: number; end: string }) => {
    const spec = preset(o.preset);
    const step = spec.scrapeIntervalSec;
    const dur = o.hours !== undefined ? o.hours * 3600 : spec.durationSec;
    const rawEnd =
      o.end === 'now' ? Math.floor(Date.now() / 1000) : o.end === 'fixture' ? FIXTURE_START + dur : int(o.end);
    const end = rawEnd - (rawEnd % step);
    const r = writeOpenMetrics(o.out, allSeries(expandCluster(spec)), end - dur, end, step);
    process.stdout.write(`wrote ${r.samples} samples (${end - dur}..${end}) to ${o.out}\n`);
  });

program
  .command('serve')
  .requiredOption('--preset <name>', 'small | article | migration | large')
  .option('--port <n>', 'listen port', int, 9101)
  .action((o: { preset: string; port: number }) => {
    startExporter(preset(o.preset), o.port);
    process.stdout.write(`demo exporter (${o.preset}) on :${o.port}/metrics\n`);
  });

program
  .command('truth')
  .requiredOption('--preset <name>', 'small | article | migration | large')
  .option('--time <unix>', 'evaluation time', int)
  .option('--window <s>', 'rate window, seconds', int, 300)
  .action((o: { preset: string; time?: number; window: number }) => {
    const spec = preset(o.preset);
    const t = o.time ?? FIXTURE_START + spec.durationSec - 600;
    const truth = groundTruth(expandCluster(spec), t, o.window);
    const { rows, ...summary } = truth;
    const meshes = summary.meshes.map(({ rows: _r, ...m }) => m);
    process.stdout.write(JSON.stringify({ ...summary, meshes }, null, 2) + '\n');
  });

program.parseAsync().catch((e: Error) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
});
