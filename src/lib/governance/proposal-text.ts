/** Titles and proposer suffixes from proposal descriptions, which are untrusted chain text. */
import { cleanText, clip } from '../format/clean-text.ts';

/** The first non-empty line without markdown heading marks, bounded in length; a fallback if none. */
export function proposalTitle(description: string | undefined, fallback: string): string {
  const line = description?.split(/\r?\n/).find((l) => l.trim() !== '');
  const title = line && cleanText(line.replace(/^\s*#{1,6}\s*/, '')).trim();
  if (!title) return fallback;
  return clip(title, 140);
}

export const STATES = [
  'Pending',
  'Active',
  'Canceled',
  'Defeated',
  'Succeeded',
  'Queued',
  'Expired',
  'Executed',
] as const;
export type ProposalStateName = (typeof STATES)[number];
