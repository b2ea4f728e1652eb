/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote or line break quoted, its
 * quotes doubled), built in the browser. Text from the chain can start with `=`, `+`, `-`, `@`, a
 * tab or a carriage return, which spreadsheets run as a formula: such a field gets a leading `'`
 * (OWASP's advice for CSV injection), so a hostile proposal title stays text when the file is opened.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** One field: `text` is from outside the app (titles, reasons) and is kept from running as a formula. */
export function csvField(value: string, text = false): string {
  const safe = text && FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: the header, then each row; `textColumns` are the columns holding outside text. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns: readonly string[] = [],
) {
  const text = header.map((name) => textColumns.includes(name));
  const line = (fields: readonly string[]) => fields.map((f, i) => csvField(f, text[i])).join(',');
  return [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}

/** A block time (seconds, chain time) as ISO 8601 UTC. */
export const isoTime = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString();
