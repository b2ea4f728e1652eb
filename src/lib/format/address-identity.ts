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

/** How many edits two folded names may differ by and still pass for each other. */
const allowedEdits = (x: string, y: string) => Math.max(1, Math.floor(Math.min(x.length, y.length) / 8));

/** `namesImitate` on names already folded by `nameKey`. */
function keysImitate(x: string, y: string): boolean {
  if (x.length < 3 || y.length < 3) return x === y && x !== '';
  const limit = allowedEdits(x, y);
  return editDistance(x, y, limit) <= limit;
}

/** A name with each run of digits replaced by one mark: "Operator 12" and "Operator 130" agree. */
const numberless = (name: string) => name.normalize('NFKC').toLowerCase().trim().replace(/\d+/g, '#');

/**
 * Names that differ only in their numbers ("Validator 12", "Validator 13") are read as numbers and
 * told apart: a series of numbered operators is not a crowd of impostors. A digit standing in for a
 * letter ("Ki1n") still imitates, since that name differs from "Kiln" outside its numbers.
 */
function onlyNumbersDiffer(a: string, b: string): boolean {
  return a !== b && /\d/.test(a + b) && numberless(a) === numberless(b);
}

/** Whether two names would pass for each other: the same at a glance, or one or two letters apart. */
export function namesImitate(a: string, b: string): boolean {
  return !onlyNumbersDiffer(a, b) && keysImitate(nameKey(a), nameKey(b));
}

/** Every string made from `key` by deleting up to `depth` letters (`key` itself included). */
function deletions(key: string, depth: number, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  if (depth > 0) for (let i = 0; i < key.length; i++) deletions(key.slice(0, i) + key.slice(i + 1), depth - 1, into);
  return into;
}

/** Names this long (folded) may differ by 3 or more edits; they are compared with each other pairwise. */
const LONG = 24;

/**
 * For each operator whose name imitates another's (or duplicates it), the addresses it collides with.
 * Near-linear in the number of operators: two names within k edits share a string reached by deleting
 * at most k letters from each, so names are grouped by those strings and only names sharing one are
 * compared (500 operators took 670 ms comparing every pair; a phone is four times slower).
 */
export function lookalikeNames(entries: { address: Address; name?: string }[]): (address: Address) => Address[] {
  // Operators whose names fold to the same key are grouped first: each key is compared once.
  const groups = new Map<string, Set<Address>>();
  const nameOf = new Map<Address, string>();
  for (const e of entries) {
    if (!e.name) continue;
    nameOf.set(e.address, e.name);
    const key = nameKey(e.name);
    (groups.get(key) ?? groups.set(key, new Set()).get(key)!).add(e.address);
  }
  const keys = [...groups.keys()];
  const related = keys.map((key) => (keysImitate(key, key) ? [key] : []));
  const byVariant = new Map<string, number[]>();
  const compared = new Set<number>();
  const compare = (i: number, j: number) => {
    const id = i * keys.length + j;
    if (compared.has(id)) return;
    compared.add(id);
    // Names that start differently differ at a glance.
    if (keys[i][0] !== keys[j][0] || !keysImitate(keys[i], keys[j])) return;
    related[i].push(keys[j]);
    related[j].push(keys[i]);
  };
  keys.forEach((key, i) => {
    const depth = key.length < 3 ? 0 : Math.min(2, allowedEdits(key, key));
    for (const variant of deletions(key, depth)) {
      const seen = byVariant.get(variant);
      if (seen) {
        for (const j of seen) compare(j, i);
        seen.push(i);
      } else byVariant.set(variant, [i]);
    }
  });
  const long = keys.flatMap((key, i) => (key.length >= LONG ? [i] : []));
  for (let a = 0; a < long.length; a++) for (let b = a + 1; b < long.length; b++) compare(long[a], long[b]);

  // Answered per address when asked: 500 operators with one common name would otherwise build
  // 250,000 entries up front for a page that shows 25 of them.
  const keyOf = new Map<Address, number>();
  keys.forEach((key, i) => groups.get(key)!.forEach((address) => keyOf.set(address, i)));
  return (address) => {
    const i = keyOf.get(address);
    if (i === undefined) return [];
    const name = nameOf.get(address)!;
    return related[i]
      .flatMap((k) => [...groups.get(k)!])
      .filter((a) => a !== address && !onlyNumbersDiffer(name, nameOf.get(a)!));
  };
}

/** A 5×5 left-right symmetric pattern and a hue, read straight from the address's hex digits. */
/** The identicon's lit cells as one SVG path (a 5×5 grid of unit squares): one element to draw, not 25. */
export function identiconPath(cells: boolean[][]): string {
  return cells.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
}

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
