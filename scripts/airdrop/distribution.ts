/**
 * Reads an airdrop distribution (CSV or JSON) and validates every row, collecting each problem with
 * its line number so that one run reports them all.
 */
import { isAddress, type Hex } from 'viem';

export interface Recipient {
  /** Lowercase: the leaf encodes bytes, and checksumming a million addresses costs a keccak each. */
  address: Hex;
  amounts: bigint[];
  total: bigint;
}

export interface Distribution {
  categories: string[];
  recipients: Recipient[];
}

export interface DistributionError {
  line: number;
  message: string;
}

export class InvalidDistributionError extends Error {
  constructor(readonly problems: DistributionError[]) {
    super(
      `${problems.length} bad row(s):\n` +
        problems
          .slice(0, 50)
          .map((p) => `  line ${p.line}: ${p.message}`)
          .join('\n') +
        (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''),
    );
  }
}

const INTEGER = /^(0|[1-9][0-9]*)$/;
const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const MAX_UINT256 = 2n ** 256n - 1n;

/** Accepts lowercase hex, or mixed case only when the EIP-55 checksum is right. */
function checkAddress(raw: string): string | undefined {
  if (!HEX_ADDRESS.test(raw)) return 'not a 20-byte hex address';
  if (raw.slice(2) === raw.slice(2).toLowerCase() || raw.slice(2) === raw.slice(2).toUpperCase()) return undefined;
  return isAddress(raw, { strict: true }) ? undefined : 'mixed-case address with a wrong EIP-55 checksum';
}

/** A row that passed every check: address lowercased, amounts in category order, their total. */
export type ValidRow = Recipient;

/**
 * Validates rows one at a time, so a million-row file never exists twice in memory. Each valid row
 * goes to `onRow` while no row has failed (after the first problem only problems are collected).
 */
class RowValidator {
  readonly problems: DistributionError[] = [];
  rows = 0;
  readonly #seen = new Map<string, number>();
  readonly #seenMalformed = new Map<string, number>();

  constructor(
    readonly categories: string[],
    readonly onRow: (row: ValidRow) => void,
  ) {}

  add(line: number, address: string, rawAmounts: string[]) {
    const problems = this.problems;
    const addressProblem = checkAddress(address);
    if (addressProblem) problems.push({ line, message: `${addressProblem}: "${address.slice(0, 60)}"` });
    const key = address.toLowerCase();
    // A well-formed address is remembered as its 20 bytes (a fresh short string: the line it was cut
    // from, and the megabyte read with it, are not kept alive by a million keys); anything else as written.
    const seen = addressProblem ? this.#seenMalformed : this.#seen;
    const seenKey = addressProblem ? key : Buffer.from(key.slice(2), 'hex').toString('latin1');
    const first = seen.get(seenKey);
    if (first !== undefined) problems.push({ line, message: `duplicate of line ${first}: ${address}` });
    else seen.set(seenKey, line);
    if (rawAmounts.length !== this.categories.length) {
      problems.push({ line, message: `expected ${this.categories.length} amounts, found ${rawAmounts.length}` });
      return;
    }
    const amounts: bigint[] = [];
    rawAmounts.forEach((raw, i) => {
      if (!INTEGER.test(raw))
        problems.push({ line, message: `${this.categories[i]}: "${raw.slice(0, 40)}" is not an integer string` });
      else amounts.push(BigInt(raw));
    });
    if (amounts.length !== this.categories.length || addressProblem) return;
    let total = 0n;
    for (const amount of amounts) total += amount;
    if (total === 0n) problems.push({ line, message: 'every amount is zero' });
    else if (total > MAX_UINT256) problems.push({ line, message: 'total does not fit in uint256' });
    else if (problems.length === 0) {
      this.rows++;
      this.onRow({ address: key as Hex, amounts, total });
    }
  }

  /** Throws every problem found (or "no recipients"); returns the categories otherwise. */
  finish(): string[] {
    if (this.rows === 0 && this.problems.length === 0) this.problems.push({ line: 1, message: 'no recipients' });
    if (this.problems.length) throw new InvalidDistributionError(this.problems);
    return this.categories;
  }
}

/**
 * Validates a CSV, given as its lines in order (header first), whose header is
 * `address,<category>,<category>…` with amounts in wei: `rowsFor` gets the header's categories and
 * returns where each valid row goes; every problem is thrown together at the end.
 */
export function readCsvRows(
  lines: Iterable<string>,
  rowsFor: (categories: string[]) => (row: ValidRow) => void,
): string[] {
  let validator: RowValidator | undefined;
  let number = 0;
  for (const text of lines) {
    number++;
    if (!validator) {
      const header = text.split(',').map((c) => c.trim());
      if (header[0]?.toLowerCase() !== 'address' || header.length < 2) break;
      const categories = header.slice(1);
      validator = new RowValidator(categories, rowsFor(categories));
      continue;
    }
    if (text.trim() === '') continue;
    const [address, ...amounts] = text.split(',').map((c) => c.trim());
    validator.add(number, address, amounts);
  }
  if (!validator) throw new InvalidDistributionError([{ line: 1, message: 'header must be "address,<category>,…"' }]);
  return validator.finish();
}

/** Parses a CSV whose header is `address,<category>,<category>…` with amounts in wei. */
export function parseCsv(text: string): Distribution {
  const recipients: Recipient[] = [];
  const categories = readCsvRows(text.split(/\r?\n/), () => (row) => recipients.push(row));
  return { categories, recipients };
}

/**
 * Parses JSON of the form `{ "categories": [...], "recipients": [{ "address", "amounts": {cat: "wei"} }] }`.
 * Line numbers are the recipient's position plus one, as in the CSV form.
 */
export function parseJson(text: string): Distribution {
  let data: { categories?: unknown; recipients?: unknown };
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidDistributionError([{ line: 1, message: `not JSON: ${(error as Error).message}` }]);
  }
  const categories = data.categories;
  if (
    !Array.isArray(categories) ||
    !categories.every((c) => typeof c === 'string') ||
    !Array.isArray(data.recipients)
  ) {
    throw new InvalidDistributionError([{ line: 1, message: 'expected { categories: string[], recipients: [] }' }]);
  }
  const recipients: Recipient[] = [];
  const validator = new RowValidator(categories, (row) => recipients.push(row));
  (data.recipients as { address?: unknown; amounts?: Record<string, unknown> }[]).forEach((r, i) => {
    const amounts = categories.map((c) => (r?.amounts?.[c] === undefined ? '0' : String(r.amounts[c])));
    validator.add(i + 2, String(r?.address ?? ''), amounts);
  });
  validator.finish();
  return { categories, recipients };
}

/** Parses by file name: `.json` as JSON, anything else as CSV. */
export function parseDistribution(name: string, text: string): Distribution {
  return name.endsWith('.json') ? parseJson(text) : parseCsv(text);
}
