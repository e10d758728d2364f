// The door of the curves room of valuation: what its sibling rooms may use.
export { CostModelSchema } from './curve-schemas';
export { type CurveSetFit, type CurveSetSpec, fitCurves, type FittedCurve } from './curve-set';
export { type CurveSetRow, type CurveSetSummaryRow } from './curve-sets-repository';
export { getCurveSet } from './curve-sets-service';
export { costModelView } from './curve-views';
export {
  type FitSettings,
  FitSettingsSchema,
  horizonMonths,
  monthEnd,
  StoredFitSettingsFields,
} from './fit-schemas';
export { fitOrConflict, fitSettingsColumns, storedFitSettings } from './fit-settings';
export { curves } from './curve-routes';
export { type StoredCurves, storedCurves, storedHistory } from './stored-curves';
