/** How charts turn token amounts into numbers and write them: whole tokens, compact on axes, in full in tables. */
import { formatUnits } from 'viem';

/**
 * Whole tokens as a number: a chart's resolution (the exact figures are shown elsewhere, as bigint).
 * The fraction is dropped before the conversion, so no float rounding reaches the integer part.
 */
export const wholeTokens = (v: bigint, decimals = 18) => Number(formatUnits(v, decimals).split('.')[0]);

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const full = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** An axis label: 1.2M. */
export const compactAmount = (v: number) => compact.format(v);
/** A table cell: 1,200,000. */
export const fullAmount = (v: number) => full.format(v);
