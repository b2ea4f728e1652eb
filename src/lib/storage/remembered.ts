/**
 * What the app keeps between visits in localStorage: small whole numbers (a provider's log window, a
 * directory's size) read back only when they are plain digits, and small records (a directory's first
 * screen, a proposal page's ids) read back only when their reader accepts their shape. Never an error
 * when storage is refused (private windows), full, or holds something else.
 */

/** The number remembered under `key`, or undefined (absent, malformed, longer than `maxDigits`, refused). */
export function rememberedInteger(key: string, maxDigits?: number): bigint | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const digits = maxDigits === undefined ? /^\d+$/ : new RegExp(`^\\d{1,${maxDigits}}$`);
    return raw && digits.test(raw) ? BigInt(raw) : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `value` under `key`; a refusal only means the next visit learns it again. */
export function rememberInteger(key: string, value: bigint) {
  try {
    globalThis.localStorage?.setItem(key, value.toString());
  } catch {
    // Storage refused.
  }
}

/** JSON with bigints kept as `{ "$big": "digits" }` and read back as bigints. */
const toJson = (value: unknown) =>
  JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? { $big: v.toString() } : v));
const fromJson = (raw: string): unknown =>
  JSON.parse(raw, (_, v) =>
    v && typeof v === 'object' && typeof v.$big === 'string' && /^-?\d{1,80}$/.test(v.$big) ? BigInt(v.$big) : v,
  );

/** The record remembered under `key`, if `accept` takes it (it gets the parsed JSON, bigints restored). */
export function rememberedRecord<T>(key: string, accept: (value: unknown) => T | undefined): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? accept(fromJson(raw)) : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `value` (JSON, bigints included) under `key`; a refusal only means it is read again. */
export function rememberRecord(key: string, value: unknown) {
  try {
    globalThis.localStorage?.setItem(key, toJson(value));
  } catch {
    // Storage refused or full.
  }
}
