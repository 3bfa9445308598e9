/**
 * Runs the article's method and Mesh Tax's on the same synthetic `article` cluster (50 nodes, 8 pods per node,
 * Istio) in a real Prometheus, next to the generator's ground truth. `npm run -s compare:article`.
 */
import { startPrometheus, type PromHandle } from '../demo/harness';
import { groundTruth } from '../demo/truth';
import { articleMethodFigures } from './articleMethod';
import { CATALOGUE } from '../src/model/catalogue';
import { clusterFigures, DEFAULT_FIGURE_OPTIONS, meshFigures } from '../src/model/figureSet';
import { DEFAULT_SELECTION } from '../src/model/scope';

export async function compareArticle(prom: PromHandle) {
  const s = DEFAULT_SELECTION;
  const o = DEFAULT_FIGURE_OPTIONS;
  const ours = [...clusterFigures(s, o), ...meshFigures(CATALOGUE[0], s, o)];
  const value = async (expr: string) => (await prom.query(expr))[0]?.value ?? NaN;
  const byId = async (figs: typeof ours, id: string) => value(figs.find((f) => f.id === id)!.expr);
  const article = articleMethodFigures();
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  const istio = t.meshes.find((m) => m.id === 'istio')!;
  return [
    {
      figure: 'cluster CPU (cores)',
      truth: t.cluster.cpuCores,
      meshTax: await byId(ours, 'cluster.cpuCores'),
      article: await byId(article, 'article.cpuTotal'),
    },
    {
      figure: 'cluster memory (GiB)',
      truth: t.cluster.memoryBytes / 2 ** 30,
      meshTax: (await byId(ours, 'cluster.memoryBytes')) / 2 ** 30,
      article: (await byId(article, 'article.memoryTotal')) / 2 ** 30,
    },
    {
      figure: 'sidecar share of CPU',
      truth: istio.sidecars.cpuShare,
      meshTax: await byId(ours, 'istio.sidecars.cpuShare'),
      article: await byId(article, 'article.cpuShare'),
    },
    {
      figure: 'sidecar share of memory',
      truth: istio.sidecars.memoryShare,
      meshTax: await byId(ours, 'istio.sidecars.memoryShare'),
      article: await byId(article, 'article.memoryShare'),
    },
  ];
}

if (require.main === module) {
  (async () => {
    const prom = await startPrometheus({ preset: 'article' });
    try {
      const rows = await compareArticle(prom);
      const f = (x: number) => x.toPrecision(4);
      console.log('| figure | ground truth | Mesh Tax | article method | article off by |');
      console.log('|---|---|---|---|---|');
      rows.forEach((r) =>
        console.log(
          `| ${r.figure} | ${f(r.truth)} | ${f(r.meshTax)} | ${f(r.article)} | ${((r.article / r.truth - 1) * 100).toFixed(1)}% |`
        )
      );
    } finally {
      await prom.stop();
    }
  })();
}
