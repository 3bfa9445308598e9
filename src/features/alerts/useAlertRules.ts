import { useCallback, useEffect, useState } from 'react';
import type { ProvisionedAlertRule } from '../../model/alerts/payload';
import { listFolders, listMeshTaxRules, ruleStates, type Folder, type RuleState } from '../../services/alerting';

export interface AlertRulesState {
  rules?: ProvisionedAlertRule[];
  states: Record<string, RuleState>;
  /** Folders, or why they could not be listed. */
  folders: Folder[] | string;
  error?: string;
  reload(): void;
}

/** The rules Mesh Tax created, their states and the folders, reloaded on demand; each failure kept apart. */
export function useAlertRules(): AlertRulesState {
  const [attempt, setAttempt] = useState(0);
  const [data, setData] = useState<Omit<AlertRulesState, 'reload'>>({ states: {}, folders: [] });
  useEffect(() => {
    let cancelled = false;
    Promise.allSettled([listMeshTaxRules(), ruleStates(), listFolders()]).then(([rules, states, folders]) => {
      if (cancelled) {
        return;
      }
      setData({
        rules: rules.status === 'fulfilled' ? rules.value : undefined,
        error: rules.status === 'rejected' ? (rules.reason as Error).message : undefined,
        // States are a nicety: without them every rule shows "unknown" rather than failing the page.
        states: states.status === 'fulfilled' ? states.value : {},
        folders: folders.status === 'fulfilled' ? folders.value : (folders.reason as Error).message,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...data, reload };
}
