import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { ClipboardButton, Icon, Stack, Text, useStyles2 } from '@grafana/ui';
import { syntaxProblems } from '../../model/promql/validate';
import { highlightSegments } from './highlight';

/** The generated query, laid out and highlighted, with copy and the lezer-promql verdict. */
export function PromqlView({ expr, formatted }: { expr: string; formatted: string }) {
  const styles = useStyles2(getStyles);
  const segments = useMemo(() => highlightSegments(formatted), [formatted]);
  const problems = useMemo(() => syntaxProblems(expr), [expr]);
  return (
    <div className={styles.box}>
      <pre className={styles.code} aria-label="Generated PromQL" data-testid="qb-promql">
        {segments.map((s, i) =>
          s.className ? (
            <span key={i} className={s.className}>
              {s.text}
            </span>
          ) : (
            <React.Fragment key={i}>{s.text}</React.Fragment>
          )
        )}
      </pre>
      <Stack direction="row" gap={2} alignItems="center" wrap="wrap">
        <ClipboardButton icon="copy" size="sm" variant="secondary" getText={() => formatted}>
          Copy PromQL
        </ClipboardButton>
        {problems.length === 0 ? (
          <Text color="success" variant="bodySmall">
            <Icon name="check" /> Valid PromQL (parsed with lezer-promql)
          </Text>
        ) : (
          <Text color="error" variant="bodySmall">
            <Icon name="exclamation-triangle" /> {problems.length} syntax problem(s), first at character{' '}
            {problems[0].from}
          </Text>
        )}
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  code: css({
    margin: 0,
    padding: theme.spacing(1.5),
    background: theme.colors.background.canvas,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: 480,
    overflowY: 'auto',
    color: theme.colors.text.primary,
    '.pq-string': { color: theme.visualization.getColorByName('green') },
    '.pq-number': { color: theme.visualization.getColorByName('orange') },
    '.pq-label': { color: theme.visualization.getColorByName('purple') },
    '.pq-metric': { fontWeight: theme.typography.fontWeightMedium },
    '.pq-function': { color: theme.visualization.getColorByName('blue') },
    '.pq-keyword, .pq-operator': { color: theme.visualization.getColorByName('red') },
    '.pq-invalid': { textDecoration: `underline wavy ${theme.colors.error.main}` },
  }),
});
