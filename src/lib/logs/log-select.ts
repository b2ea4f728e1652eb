/** Selecting from the log index: by contract, event and indexed arguments, and a block's bloom. */
import { hexToBytes, keccak256, type Address, type Hex } from 'viem';
import type { IndexedLog } from './log-store.ts';

export interface LogFilter {
  address?: Address;
  /** Event selector(s). */
  topic0?: Hex | readonly Hex[];
  /** Indexed arguments by position (1-based topics), null for any. */
  topics?: readonly (Hex | null)[];
}

/** Chain order: by block, then by position in it. */
export const byPosition = (a: IndexedLog, b: IndexedLog) =>
  a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1;

/** `sorted` by contract and event (`address:topic0`), for selections that name both. */
export function bucket(sorted: IndexedLog[]) {
  const buckets = new Map<string, IndexedLog[]>();
  for (const log of sorted) {
    const k = `${log.address}:${log.topics[0]?.toLowerCase()}`;
    const list = buckets.get(k);
    if (list) list.push(log);
    else buckets.set(k, [log]);
  }
  return buckets;
}

/** Whether a 2048-bit logs bloom has the three bits an address sets (the Yellow Paper's M3:2048). */
export function inBloom(bloom: Hex, address: Address): boolean {
  const bits = hexToBytes(bloom);
  if (bits.length !== 256) return true;
  const hash = hexToBytes(keccak256(address));
  for (let i = 0; i < 6; i += 2) {
    const bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
    if ((bits[255 - (bit >> 3)] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** The logs of `sorted` that `filter` names, in chain order. */
export function selectLogs(
  sorted: IndexedLog[],
  buckets: () => Map<string, IndexedLog[]>,
  filter: LogFilter,
): IndexedLog[] {
  const topic0s =
    filter.topic0 === undefined ? undefined : typeof filter.topic0 === 'string' ? [filter.topic0] : filter.topic0;
  let candidates: IndexedLog[] = sorted;
  if (filter.address && topic0s) {
    const address = filter.address.toLowerCase();
    const byEvent = buckets();
    candidates = topic0s.flatMap((t) => byEvent.get(`${address}:${t.toLowerCase()}`) ?? []);
    if (topic0s.length > 1) candidates.sort(byPosition);
  } else {
    const address = filter.address?.toLowerCase();
    candidates = sorted.filter(
      (l) =>
        (!address || l.address === address) &&
        (!topic0s || topic0s.some((t) => t.toLowerCase() === l.topics[0]?.toLowerCase())),
    );
  }
  const topics = filter.topics;
  if (!topics?.some((t) => t)) return candidates;
  return candidates.filter((l) => topics.every((t, i) => !t || l.topics[i + 1]?.toLowerCase() === t.toLowerCase()));
}
