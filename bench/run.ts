/**
 * `npm run bench`: what Mesh Tax costs the user's Prometheus, measured by Prometheus itself (stats=all), never timed
 * against a threshold. One Prometheus per preset (article, large) with the `meshtax rules` and the kubernetes-mixin
 * recording rules backfilled, four query sets side by side (baseline, the model's raw queries, the model over its
 * recorded series, the model over the mixin's series), the trend range queries at Grafana's ~1000 points, and the
 * bundle sizes. Writes bench/results.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { parse } from 'yaml';
import { startPrometheus, type PromHandle } from '../demo/harness';
import { DEFAULT_FIGURE_OPTIONS } from '../src/model/figureSet';
import { DEFAULT_FOR, DEFAULT_MONTHLY_COST_THRESHOLD_USD, ruleGroups } from '../src/model/rules/generate';
import { rulesYaml } from '../src/model/rules/yaml';
import { BUNDLE_BUDGET, bundleSizes, overBudget } from './bundle';
import {
  baselineBreakdownQueries,
  baselineFor,
  breakdownQueries,
  figuresOnly,
  overviewRefresh,
  trendQueries,
  type Query,
} from './cases';
import { measureAll, rangeCost, total, type Case, type Cost } from './measure';

/** Prometheus's default --query.max-samples. */
const MAX_SAMPLES = 50_000_000;
/** Prometheus's default --query.timeout. */
const DEFAULT_TIMEOUT_MS = 120_000;
const POINTS = 1000;
const PRESETS = (process.env.MESHTAX_BENCH_PRESETS ?? 'article,large').split(',');

/** Plain tables: the output is pasted into issues and the README. */
const table = (head: string[]) => new Table({ head, style: { head: [], border: [] } });

const summary = (cases: Case[]) => ({
  queries: cases.length,
  samples: total(cases, 'samples'),
  peakMax: Math.max(0, ...cases.map((c) => c.peak)),
  series: total(cases, 'series'),
  evalMs: Math.round(total(cases, 'evalMs') * 10) / 10,
});
const slim = (cases: Case[]) => cases.map(({ expr: _expr, labels: _labels, ...rest }) => rest);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const only = (cases: Case[], ids: Set<string>) => cases.filter((c) => ids.has(c.id));
/** cAdvisor's usage series: the only raw series the kubernetes-mixin's rules stand in for. */
const READS_CADVISOR = /\bcontainer_(cpu_usage_seconds_total|memory_working_set_bytes)\b/;

async function benchPreset(prom: PromHandle) {
  const raw = await overviewRefresh(prom, 'raw');
  const rec = await overviewRefresh(prom, 'auto');
  if (rec.report.figureSource.kind !== 'recorded') {
    throw new Error(`the recording rules were not found: ${rec.report.figureSource.note}`);
  }
  // What a kube-prometheus-stack user gets without Mesh Tax's own rules: the kubernetes-mixin's series.
  const mix = await overviewRefresh(prom, 'mixin');
  if (mix.report.figureSource.kind !== 'mixin') {
    throw new Error(`the kubernetes-mixin rules were not found: ${mix.report.figureSource.note}`);
  }
  // The app's Overview: every figure as its mean over the page's default week (its data here: all the preset holds).
  const appRaw = await measureAll(prom, (await overviewRefresh(prom, 'raw', true)).queries);
  const appRec = await measureAll(prom, (await overviewRefresh(prom, 'auto', true)).queries);
  const appMix = await measureAll(prom, (await overviewRefresh(prom, 'mixin', true)).queries);
  const rawCases = await measureAll(prom, raw.queries);
  const recCases = await measureAll(prom, rec.queries);
  const mixCases = await measureAll(prom, mix.queries);
  const baseline = await measureAll(prom, baselineFor(figuresOnly(raw.queries).map((q) => q.id)));
  const matched = new Set(baseline.map((c) => c.id));
  const breakdownRaw = await measureAll(prom, breakdownQueries());
  const breakdownBaseline = await measureAll(prom, baselineBreakdownQueries());
  const perPod = rawCases.filter((c) => c.labels.some((l) => l === 'pod' || l === 'container'));
  // The figures whose raw query reads cAdvisor's usage: what the mixin path can make cheaper. The rest (request
  // counters, latency histograms, kube-state-metrics, probes) reads the same raw series on both paths.
  const cadvisorIds = new Set(figuresOnly(rawCases).filter((c) => READS_CADVISOR.test(c.expr)).map((c) => c.id));
  const mixOutside = mixCases.filter((c) => !cadvisorIds.has(c.id));
  const recFigures = figuresOnly(recCases);
  return {
    overview: {
      raw: summary(rawCases),
      recorded: summary(recCases),
      mixin: summary(mixCases),
      /** Only the figures whose raw query reads cAdvisor usage series, on both paths. */
      rawCadvisorFigures: summary(only(rawCases, cadvisorIds)),
      mixinCadvisorFigures: summary(only(mixCases, cadvisorIds)),
      /** The mixin refresh's queries that read no cAdvisor series: no kubernetes-mixin rule can make them cheaper. */
      mixinOutsideMixinRules: summary(mixOutside),
      rawMatched: summary(only(rawCases, matched)),
      baselineMatched: summary(baseline),
      figureQueries: figuresOnly(raw.queries).length,
      probes: raw.queries.length - figuresOnly(raw.queries).length,
      /** Raw overview queries whose result keeps a pod or container label (the target is none). */
      perPodResults: perPod.map((c) => c.id),
      maxResultSeries: Math.max(...rawCases.map((c) => c.series)),
      /** One recorded series per figure at one step: the floor for an instant refresh. */
      leastPossibleSamples: recFigures.length,
      recordedFigureSamples: total(recFigures, 'samples'),
    },
    /** The same three sources for the app's Overview, whose figures are means over its range (#16 §2). */
    appOverview: { raw: summary(appRaw), recorded: summary(appRec), mixin: summary(appMix) },
    breakdown: {
      raw: summary(breakdownRaw),
      rawMatched: summary(only(breakdownRaw, new Set(breakdownBaseline.map((c) => c.id)))),
      baselineMatched: summary(breakdownBaseline),
    },
    cases: {
      overviewRaw: slim(rawCases),
      overviewRecorded: slim(recCases),
      overviewMixin: slim(mixCases),
      overviewBaseline: slim(baseline),
      breakdownRaw: slim(breakdownRaw),
      breakdownBaseline: slim(breakdownBaseline),
    },
    trends: { raw: trendQueries(raw.report), recorded: trendQueries(rec.report), mixin: trendQueries(mix.report) },
  };
}

