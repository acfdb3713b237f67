// Files and the admin API may carry either HF daily-papers items or plain papers, even
// mixed; this picks the right mapping per record so callers need not care.
import { HF_DEFAULT_BASE_URL, isHfDailyItem, normalizeHfItem } from '../hf/hf-daily-paper';
import type { NormalizeResult } from '../paper.types';
import { normalizePaper } from './normalize-paper';

/** Normalises a record of either accepted shape (daily-papers item or plain paper). */
export function normalizeRecord(
  record: unknown,
  source: string,
  hfBaseUrl: string = HF_DEFAULT_BASE_URL,
): NormalizeResult {
  return isHfDailyItem(record) ? normalizeHfItem(record, source, hfBaseUrl) : normalizePaper(record, source);
}
