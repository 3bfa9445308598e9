import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Combobox, Field, FieldSet, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { BUILDER_FIGURES, type BuilderFigure } from '../../model/builder/catalogue';
import type { BuildResult } from '../../model/builder/build';
import { BASES, GROUPINGS, PRICE_SOURCES, type BuilderField, type BuilderState } from '../../model/builder/state';
import type { MeshDef } from '../../model/catalogue';
import { LATENCY_METHODS } from '../../model/latency';
import type { Detection } from './useDetectedMeshes';

interface Props {
  state: BuilderState;
  update(patch: Partial<BuilderState>): void;
  datasourceUid?: string;
  meshes: MeshDef[];
  meshId: string;
  detection: Detection;
  spec?: BuilderFigure;
  errors: BuildResult['errors'];
}

const options = <T extends string>(xs: readonly T[]) => xs.map((x) => ({ label: x, value: x }));

function detectionNote(d: Detection, id: string): string {
  if (d.state === 'loading') {
    return 'detecting…';
  }
  if (d.state === 'error') {
    return 'detection failed';
  }
  return d.ids.has(id) ? 'detected' : 'not detected';
}

export function BuilderForm({ state, update, datasourceUid, meshes, meshId, detection, spec, errors }: Props) {
  const styles = useStyles2(getStyles);
  const text = (field: BuilderField, label: string, description?: string, placeholder?: string) => (
    <Field label={label} description={description} invalid={!!errors[field]} error={errors[field]}>
      <Input
        id={`qb-${field}`}
        value={state[field]}
        placeholder={placeholder && `e.g. ${placeholder}`}
        onChange={(e) => update({ [field]: e.currentTarget.value })}
      />
    </Field>
  );
  const uses = (input: 'pricing' | 'latency' | 'idle') => !!spec?.inputs.includes(input);
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label="Query builder">
      <FieldSet label="Figure">
        <Field label="Data source" description="Any Prometheus-compatible data source">
          <DataSourcePicker
            current={datasourceUid}
            pluginId="prometheus"
            noDefault
            onChange={(ds) => update({ datasource: ds.uid })}
          />
        </Field>
        <Field label="Mesh" description="Detected meshes first" invalid={!!errors.mesh} error={errors.mesh}>
          <Combobox
            id="qb-mesh"
            value={meshId}
            options={meshes.map((m) => ({ label: m.name, value: m.id, description: detectionNote(detection, m.id) }))}
            onChange={(o) => update({ mesh: o.value })}
          />
        </Field>
        <Field label="Figure" description={spec?.measures}>
          <Combobox
            id="qb-figure"
            value={state.figure}
            options={BUILDER_FIGURES.map((f) => ({ label: f.label, value: f.kind }))}
            onChange={(o) => update({ figure: o.value })}
          />
        </Field>
        {uses('latency') && (
          <Field label="Latency method" invalid={!!errors.method} error={errors.method}>
            <RadioButtonGroup
              options={options(LATENCY_METHODS)}
              value={state.method}
              onChange={(method) => update({ method })}
            />
          </Field>
        )}
        {uses('latency') &&
          state.method === 'baseline' &&
          text('baselineOffset', 'Baseline offset', 'Compare with the client p99 this long ago', '1w')}
      </FieldSet>
      <FieldSet label="Scope">
        {text('cluster', 'Cluster', 'Exact value of the cluster label; empty for all', 'prod-eu-1')}
        {text('namespaceInclude', 'Namespaces', 'Regex (RE2), matched in full', 'shop|payments')}
        {text('namespaceExclude', 'Leave out namespaces', 'Regex (RE2)', 'kube-system|monitoring')}
        {text('workloadInclude', 'Workloads', 'Regex over workload names', 'checkout.*')}
        <Field label="Group by">
          <RadioButtonGroup
            options={options(GROUPINGS)}
            value={state.groupBy}
            onChange={(groupBy) => update({ groupBy })}
          />
        </Field>
        {text('window', 'Rate window', 'A Prometheus duration', '5m')}
      </FieldSet>
      {uses('pricing') && (
        <FieldSet label="Cost">
          <Field label="Cost basis" description="Usage, requests, or the larger of the two per container">
            <RadioButtonGroup options={options(BASES)} value={state.basis} onChange={(basis) => update({ basis })} />
          </Field>
          <Field label="Prices">
            <RadioButtonGroup
              options={options(PRICE_SOURCES)}
              value={state.priceSource}
              onChange={(priceSource) => update({ priceSource })}
            />
          </Field>
          {state.priceSource !== 'opencost' && text('cpuHourUsd', 'USD per vCPU-hour', undefined, '0.04')}
          {state.priceSource !== 'opencost' && text('gibHourUsd', 'USD per GiB-hour', undefined, '0.005')}
          {text('hoursPerMonth', 'Hours per month', undefined, '730')}
        </FieldSet>
      )}
      {uses('idle') && text('idleRps', 'Idle below (requests per second)', undefined, '1')}
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({
    minWidth: 0,
    // Radio groups wrap instead of pushing the page sideways at narrow widths.
    '[role="radiogroup"], div:has(> input[type="radio"])': { flexWrap: 'wrap', height: 'auto' },
    fieldset: { marginBottom: theme.spacing(2) },
  }),
});
