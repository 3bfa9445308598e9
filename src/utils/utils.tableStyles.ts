/** The compact, theme-token table style the panels and pages share: numbers right-aligned, row labels left. */
import type { GrafanaTheme2 } from '@grafana/data';

export function dataTableStyle(theme: GrafanaTheme2) {
  return {
    width: '100%',
    borderCollapse: 'collapse' as const,
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'right' as const,
      verticalAlign: 'top' as const,
    },
    'th:first-child': { textAlign: 'left' as const, fontWeight: theme.typography.fontWeightRegular },
    thead: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
  };
}

/** Off screen but read by screen readers: a table's header row in card layout, a word beside an icon. */
export const VISUALLY_HIDDEN = {
  position: 'absolute' as const,
  width: 1,
  height: 1,
  overflow: 'hidden' as const,
  clip: 'rect(0 0 0 0)',
};
