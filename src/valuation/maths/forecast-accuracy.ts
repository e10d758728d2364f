/** A forecast against what then happened, in fen. */
interface ForecastPair {
  predictedFen: number;
  actualFen: number;
}

export interface ForecastAccuracy {
  predictedFen: number;
  actualFen: number;
  /** Σ predicted ÷ Σ actual; null when nothing was collected. */
  ratio: number | null;
  /** (Σ predicted − Σ actual) ÷ Σ actual: above 0 the forecast was too high. */
  bias: number | null;
  /** Σ |predicted − actual| ÷ Σ actual: the mean absolute percentage error weighted by what was collected. */
  weightedMape: number | null;
}

/**
 * How close forecasts came, as debt buyers report a back-test ("collections above/below forecast"):
 * over parts (months of a pool, or the pools of a book), ratio = ΣP ÷ ΣA, bias = (ΣP − ΣA) ÷ ΣA
 * and weighted MAPE = Σ|P − A| ÷ ΣA. Measures are null when nothing was collected.
 * @example forecastAccuracy([{ predictedFen: 90, actualFen: 100 }, { predictedFen: 130, actualFen: 100 }]) // ratio 1.1, bias 0.1, weightedMape 0.2
 */
export function forecastAccuracy(parts: readonly ForecastPair[]): ForecastAccuracy {
  let predictedFen = 0;
  let actualFen = 0;
  let absoluteErrorFen = 0;
  for (const part of parts) {
    predictedFen += part.predictedFen;
    actualFen += part.actualFen;
    absoluteErrorFen += Math.abs(part.predictedFen - part.actualFen);
  }
  const collected = actualFen > 0;
  return {
    predictedFen,
    actualFen,
    ratio: collected ? predictedFen / actualFen : null,
    bias: collected ? (predictedFen - actualFen) / actualFen : null,
    weightedMape: collected ? absoluteErrorFen / actualFen : null,
  };
}
