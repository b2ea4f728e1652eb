/**
 * How far each chain's log index has read, for pages that wait on it: a first visit through a
 * capped provider reads a deep history in segments, and says how far it has got instead of a
 * skeleton that never changes.
 */
import { onLogProgress } from './chain-logs.ts';
import { numberFormat } from '../format/intl.ts';
import * as m from '../i18n/messages.ts';

export const logProgress = $state<Record<number, { scannedTo: bigint; target: bigint; from: bigint } | undefined>>({});
onLogProgress((chainId, scannedTo, target, from) => (logProgress[chainId] = { scannedTo, target, from }));

/** "Reading the chain's history: 45% (block 19,004,480 of 19,021,021)", or undefined when caught up. */
export function progressText(chainId: number): string | undefined {
  const p = logProgress[chainId];
  if (!p || p.scannedTo >= p.target) return undefined;
  const span = p.target - p.from + 1n;
  const done = p.scannedTo - p.from + 1n;
  const percent = span > 0n ? Number((done * 100n) / span) : 0;
  const number = numberFormat();
  return m.errors_log_progress_reading({
    percent,
    block: number.format(p.scannedTo),
    target: number.format(p.target),
  });
}
