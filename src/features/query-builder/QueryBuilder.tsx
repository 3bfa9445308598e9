import React, { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Text, useStyles2 } from '@grafana/ui';
import { buildFigure } from '../../model/builder/build';
import { detectedFirst } from '../../model/builder/detect';
import { formatExpr } from '../../model/builder/pretty';
import { defaultState, stateFromParams, stateToParams, type BuilderState } from '../../model/builder/state';
import { meshesOf } from '../../model/options/figureOptions';
import { metricsOf } from '../../model/metrics';
import type { AppSettings } from '../../model/settings';
import { pickDatasourceUid } from '../../services/prometheus';
import { Actions } from './Actions';
import { BuilderForm } from './BuilderForm';
import { Explanation } from './Explanation';
import { Preview } from './Preview';
import { PromqlView } from './PromqlView';
import { useDebounced, usePreview } from './usePreview';
import { useDetectedMeshes } from './useDetectedMeshes';

/** The builder's time range, in epoch seconds: the scene's (queryBuilderPage.tsx), so it has Grafana's picker. */
export interface BuilderRange {
  from: number;
  to: number;
}

export function QueryBuilder({ settings, range }: { settings: AppSettings; range: BuilderRange }) {
  const styles = useStyles2(getStyles);
  const [params, setParams] = useSearchParams();
  const defaults = useMemo(() => defaultState(settings.options), [settings]);
  // The form owns its state (typed text is never lost); every change is written to the URL, so a link reproduces it.
  const [state, setState] = useState<BuilderState>(() => stateFromParams(params, defaults));
  const update = (patch: Partial<BuilderState>) => {
    const next = { ...state, ...patch };
    setState(next);
    setParams(stateToParams(next, defaults, params), { replace: true });
  };
  const catalogue = useMemo(() => meshesOf(settings.options), [settings]);
  const uid = state.datasource || pickDatasourceUid(settings.defaultDatasourceUid);
  const detection = useDetectedMeshes(uid, catalogue, range.to);
  const detected = detection.state === 'done' ? detection.ids : new Set<string>();
  const meshes = detectedFirst(catalogue, detected);
  const meshId = state.mesh || meshes[0].id;
  const result = useMemo(() => buildFigure(state, meshId, catalogue), [state, meshId, catalogue]);
  const figure = result.figure;
  const formatted = useMemo(() => (figure ? formatExpr(figure.ast) : ''), [figure]);
  const metrics = useMemo(() => (figure ? [...metricsOf(figure.ast)] : []), [figure]);
  const [attempt, setAttempt] = useState(0);
  const expr = useDebounced(figure?.expr, 400);
  const preview = usePreview(uid, expr, range.from, range.to, attempt);
  const invalid = Object.keys(result.errors).length > 0;
  return (
    <>
      <div className={styles.page} data-testid="meshtax-query-builder">
        <div className={styles.form}>
          <BuilderForm
            state={state}
            update={update}
            datasourceUid={uid}
            meshes={meshes}
            meshId={meshId}
            detection={detection}
            spec={result.spec}
            errors={result.errors}
          />
        </div>
        <div className={styles.output}>
          {!uid && (
            <Alert severity="warning" title="No Prometheus data source">
              Add one under Connections, or pick one in the Mesh Tax configuration.
            </Alert>
          )}
          {detection.state === 'error' && (
            <Alert severity="warning" title="Mesh detection failed">
              {detection.message}
            </Alert>
          )}
          <section className={styles.section} aria-label="Query">
            <Text element="h2" variant="h4">
              {figure ? figure.title : (result.spec?.label ?? 'Query')}
            </Text>
            {invalid && (
              <Alert severity="error" title="Fix the highlighted fields">
                The query is built again as soon as every field is valid; what you typed is kept.
              </Alert>
            )}
            {result.unavailable && <Alert severity="info" title={result.unavailable} />}
            {figure && <PromqlView expr={figure.expr} formatted={formatted} />}
          </section>
          {figure && result.mesh && result.selection && result.options && (
            <Actions
              figure={figure}
              mesh={result.mesh}
              groupBy={result.selection.groupBy}
              latency={result.options.latency}
              datasourceUid={uid}
              timeSec={range.to}
            />
          )}
          {figure && (
            <section className={styles.section} aria-label="Preview">
              <Text element="h2" variant="h4">
                Preview
              </Text>
              <Text color="secondary" variant="bodySmall">
                Now: {new Date(range.to * 1000).toISOString()}; trend since {new Date(range.from * 1000).toISOString()}
              </Text>
              <Preview
                preview={expr === figure.expr ? preview : { state: 'loading' }}
                unit={figure.unit}
                metrics={metrics}
                onRetry={() => setAttempt(attempt + 1)}
              />
            </section>
          )}
          {result.spec && (
            <section className={styles.section} aria-label="Explanation">
              <Explanation spec={result.spec} mesh={result.mesh} metrics={metrics} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(3), alignItems: 'flex-start', minWidth: 0 }),
  form: css({ flex: '1 1 280px', maxWidth: 420, minWidth: 0 }),
  output: css({ flex: '3 1 360px', minWidth: 0, display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  section: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minWidth: 0,
    ul: { paddingLeft: theme.spacing(2.5), margin: 0 },
    pre: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  }),
});
