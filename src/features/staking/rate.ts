/** A rate in basis points as a percentage with two decimals, or a dash when none is paid. */
export function formatRate(bps: bigint | undefined): string {
  if (bps === undefined) return '—';
  return `${(Number(bps) / 100).toFixed(2)}%`;
}
