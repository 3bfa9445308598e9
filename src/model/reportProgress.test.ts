/**
 * The app's report mode: a failing figure keeps its own error and the others stand (figureErrors 'keep'), and every
 * figure is announced as it settles. The CLI's default still fails the whole report on any failing query.
 */
import { CATALOGUE } from './catalogue';
import { meshFigureId } from './figureKeys';
import { DEFAULT_OPTIONS } from './options/defaults';
import { buildReport, type ReportProgress, type Sample } from './report';

/** A Prometheus that answers each query with its own number, and fails the one query `failing` picks. */
function prometheus(failing: (expr: string) => boolean) {
  const numberOf = new Map<string, number>();
  return async (expr: string): Promise<Sample[]> => {
    if (failing(expr)) {
      throw new Error('The data source answered 503: overloaded.');
    }
    if (!numberOf.has(expr)) {
      numberOf.set(expr, numberOf.size + 1);
    }
    return [{ metric: {}, value: numberOf.get(expr)! }];
  };
}

const input = { time: 1704067200, options: DEFAULT_OPTIONS, figureSource: 'raw' as const };

async function costQueryOf(meshId: string) {
  const r = await buildReport(
    prometheus(() => false),
    input
  );
  return r.meshes.find((m) => m.id === meshId)!.queries[meshFigureId(meshId, 'cost.controlPlane')];
}

test('keep: one failing figure is null with its error; every other figure stands', async () => {
  const failing = await costQueryOf('istio');
  const progress: ReportProgress[] = [];
  const r = await buildReport(
    prometheus((e) => e === failing),
    { ...input, figureErrors: 'keep', onProgress: (p) => progress.push(p) }
  );
  const istio = r.meshes.find((m) => m.id === 'istio')!;
  expect(istio.monthlyCostUsd.controlPlane).toBeNull();
  expect(istio.reasons[meshFigureId('istio', 'cost.controlPlane')]).toBe(
    'error: The data source answered 503: overloaded.'
  );
  expect(istio.monthlyCostUsd.sidecars).toEqual(expect.any(Number));
  expect(r.meshes.map((m) => m.id)).toEqual(CATALOGUE.map((m) => m.id));
  // The meshes first, then each figure once, with the value the report files.
  expect(progress[0]).toMatchObject({ kind: 'meshes', meshes: CATALOGUE.map((m) => ({ id: m.id })) });
  const figures = progress.filter((p): p is Extract<ReportProgress, { kind: 'figure' }> => p.kind === 'figure');
  const ids = figures.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  const sidecars = figures.find((p) => p.id === meshFigureId('istio', 'cost.sidecars'))!;
  expect(sidecars.value).toBe(istio.monthlyCostUsd.sidecars);
  const failed = figures.find((p) => p.id === meshFigureId('istio', 'cost.controlPlane'))!;
  expect(failed).toMatchObject({ value: null, reason: expect.stringMatching(/^error: .*503/) });
});

test('throw (the CLI): one failing figure fails the report', async () => {
  const failing = await costQueryOf('istio');
  await expect(
    buildReport(
      prometheus((e) => e === failing),
      input
    )
  ).rejects.toThrow(/503/);
});

test('keep: the probes before detection still fail the report (nothing to show without them)', async () => {
  await expect(
    buildReport(
      prometheus(() => true),
      { ...input, figureErrors: 'keep' }
    )
  ).rejects.toThrow(/503/);
});

test('an averaged report also carries each figure at one instant: the same queries as a report without averaging', async () => {
  const q = prometheus(() => false);
  const instant = await buildReport(q, input);
  const averaged = await buildReport(q, { ...input, options: { ...DEFAULT_OPTIONS, averageOver: '7d' } });
  for (const m of averaged.meshes) {
    const plain = instant.meshes.find((x) => x.id === m.id)!;
    expect(m.instantQueries).toEqual(plain.queries);
    expect(m.queries).not.toEqual(plain.queries);
  }
  expect(instant.meshes[0].instantQueries).toBeUndefined();
});
