/**
 * Delegate statements from the DelegateStatements registry (contracts/DelegateStatements.sol): what
 * a delegate stands for, in markdown, and a few links; a page of delegates is read in one multicall.
 * The text is chain-sourced: it renders through the same markdown renderer as proposals (elements,
 * never HTML), and links only through the leave-the-app dialog.
 */
import type { Address } from 'viem';
import { delegateStatementsAbi } from '../../../lib/contracts/generated.ts';
import type { CallResult, ContractCall, ResultOf } from '../../../lib/web3/eth-call.ts';
import { txCall } from '../../../lib/tx/tx-call.ts';
import { cleanText, clip } from '../../../lib/format/clean-text.ts';
import { numberFormat } from '../../../lib/format/intl.ts';
import * as m from '../../../lib/i18n/messages.ts';

export interface DelegateStatement {
  text: string;
  links: string[];
  /** Chain time it was published, in seconds. */
  updatedAt: bigint;
}

/** The registry's limits (its MAX_* constants), checked before a transaction is prepared. */
export const STATEMENT_LIMITS = { textBytes: 8192, links: 5, linkBytes: 200 } as const;

/** The read of `delegate`'s statement, to go in a page's batch. */
export const statementCall = (registry: Address, delegate: Address) =>
  ({
    address: registry,
    abi: delegateStatementsAbi,
    functionName: 'statementOf',
    args: [delegate],
  }) as const satisfies ContractCall;

/** The statement a read answered, or undefined when there is none (never published, withdrawn, a failed read). */
export function statementFrom(
  result: CallResult<ResultOf<ReturnType<typeof statementCall>>> | undefined,
): DelegateStatement | undefined {
  if (result?.status !== 'success') return undefined;
  const [text, links, updatedAt] = result.result;
  return updatedAt > 0n ? { text, links: [...links], updatedAt } : undefined;
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** Why `text` and `links` cannot be published as they are, or undefined when they can. */
export function statementProblem(text: string, links: string[]): string | undefined {
  const bytes = utf8Bytes(text);
  if (bytes > STATEMENT_LIMITS.textBytes)
    return m.delegates_statements_too_long({
      bytes: numberFormat().format(bytes),
      max: numberFormat().format(STATEMENT_LIMITS.textBytes),
    });
  if (links.length > STATEMENT_LIMITS.links)
    return m.delegates_statements_too_many_links({ max: STATEMENT_LIMITS.links });
  for (const link of links) {
    if (utf8Bytes(link) > STATEMENT_LIMITS.linkBytes)
      return m.delegates_statements_link_too_long({ max: STATEMENT_LIMITS.linkBytes });
    let url: URL | undefined;
    try {
      url = new URL(link);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'https:') return m.delegates_statements_link_not_https({ link: clip(cleanText(link), 80) });
  }
  return undefined;
}

/** The links a form's text gives: one per line, blank lines ignored. */
export const parseLinks = (value: string): string[] =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** One line of plain text from a statement, for the delegates list (markdown marks dropped, cleaned as chain text). */
export function statementExcerpt(text: string, max = 140): string {
  const line =
    text
      .split('\n')
      .map((l) => l.replace(/^\s{0,3}(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, '').trim())
      .find((l) => l.length > 0) ?? '';
  const plain = line.replace(/[*_`~]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return clip(cleanText(plain), max);
}

/** Publishes (or, with an empty text and no links, withdraws) the sender's statement. */
export const publishStatementCall = (registry: Address, text: string, links: string[]) =>
  txCall({
    address: registry,
    abi: delegateStatementsAbi,
    functionName: 'publish',
    args: [text, links],
  });
