/**
 * Reads an airdrop distribution (CSV or JSON) and validates every row, collecting each problem with
 * its line number so that one run reports them all.
 */
import { getAddress, isAddress, type Hex } from 'viem';

export interface Recipient {
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

function parseRows(rows: { line: number; address: string; amounts: string[] }[], categories: string[]): Distribution {
  const problems: DistributionError[] = [];
  const seen = new Map<string, number>();
  const recipients: Recipient[] = [];
  for (const row of rows) {
    const addressProblem = checkAddress(row.address);
    if (addressProblem) problems.push({ line: row.line, message: `${addressProblem}: "${row.address.slice(0, 60)}"` });
    const key = row.address.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: row.line, message: `duplicate of line ${first}: ${row.address}` });
    else seen.set(key, row.line);
    if (row.amounts.length !== categories.length) {
      problems.push({ line: row.line, message: `expected ${categories.length} amounts, found ${row.amounts.length}` });
      continue;
    }
    const amounts: bigint[] = [];
    row.amounts.forEach((raw, i) => {
      if (!INTEGER.test(raw)) {
        problems.push({ line: row.line, message: `${categories[i]}: "${raw.slice(0, 40)}" is not an integer string` });
      } else amounts.push(BigInt(raw));
    });
    if (amounts.length !== categories.length || addressProblem) continue;
    const total = amounts.reduce((a, b) => a + b, 0n);
    if (total === 0n) problems.push({ line: row.line, message: 'every amount is zero' });
    else if (total > MAX_UINT256) problems.push({ line: row.line, message: 'total does not fit in uint256' });
    else recipients.push({ address: getAddress(row.address), amounts, total });
  }
  if (rows.length === 0) problems.push({ line: 1, message: 'no recipients' });
  if (problems.length) throw new InvalidDistributionError(problems);
  return { categories, recipients };
}

/** Parses a CSV whose header is `address,<category>,<category>…` with amounts in wei. */
export function parseCsv(text: string): Distribution {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split(',').map((c) => c.trim()) ?? [];
  if (header[0]?.toLowerCase() !== 'address' || header.length < 2) {
    throw new InvalidDistributionError([{ line: 1, message: 'header must be "address,<category>,…"' }]);
  }
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const [address, ...amounts] = lines[i].split(',').map((c) => c.trim());
    rows.push({ line: i + 1, address, amounts });
  }
  return parseRows(rows, header.slice(1));
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
  const rows = (data.recipients as { address?: unknown; amounts?: Record<string, unknown> }[]).map((r, i) => ({
    line: i + 2,
    address: String(r?.address ?? ''),
    amounts: categories.map((c) => (r?.amounts?.[c] === undefined ? '0' : String(r.amounts[c]))),
  }));
  return parseRows(rows, categories);
}

/** Parses by file name: `.json` as JSON, anything else as CSV. */
export function parseDistribution(name: string, text: string): Distribution {
  return name.endsWith('.json') ? parseJson(text) : parseCsv(text);
}
