export const testIds = {
  summaryPanel: {
    container: 'data-testid meshtax-summary-panel',
  },
  figureBasis: {
    container: 'data-testid meshtax-figure-basis',
  },
  figureSource: {
    container: 'data-testid meshtax-figure-source',
  },
  appConfig: {
    form: 'data-testid meshtax-config-form',
    submit: 'data-testid meshtax-config-submit',
  },
};
