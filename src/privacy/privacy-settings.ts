/**
 * @module privacy/privacy-settings
 * How long personal data is kept, from the environment.
 *
 * - `KEFU_RAW_RETENTION_DAYS` (default 0): days the unredacted text of a message is kept beside
 *   its redacted copy. With 0 no raw text is written at all: staff, exports and the shopper's own
 *   `history` all read the redacted copy. With N > 0 a signed-in shopper's own `history` shows their own
 *   words for N days; staff and exports still get the redacted copy.
 * - `KEFU_RETENTION_DAYS` (default 0 = keep): conversations with no activity for N days are
 *   deleted (with their transcript, dialog state, handoff entry and feedback), at start and every
 *   six hours; `kefu retention --days N` does the same on demand.
 */

export interface PrivacySettings {
  /** @default 0 */
  rawRetentionDays: number;
  /** @default 0 (keep conversations forever) */
  retentionDays: number;
}

export const DEFAULT_PRIVACY: PrivacySettings = { rawRetentionDays: 0, retentionDays: 0 };

function days(value: string | undefined, name: string): number {
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number of days, got "${value}"`);
  return n;
}

/** @example const privacy = privacySettingsFromEnv(process.env); */
export function privacySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PrivacySettings {
  return {
    rawRetentionDays: days(env.KEFU_RAW_RETENTION_DAYS, 'KEFU_RAW_RETENTION_DAYS'),
    retentionDays: days(env.KEFU_RETENTION_DAYS, 'KEFU_RETENTION_DAYS'),
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;
