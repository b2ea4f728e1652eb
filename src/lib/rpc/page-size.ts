/**
 * How many items one paged `eth_call` reads (operators of a directory page, say), learned per chain
 * and kept in this browser. An endpoint whose gas cap for calls is lower than the 50M most nodes
 * allow, or whose answers are capped in size, refuses a full page: the page is halved and read
 * again, and the size that works is what the next visit starts with. It grows back after a run of
 * full pages read, as the log window does.
 */
import { rememberInteger, rememberedInteger } from '../storage/remembered.ts';
import { LearnedSize } from './learned-size.ts';
import { causes, classifyRpcError } from '../errors/rpc-errors.ts';
import { storageKey } from '../storage/keys.ts';

const sizes = new Map<string, PageSize>();

export class PageSize {
  readonly #learned: LearnedSize;

  constructor(
    readonly key: string,
    max: number,
  ) {
    const saved = rememberedInteger(key, 6);
    this.#learned = new LearnedSize(BigInt(max), saved ?? BigInt(max), 8, saved !== undefined);
  }

  get size(): number {
    return Number(this.#learned.size);
  }

  /** A page of `asked` items was too big for the endpoint. */
  refused(asked: number) {
    this.#learned.refused(1n, BigInt(asked));
    rememberInteger(this.key, this.#learned.size);
  }

  /** A page of `asked` items was read. */
  accepted(asked: number) {
    const before = this.#learned.size;
    this.#learned.accepted(BigInt(asked));
    if (this.#learned.size !== before) rememberInteger(this.key, this.#learned.size);
  }
}

/** The learned page size of `kind` on `chainId` (at most `max`), one per kind and chain. */
export function pageSize(kind: string, chainId: number, max: number): PageSize {
  const key = storageKey('page', kind, chainId);
  let size = sizes.get(key);
  if (!size) sizes.set(key, (size = new PageSize(key, max)));
  return size;
}

/**
 * Whether `error` says a call asked for too much: its gas cap, its time limit, or its answer's size
 * in the provider's words, or a read of `paged` (the function that reads a page) inside a Multicall3
 * batch that failed without a word (a read run out of gas leaves no revert data; a page read never
 * reverts otherwise). Another call of the batch failing without a word is that call's own answer.
 */
export function tooBig(error: unknown, paged?: string): boolean {
  const kind = classifyRpcError(error).kind;
  if (kind === 'size' || kind === 'range') return true;
  const silent = causes(error).find((e) => (e as { emptyRevert?: boolean }).emptyRevert) as
    { functionName?: string } | undefined;
  return !!silent && (paged === undefined || silent.functionName === paged);
}
