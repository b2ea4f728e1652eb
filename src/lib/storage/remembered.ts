/**
 * Small whole numbers the app keeps between visits in localStorage (a provider's log window, a
 * directory's size): read back only when they are plain digits, and never an error when storage is
 * refused (private windows) or holds something else.
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
