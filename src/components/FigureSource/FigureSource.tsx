/**
 * Which series a figure was read from (issue #19), as a small badge to mount next to the figure:
 * `<FigureSource source={figure.source} note={report.figureSource.note} />`. The report says it per figure
 * (`meshes[].figures[].source`, `figureSource.byFigure`); the note, as the tooltip, says which rules and why.
 */
import React from 'react';
import { Badge, type BadgeColor } from '@grafana/ui';
import type { SourceKind } from '../../model/source/figureSource';
import { testIds } from '../testIds';

const LABEL: Record<SourceKind, { text: string; color: BadgeColor }> = {
  recorded: { text: 'recorded', color: 'green' },
  mixin: { text: 'kubernetes-mixin', color: 'blue' },
  raw: { text: 'raw series', color: 'darkgrey' },
};

export function FigureSource({ source, note }: { source?: SourceKind; note?: string }) {
  if (!source) {
    return null;
  }
  const { text, color } = LABEL[source];
  return (
    <span data-testid={testIds.figureSource.container}>
      <Badge text={text} color={color} tooltip={note} />
    </span>
  );
}
