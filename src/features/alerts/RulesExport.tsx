import React, { useState } from 'react';
import { Alert, Button, Field, Input, Stack, Text } from '@grafana/ui';
import type { FigureOptions } from '../../model/figures';
import {
  DEFAULT_FOR,
  DEFAULT_MONTHLY_COST_THRESHOLD_USD,
  ruleGroups,
  validateRulesOptions,
} from '../../model/rules/generate';
import { rulesYaml, type RulesFormat } from '../../model/rules/yaml';

/** Saves text as a file through a temporary object URL; no server round trip. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The same rules file as `meshtax rules`: recording rules for every figure and MeshOverheadMonthlyCostHigh, for
 * teams on Alertmanager. Generated in the browser from the model with the app's prices.
 */
export function RulesExport({ options }: { options: FigureOptions }) {
  const [threshold, setThreshold] = useState(String(DEFAULT_MONTHLY_COST_THRESHOLD_USD));
  const [forDuration, setFor] = useState(DEFAULT_FOR);
  const [error, setError] = useState<string | undefined>();
  const save = (format: RulesFormat) => {
    try {
      const o = {
        selection: { window: '5m' },
        figures: options,
        monthlyCostThresholdUsd: threshold.trim() === '' ? NaN : Number(threshold),
        for: forDuration,
      };
      validateRulesOptions(o);
      const header = `Mesh Tax rules, downloaded from the Alerts page (${format}). Load with rule_files or kube-prometheus-stack.`;
      download(
        format === 'prometheus' ? 'meshtax-rules.yml' : 'meshtax-prometheusrule.yaml',
        rulesYaml(ruleGroups(o), format, header)
      );
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack direction="column" gap={1}>
      <Text color="secondary">
        Recording rules for every figure (they make the overview cheap on large clusters: Mesh Tax reads them when they
        exist) and the alert MeshOverheadMonthlyCostHigh, for Prometheus and Alertmanager.
      </Text>
      <Stack direction="row" gap={2} wrap="wrap" alignItems="flex-end">
        <Field label="MeshOverheadMonthlyCostHigh above (USD per month)">
          <Input
            id="meshtax-rules-threshold"
            width={16}
            value={threshold}
            onChange={(e) => setThreshold(e.currentTarget.value)}
          />
        </Field>
        <Field label="For">
          <Input
            id="meshtax-rules-for"
            width={10}
            value={forDuration}
            onChange={(e) => setFor(e.currentTarget.value)}
          />
        </Field>
        <Field label="Download">
          <Stack direction="row" gap={1} wrap="wrap">
            <Button variant="secondary" icon="download-alt" onClick={() => save('prometheus')}>
              Prometheus rules
            </Button>
            <Button variant="secondary" icon="download-alt" onClick={() => save('prometheusrule')}>
              PrometheusRule (operator)
            </Button>
          </Stack>
        </Field>
      </Stack>
      {error && (
        <Alert severity="error" title="Not downloaded">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