/**
 * The overview's trends at Grafana's ~1000 points over the data held. peakSamples grows with series x points, so raw
 * queries are measured at 100 and 200 points and extrapolated to 1000: measured here, raw queries at 1000 points ran
 * into Prometheus's default 2-minute query timeout on 2 cores. Recorded queries are measured at 1000 points.
 */
async function rangeQueries(prom: PromHandle, raw: Query[], recorded: Query[], mixin: Query[]) {
  const full = prom.end - prom.start;
  const at = async (q: Query, points: number, range = full) => {
    const step = Math.round((range / points) * 1000) / 1000;
    return {
      id: q.id,
      points,
      rangeSec: range,
      step,
      ...(await rangeCost(prom, q.expr, prom.end - range, prom.end, step)),
    };
  };
  const out = {
    raw: [] as RangeRow[],
    recorded: [] as RangeRow[],
    rawExtrapolated: [] as object[],
    /** Mixin trends at 1000 points, each with whether it stays under the default timeout and max-samples. */
    mixin: [] as Array<RangeRow & { underTimeout: boolean; underMaxSamples: boolean }>,
  };
  for (const q of raw) {
    const [a, b] = [await at(q, 100), await at(q, 200)];
    out.raw.push(a, b);
    if ('peak' in a && 'peak' in b) {
      // Linear in points: peak = perPoint x points + fixed.
      const perPoint = (b.peak - a.peak) / 100;
      const at1000 = Math.round(a.peak + perPoint * (POINTS - 100));
      out.rawExtrapolated.push({
        id: q.id,
        points: POINTS,
        peakPerPoint: Math.round(perPoint),
        peak: at1000,
        shareOfMaxSamples: Math.round((at1000 / MAX_SAMPLES) * 1000) / 1000,
      });
    }
  }
  for (const q of recorded) {
    out.recorded.push(await at(q, POINTS));
  }
  for (const q of mixin) {
    const r = await at(q, POINTS);
    // An error (max-samples or the timeout) is a failure of both checks it could be; a result is judged by its cost.
    out.mixin.push({
      ...r,
      underTimeout: !('error' in r) && r.evalMs < DEFAULT_TIMEOUT_MS,
      underMaxSamples: !('error' in r) && r.peak < MAX_SAMPLES,
    });
  }
  const share = raw.find((q) => q.id.endsWith('sidecars.cpuShare'));
  if (share) {
    // Same points over half the range: peak stays, samples read shrink with the range.
    out.raw.push(await at(share, 200, full / 2));
  }
  return out;
}

type RangeRow = { id: string; points: number; rangeSec: number; step: number } & ({ error: string } | Cost);

function printBundle(sizes: ReturnType<typeof bundleSizes>) {
  const t = table(['file', 'kind', 'raw bytes', 'gzipped bytes']);
  sizes.forEach((s) => t.push([s.file, s.kind, s.raw, s.gzip]));
  console.log(t.toString());
}

