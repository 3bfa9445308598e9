export const testIds = {
  summaryPanel: {
    container: 'data-testid meshtax-summary-panel',
  },
  appConfig: {
    form: 'data-testid meshtax-config-form',
    submit: 'data-testid meshtax-config-submit',
  },
};
