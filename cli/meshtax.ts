/**
 * meshtax: the overhead model from the command line.
 *   npm run -s meshtax -- report --prometheus URL [...]
 *   npm run -s meshtax -- queries [...] --format json
 *   npm run -s meshtax -- rules [--monthly-cost-threshold-usd N] [--for 15m] [--format prometheus|prometheusrule]
 * Exit codes: 0 ok, 2 bad arguments, 3 Prometheus unreachable or erroring, 4 cost above --fail-above-usd.
 */
import { Command, CommanderError, Option } from 'commander';
import { figureOptions, selectionOf } from '../src/model/options/figureOptions';
import { QueryInputError } from '../src/model/promql/escape';
import { buildReport } from '../src/model/report';
import { unprobedFigures } from '../src/model/source/figureSource';
import { addAccessOptions, toAccess, type AccessFlags } from './access';
import {
  addSelectionOptions,
  number,
  optionsFromFlags,
  sourceFromFlags,
  toReportInput,
  type ScopeFlags,
} from './options';
import { DEFAULT_MAX_BYTES, instantQuery, parsePrometheusUrl, PrometheusError } from './prometheus';
import { addRulesCommand } from './rules';
import { renderCsv, renderTable } from './table';

export const EXIT = { ok: 0, usage: 2, prometheus: 3, overBudget: 4 } as const;

function out(s: string) {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

export function buildProgram(): Command {
  const program = new Command('meshtax')
    .description('What does our service mesh cost us? Measured by your Prometheus.')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });

  type ReportFlags = ScopeFlags &
    AccessFlags & { prometheus: string; format: string; failAboveUsd?: number; timeout: number; maxResponseMb: number };
  addAccessOptions(
    addSelectionOptions(program.command('report').description('measure every mesh present and print the report'))
  )
    .requiredOption('--prometheus <url>', 'Prometheus base URL, e.g. http://prometheus:9090')
    .addOption(new Option('--format <f>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--fail-above-usd <n>', 'exit 4 when any mesh costs more than this per month', number)
    .option('--timeout <seconds>', 'per-query timeout', number, 30)
    .option('--max-response-mb <n>', 'refuse larger answers from Prometheus', number, DEFAULT_MAX_BYTES / 1024 / 1024)
    .action(async (f: ReportFlags) => {
      const url = parsePrometheusUrl(f.prometheus);
      const input = toReportInput(f);
      const query = instantQuery(url, input.time, {
        timeoutMs: f.timeout * 1000,
        access: toAccess(f),
        maxBytes: f.maxResponseMb * 1024 * 1024,
        // stderr, so that --format json on stdout stays parseable.
        onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
      });
      const report = await buildReport(query, input);
      out(
        f.format === 'json'
          ? JSON.stringify(report, null, 2)
          : f.format === 'csv'
            ? renderCsv(report)
            : renderTable(report)
      );
      if (f.failAboveUsd !== undefined) {
        const over = report.meshes.filter((m) => (m.monthlyCostUsd.total ?? 0) > f.failAboveUsd!);
        if (over.length) {
          process.stderr.write(
            `cost gate: ${over.map((m) => `${m.id} $${m.monthlyCostUsd.total!.toFixed(2)}`).join(', ')} per month is above $${f.failAboveUsd}\n`
          );
          process.exitCode = EXIT.overBudget;
        }
      }
    });

  addSelectionOptions(program.command('queries').description('print every PromQL the model would run'))
    .addOption(new Option('--format <f>', 'output format').choices(['json', 'text']).default('json'))
    .addOption(
      new Option('--group-by <g>', 'grouping').choices(['none', 'cluster', 'namespace', 'workload']).default('none')
    )
    .action((f: ScopeFlags & { format: string }) => {
      const options = optionsFromFlags(f);
      // No probe here: "auto" prices at the flat rates, as everywhere that cannot ask the data source first.
      const opts = figureOptions(options);
      const s = selectionOf(options, {
        cluster: f.cluster,
        namespaceInclude: f.namespace,
        groupBy: f.groupBy ?? 'none',
      });
      const figures = unprobedFigures(sourceFromFlags(f), s, opts);
      const rows = figures.map(({ id, title, unit, expr }) => ({ id, title, unit, expr }));
      out(
        f.format === 'json'
          ? JSON.stringify(rows, null, 2)
          : rows.map((r) => `# ${r.id}: ${r.title} (${r.unit})\n${r.expr}\n`).join('\n')
      );
    });

  addRulesCommand(program);

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse error is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof PrometheusError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT.prometheus;
    }
    if (e instanceof QueryInputError || (e as Error).message.startsWith('--')) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
