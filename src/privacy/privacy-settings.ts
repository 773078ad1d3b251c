/**
 * @module privacy/privacy-settings
 * How long personal data is kept: `config.privacy` (`loadConfig`, declared in `config/settings.ts`).
 *
 * - `KEFU_RAW_RETENTION_DAYS`: days the unredacted text of a message is kept beside
 *   its redacted copy. With 0 no raw text is written at all: staff, exports and the shopper's own
 *   `history` all read the redacted copy. With N > 0 a signed-in shopper's own `history` shows their own
 *   words for N days; staff and exports still get the redacted copy.
 * - `KEFU_RETENTION_DAYS` (0 keeps them): conversations with no activity for N days are
 *   deleted (with their transcript, dialog state, handoff entry and feedback), at start and every
 *   six hours; `kefu retention --days N` does the same on demand.
 */

export interface PrivacySettings {
  rawRetentionDays: number;
  /** 0 keeps conversations forever. */
  retentionDays: number;
}

export const DEFAULT_PRIVACY: PrivacySettings = { rawRetentionDays: 0, retentionDays: 0 };

export const DAY_MS = 24 * 60 * 60 * 1000;
