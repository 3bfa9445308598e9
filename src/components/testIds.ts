export const testIds = {
  summaryPanel: {
    container: 'data-testid meshtax-summary-panel',
  },
  figureBasis: {
    container: 'data-testid meshtax-figure-basis',
  },
  appConfig: {
    form: 'data-testid meshtax-config-form',
    submit: 'data-testid meshtax-config-submit',
  },
};
