/** What the app has learned about an RPC endpoint, kept in this browser between visits. */
import { rememberedRecord, rememberRecord } from '../storage/remembered.ts';
import { storageKey } from '../storage/keys.ts';

/** What an endpoint has learned, kept between visits. */
export interface Learned {
  batch: number;
  batchCeiling?: number;
  perSecond?: number;
  perMinute?: number;
}

const endpointKey = (url: string) => storageKey('rpc', url);

/** What an earlier visit learned about `url`, if what is stored reads as such. */
export const readLearned = (url: string) =>
  rememberedRecord<Learned>(endpointKey(url), (v) => {
    const r = v as Learned;
    const ok = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) > 0);
    return r && ok(r.batch) && ok(r.batchCeiling) && ok(r.perSecond) && ok(r.perMinute) ? r : undefined;
  });

/** Keeps what was learned about `url` (storage refused only means the next visit learns it again). */
export const rememberLearned = (url: string, learned: Learned) => rememberRecord(endpointKey(url), learned);
