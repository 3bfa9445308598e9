/**
 * The fields of the options contract, by which every validation error is keyed. Each surface maps a field to its own
 * input: the CLI to a flag (cli/options.ts), the configuration page and the query builder to a form field.
 */
export const OPTION_FIELDS = [
  'pricingSource',
  'cpuHourUsd',
  'gibHourUsd',
  'hoursPerMonth',
  'basis',
  'idleRps',
  'latencyMethod',
  'baselineOffset',
  'window',
  'averageOver',
  'namespaceExclude',
  'customContainer',
  'customControlPlaneNamespace',
  'customControlPlanePod',
  'useRecordingRules',
] as const;

export type OptionField = (typeof OPTION_FIELDS)[number];

/** Raw values by field, as stored, typed or given as flags: numbers may arrive as text, anything may be missing. */
export type OptionValues = Partial<Record<OptionField, unknown>>;

/** Field -> what is wrong with its value, in words that stand after any label ("-1 is not a price …"). */
export type OptionErrors = Partial<Record<OptionField, string>>;

/** Invalid options, thrown where there is no form to show them in. `field` is the first invalid one. */
export class OptionsError extends Error {
  readonly field: OptionField;
  constructor(readonly errors: OptionErrors) {
    const [field, message] = Object.entries(errors)[0] as [OptionField, string];
    super(message);
    this.name = 'OptionsError';
    this.field = field;
  }
}
