/**
 * What tells operators apart when their self-declared names do not: a look-alike check on names, and
 * a deterministic picture drawn from the address, which nobody can copy without the address itself.
 */
import type { Address } from 'viem';

/** Letters and digits that pass for others, folded to one form (Cyrillic and Greek look-alikes, 0/o, 1/l…). */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ո: 'n',
  ս: 'u',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '5': 's',
  '7': 't',
  '|': 'l',
  '!': 'i',
  $: 's',
  '@': 'a',
};

/** A name reduced to what a reader sees at a glance: case, accents, spacing, punctuation and look-alikes folded. */
export function nameKey(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/./gu, (c) => CONFUSABLE[c] ?? c)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[^a-z]/g, '');
  return folded;
}

/** Edit distance (insertions, deletions, substitutions), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Whether two names would pass for each other: the same at a glance, or one or two letters apart. */
export function namesImitate(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  if (x.length < 3 || y.length < 3) return x === y && x !== '';
  return (
    editDistance(x, y, Math.max(1, Math.floor(Math.min(x.length, y.length) / 8))) <=
    Math.max(1, Math.floor(Math.min(x.length, y.length) / 8))
  );
}

/** For each operator whose name imitates another's (or duplicates it), the addresses it collides with. */
export function lookalikeNames(entries: { address: Address; name?: string }[]): Map<Address, Address[]> {
  const named = entries.filter((e): e is { address: Address; name: string } => !!e.name);
  const found = new Map<Address, Address[]>();
  // Names with the same first folded letter are compared fully; others differ at a glance anyway.
  const byInitial = new Map<string, typeof named>();
  for (const e of named) {
    const key = nameKey(e.name).slice(0, 1);
    byInitial.set(key, [...(byInitial.get(key) ?? []), e]);
  }
  for (const group of byInitial.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (group[i].address === group[j].address || !namesImitate(group[i].name, group[j].name)) continue;
        found.set(group[i].address, [...(found.get(group[i].address) ?? []), group[j].address]);
        found.set(group[j].address, [...(found.get(group[j].address) ?? []), group[i].address]);
      }
    }
  }
  return found;
}

/** A 5×5 left-right symmetric pattern and a hue, read straight from the address's hex digits. */
export function identicon(address: Address): { hue: number; cells: boolean[][] } {
  const hex = address.toLowerCase().slice(2);
  const hue = Math.round((parseInt(hex.slice(0, 3), 16) / 4096) * 360);
  const bits = BigInt(`0x${hex.slice(3, 11)}`);
  const cells = Array.from({ length: 5 }, (_, row) => {
    const half = Array.from({ length: 3 }, (_, col) => ((bits >> BigInt(row * 3 + col)) & 1n) === 1n);
    return [half[0], half[1], half[2], half[1], half[0]];
  });
  return { hue, cells };
}
