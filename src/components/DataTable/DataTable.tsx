import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { dataTableStyle } from '../../utils/utils.tableStyles';

/**
 * The shared data table: theme-token style, and a wrapper that scrolls the table sideways at narrow widths instead
 * of the page. Other table attributes (aria-label, data-testid) pass through.
 */
export function DataTable({
  className,
  ...table
}: React.TableHTMLAttributes<HTMLTableElement> & Record<`data-${string}`, string>) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.scroll}>
      <table className={cx(styles.table, className)} {...table} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflowX: 'auto', maxWidth: '100%' }),
  table: css(dataTableStyle(theme)),
});
