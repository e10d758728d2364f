import { z } from 'zod';

/** A delinquency bucket: loans whose days past due fall in `[minDays, maxDays]` (open-ended if no max). */
export interface DelinquencyBucket {
  code: string;
  label: string;
  minDays: number;
  maxDays?: number;
}

/** Platform configuration: policy values that a lender sets, not code. */
export interface PlatformConfig {
  /** Days past due from which a loan becomes a charge-off candidate (坏账认定). */
  chargeOffDpdThreshold: number;
  /** Delinquency bucket schemes by name; `grades` and `m_buckets` are built in. */
  delinquencySchemes: Record<string, DelinquencyBucket[]>;
  /** Largest request body accepted for JSON routes, in bytes. */
  jsonBodyLimitBytes: number;
  /** Largest uploaded file accepted by the import routes, in bytes. */
  importBodyLimitBytes: number;
}

export const builtInDelinquencySchemes: Record<string, DelinquencyBucket[]> = {
  // The three grades used in practice (seed 004: 轻度 / 中度 / 重度).
  grades: [
    { code: 'mild', label: '轻度 mild (1–30)', minDays: 1, maxDays: 30 },
    { code: 'moderate', label: '中度 moderate (31–90)', minDays: 31, maxDays: 90 },
    { code: 'severe', label: '重度 severe (>90)', minDays: 91 },
  ],
  m_buckets: [
    { code: 'M1', label: 'M1 (1–30)', minDays: 1, maxDays: 30 },
    { code: 'M2', label: 'M2 (31–60)', minDays: 31, maxDays: 60 },
    { code: 'M3', label: 'M3 (61–90)', minDays: 61, maxDays: 90 },
    { code: 'M4', label: 'M4 (91–120)', minDays: 91, maxDays: 120 },
    { code: 'M5', label: 'M5 (121–150)', minDays: 121, maxDays: 150 },
    { code: 'M6', label: 'M6 (151–180)', minDays: 151, maxDays: 180 },
    { code: 'M7+', label: 'M7+ (>180)', minDays: 181 },
  ],
};

export const defaultConfig: PlatformConfig = {
  chargeOffDpdThreshold: 180,
  delinquencySchemes: builtInDelinquencySchemes,
  jsonBodyLimitBytes: 1024 * 1024,
  importBodyLimitBytes: 2 * 1024 * 1024 * 1024,
};

const envSchema = z.object({
  CHARGE_OFF_DPD_THRESHOLD: z.coerce.number().int().positive().optional(),
  IMPORT_BODY_LIMIT_MB: z.coerce.number().int().positive().optional(),
});

/** The configuration from environment variables, over the defaults. */
export function configFromEnv(env: Record<string, string | undefined>): PlatformConfig {
  const parsed = envSchema.parse(env);
  return {
    ...defaultConfig,
    chargeOffDpdThreshold: parsed.CHARGE_OFF_DPD_THRESHOLD ?? defaultConfig.chargeOffDpdThreshold,
    importBodyLimitBytes: parsed.IMPORT_BODY_LIMIT_MB ? parsed.IMPORT_BODY_LIMIT_MB * 1024 * 1024 : defaultConfig.importBodyLimitBytes,
  };
}