async function main() {
  let sizes: ReturnType<typeof bundleSizes> | undefined;
  try {
    sizes = bundleSizes(join(__dirname, '..', 'dist'));
    console.log('Bundle (dist/, gzip level 9):');
    printBundle(sizes);
    const over = overBudget(sizes);
    console.log(over.length ? `OVER BUDGET:\n  ${over.join('\n  ')}` : 'every file within bench/bundleBudget.json');
  } catch (e) {
    console.log(`Bundle: ${(e as Error).message}`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'meshtax-bench-'));
  const rulesPath = join(dir, 'meshtax-rules.yml');
  const groups = ruleGroups({
    selection: { window: '5m' },
    figures: DEFAULT_FIGURE_OPTIONS,
    monthlyCostThresholdUsd: DEFAULT_MONTHLY_COST_THRESHOLD_USD,
    for: DEFAULT_FOR,
  });
  // Mesh Tax's rules and the kubernetes-mixin's, backfilled together: one Prometheus holds all three sources.
  const mixinGroups = (parse(readFileSync(join(__dirname, '..', 'demo', 'mixin-rules.yml'), 'utf8')) as { groups: [] })
    .groups;
  writeFileSync(rulesPath, rulesYaml([...groups, ...mixinGroups], 'prometheus', 'npm run bench'));
  const presets: Record<string, Awaited<ReturnType<typeof benchPreset>> & { setup: object }> = {};
  const ranges: Record<string, Awaited<ReturnType<typeof rangeQueries>>> = {};
  try {
    for (const name of PRESETS) {
      const t0 = Date.now();
      console.log(`\n${name}: backfilling the preset and the recording rules...`);
      const prom = await startPrometheus({ preset: name, recordingRules: rulesPath });
      try {
        const setupMs = Date.now() - t0;
        const r = await benchPreset(prom);
        const series = (await prom.query('count({__name__!=""})'))[0]?.value ?? 0;
        presets[name] = { setup: { setupMs, series, durationSec: prom.end - prom.start }, ...r };
        printPreset(name, presets[name]);
        if (name === 'large') {
          ranges[name] = await rangeQueries(prom, r.trends.raw, r.trends.recorded, r.trends.mixin);
          printRanges(ranges[name]);
        }
      } finally {
        await prom.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const main = presets.large ?? presets[PRESETS[PRESETS.length - 1]];
  const ov = main.overview;
  const ratios = {
    preset: presets.large ? 'large' : PRESETS[PRESETS.length - 1],
    samplesBaselineOverRaw: ratio(ov.baselineMatched.samples, ov.rawMatched.samples),
    samplesRawOverRecorded: ratio(ov.raw.samples, ov.recorded.samples),
    samplesRawOverMixin: ratio(ov.raw.samples, ov.mixin.samples),
    /** The same, over the figures that read cAdvisor usage only: what the mixin rules themselves save. */
    samplesRawOverMixinCadvisorFigures: ratio(ov.rawCadvisorFigures.samples, ov.mixinCadvisorFigures.samples),
    /**
     * The most samplesRawOverMixin could be if every cAdvisor-reading figure read nothing at all: the whole raw
     * refresh over the mixin refresh's queries that read no cAdvisor series (histograms, request counters, probes).
     */
    samplesRawOverMixinCeiling: ratio(ov.raw.samples, ov.mixinOutsideMixinRules.samples),
    peakRawOverRecorded: ratio(ov.raw.peakMax, ov.recorded.peakMax),
    /** The app's Overview refresh (means over its default week), raw over recorded and raw over the mixin. */
    appSamplesRawOverRecorded: ratio(main.appOverview.raw.samples, main.appOverview.recorded.samples),
    appSamplesRawOverMixin: ratio(main.appOverview.raw.samples, main.appOverview.mixin.samples),
    recordedOverLeastPossible: ratio(ov.recorded.samples, ov.leastPossibleSamples),
    recordedFiguresOverLeastPossible: ratio(ov.recordedFigureSamples, ov.leastPossibleSamples),
    breakdownSamplesBaselineOverRaw: ratio(main.breakdown.baselineMatched.samples, main.breakdown.rawMatched.samples),
  };
  const rangeOf = (xs: RangeRow[]) => Math.max(0, ...xs.map((x) => ('error' in x ? MAX_SAMPLES : x.peak)));
  const large = ranges.large;
  const targets = {
    rawAtMostBaseline: ratios.samplesBaselineOverRaw >= 1,
    overviewRawAggregatedOnly: ov.perPodResults.length === 0,
    recordedTwentyTimesFewer: ratios.samplesRawOverRecorded >= 20,
    mixinTenTimesFewer: ratios.samplesRawOverMixin >= 10,
    mixinRangeUnderTimeoutAndMaxSamples: large ? large.mixin.every((x) => x.underTimeout && x.underMaxSamples) : null,
    recordedRangeUnderTenthOfMaxSamples: large ? rangeOf(large.recorded) < MAX_SAMPLES / 10 : null,
    bundleWithinBudget: sizes ? overBudget(sizes).length === 0 : null,
  };
  console.log('\nRatios (overview refresh on %s):', ratios.preset);
  const rt = table(['ratio', 'value']);
  Object.entries(ratios).forEach(([k, v]) => rt.push([k, String(v)]));
  console.log(rt.toString());
  const tt = table(['target', 'met']);
  Object.entries(targets).forEach(([k, v]) => tt.push([k, String(v)]));
  console.log(tt.toString());
  const results = {
    note:
      'Measured by `npm run bench` with Prometheus stats=all. samples = totalQueryableSamples summed over the queries of ' +
      'one refresh; peak = peakSamples (what --query.max-samples limits). "Matched" sets hold only the figures the ' +
      'baseline has a query for. leastPossibleSamples = one recorded series per figure at one step.',
    prometheus: 'Debian prometheus 2.42',
    maxSamplesDefault: MAX_SAMPLES,
    ratios,
    targets,
    presets,
    rangeQueries: ranges,
    bundle: sizes ? { budget: BUNDLE_BUDGET, sizes } : null,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

function printPreset(name: string, r: Awaited<ReturnType<typeof benchPreset>> & { setup: object }) {
  const t = table([name, 'queries', 'samples', 'peak (max)', 'series out', 'eval ms']);
  const row = (label: string, s: ReturnType<typeof summary>) =>
    t.push([label, s.queries, s.samples, s.peakMax, s.series, s.evalMs]);
  row('overview baseline (matched figures)', r.overview.baselineMatched);
  row('overview raw (matched figures)', r.overview.rawMatched);
  row('overview raw (whole refresh)', r.overview.raw);
  row('overview recorded (whole refresh)', r.overview.recorded);
  row('overview kubernetes-mixin (whole refresh)', r.overview.mixin);
  row('overview raw (figures reading cAdvisor)', r.overview.rawCadvisorFigures);
  row('overview kubernetes-mixin (figures reading cAdvisor)', r.overview.mixinCadvisorFigures);
  row('overview kubernetes-mixin (queries no mixin rule covers)', r.overview.mixinOutsideMixinRules);
  row('app overview raw (means over the week)', r.appOverview.raw);
  row('app overview recorded (means over the week)', r.appOverview.recorded);
  row('app overview kubernetes-mixin (means over the week)', r.appOverview.mixin);
  row('breakdown baseline', r.breakdown.baselineMatched);
  row('breakdown raw (matched figures)', r.breakdown.rawMatched);
  row('breakdown raw (all panels)', r.breakdown.raw);
  console.log(t.toString());
  console.log(
    `  baseline/raw samples ${ratio(r.overview.baselineMatched.samples, r.overview.rawMatched.samples)}, ` +
      `raw/recorded samples ${ratio(r.overview.raw.samples, r.overview.recorded.samples)}, ` +
      `recorded/least possible ${ratio(r.overview.recorded.samples, r.overview.leastPossibleSamples)} ` +
      `(least possible: ${r.overview.leastPossibleSamples} figures x 1 sample)`
  );
  console.log(
    `  overview raw results: at most ${r.overview.maxResultSeries} series per query; per-pod results: ` +
      (r.overview.perPodResults.length ? r.overview.perPodResults.join(', ') : 'none')
  );
}

function printRanges(r: Awaited<ReturnType<typeof rangeQueries>>) {
  const t = table(['range query', 'set', 'points', 'range s', 'samples', 'peak', '% of max-samples', 'eval ms']);
  const pct = (peak: number) => `${((peak / MAX_SAMPLES) * 100).toFixed(2)}%`;
  const push = (set: string, x: RangeRow) =>
    t.push(
      'error' in x
        ? [x.id, set, x.points, x.rangeSec, '-', `error: ${x.error.slice(0, 50)}`, '-', '-']
        : [x.id, set, x.points, x.rangeSec, x.samples, x.peak, pct(x.peak), Math.round(x.evalMs)]
    );
  r.raw.forEach((x) => push('raw', x));
  r.recorded.forEach((x) => push('recorded', x));
  r.mixin.forEach((x) => push(`mixin${x.underTimeout && x.underMaxSamples ? '' : ' (OVER a default limit)'}`, x));
  r.rawExtrapolated.forEach((x: any) => t.push([x.id, 'raw, extrapolated', x.points, '', '', x.peak, pct(x.peak), '']));
  console.log(t.toString());
}

// The harness unreferences its Prometheus child; awaiting that child's exit must not let node end the run early.
const keepAlive = setInterval(() => undefined, 1 << 30);
main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(keepAlive));
