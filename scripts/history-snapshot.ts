/**
 * `npm run history:snapshot -- --config dist/config.json [--chain <id>] [--block <n>] [--rpc <url>] [--out dist]`
 *
 * Writes the history snapshot a static build ships (src/lib/logs/history-snapshot.ts): the chain's
 * protocol logs read once, up to a finalized block (default: the head less the chain's finality
 * depth), through the same log index the app uses, folded into `history/<chainId>.json` and its
 * shards. Run it when building a site for a deployed chain; a rebuild a week later leaves the app a
 * week of blocks to read instead of the whole history.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { numberToHex, toEventSelector, type Address, type Hex } from 'viem';
import { parseAppConfig, type ChainConfig } from '../src/lib/config/app-config.ts';
import { LogIndex } from '../src/lib/logs/log-index.ts';
import type { RpcRequest } from '../src/lib/logs/window-read.ts';
import { memoryLogStore, type IndexedLog } from '../src/lib/logs/log-store.ts';
import { LearnedSize } from '../src/lib/rpc/learned-size.ts';
import { finalityDepth } from '../src/lib/logs/chain-logs.ts';
import {
  SHARD_COUNT,
  SHARD_PREFIX_CHARS,
  SNAPSHOT_VERSION,
  compactLog,
  serializeSnapshot,
  shardKeys,
  snapshotPaths,
  type SnapshotContent,
  type SnapshotProposal,
} from '../src/lib/logs/snapshot-format.ts';
import { SNAPSHOT_PARTS, type SnapshotPartName } from '../src/lib/logs/snapshot-parts.ts';
import {
  DELEGATION_TOPICS,
  delegateStandings,
  foldDelegates,
} from '../src/features/governance/delegates/read-delegates.ts';
import { decodeProposalCreated, proposalCreatedEvent } from '../src/lib/governance/proposal-description.ts';
import { proposalTitle } from '../src/lib/governance/proposal-text.ts';

/** A JSON-RPC call over HTTP, as the app's client would send it. */
export function httpRequest(url: string): RpcRequest {
  let id = 0;
  return async (method, params) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    });
    const body = (await response.json().catch(() => undefined)) as
      { result?: unknown; error?: { code: number; message: string } } | undefined;
    const error = typeof body?.error === 'object' ? body.error : undefined;
    if (!response.ok && !error?.message)
      throw Object.assign(new Error(`HTTP ${response.status} ${response.statusText}`), { status: response.status });
    if (error) throw Object.assign(new Error(error.message), { code: error.code, status: response.status });
    if (!body) throw new Error('The RPC answered something that is not JSON.');
    return body.result;
  };
}

export interface SnapshotOptions {
  request: RpcRequest;
  chain: ChainConfig;
  /** Where the built app is: the snapshot goes to its `history/`. */
  outDir: string;
  /** The last block it holds (default: the head less the chain's finality depth). */
  block?: bigint;
}

export interface SnapshotSummary {
  block: bigint;
  logs: number;
  files: number;
  headBytes: number;
  totalBytes: number;
}

const titleSelector = toEventSelector(proposalCreatedEvent);

export async function writeHistorySnapshot({
  request,
  chain,
  outDir,
  block,
}: SnapshotOptions): Promise<SnapshotSummary> {
  const { governor, staking, airdrop } = chain.contracts;
  // The governor's votes token, as the app resolves it.
  const votes = governor
    ? (`0x${String(await request('eth_call', [{ to: governor, data: '0xfc0c546a' /* token() */ }, 'latest'])).slice(
        -40,
      )}` as Address)
    : undefined;
  const addresses = [...new Set([governor, votes, staking, airdrop].filter((a): a is Address => !!a))];
  const head = BigInt((await request('eth_blockNumber', [])) as Hex);
  const last = block ?? head - finalityDepth(chain.id);
  if (last > head) throw new Error(`Block ${last} is past the head (${head}).`);
  const index = new LogIndex({
    stream: 'snapshot',
    addresses,
    fromBlock: BigInt(chain.deployBlock),
    finalityDepth: 0n,
    request,
    store: memoryLogStore(),
    window: new LearnedSize(10_000n, 10_000n, 4),
  });
  await index.syncTo(last);
  const header = (await request('eth_getBlockByNumber', [numberToHex(last), false])) as { hash: Hex; timestamp: Hex };

  const shards = new Map<string, IndexedLog[]>();
  const sharded = ['votes', 'delegations'] as const satisfies readonly SnapshotPartName[];
  const partAddress = { votes: governor, delegations: votes };
  for (const part of sharded) {
    const address = partAddress[part];
    if (!address) continue;
    // Every shard is written, empty ones too: a missing file means a broken deployment, not "none".
    for (let b = 0; b < SHARD_COUNT; b++) shards.set(`${part}/${b.toString(16).padStart(SHARD_PREFIX_CHARS, '0')}`, []);
    const spec = SNAPSHOT_PARTS[part];
    for (const log of index.select({ address, topic0: spec.topic0 })) {
      for (const shard of shardKeys(log, spec)) {
        const file = `${part}/${shard}`;
        const list = shards.get(file);
        if (list) list.push(log);
        else shards.set(file, [log]);
      }
    }
  }

  const titles = new Map<bigint, SnapshotProposal>();
  const created = governor ? index.select({ address: governor, topic0: titleSelector }) : [];
  if (governor)
    for (const log of created) {
      try {
        const proposal = decodeProposalCreated(log.data);
        titles.set(proposal.proposalId, { title: proposalTitle(proposal.description, ''), block: log.blockNumber });
      } catch {
        // Not the standard layout: the app reads it at its creation block.
      }
    }
  const delegates = votes
    ? {
        token: votes,
        rows: delegateStandings(
          foldDelegates(
            votes,
            index.select({
              address: votes,
              topic0: DELEGATION_TOPICS,
            }),
          ),
        ),
      }
    : undefined;
  const slashes = staking ? index.select({ address: staking, topic0: SNAPSHOT_PARTS.slashes.topic0 }) : [];
  // The whole parts' block times, read in one batch of headers per hundred blocks.
  const times = new Map<bigint, bigint>();
  const numbers = [...new Set(slashes.map((l) => l.blockNumber))];
  for (let i = 0; i < numbers.length; i += 100) {
    const headers = await Promise.all(
      numbers
        .slice(i, i + 100)
        .map((n) => request('eth_getBlockByNumber', [numberToHex(n), false]) as Promise<{ timestamp: Hex }>),
    );
    headers.forEach((h, k) => times.set(numbers[i + k], BigInt(h.timestamp)));
  }
  const snapshot: SnapshotContent = {
    head: {
      version: SNAPSHOT_VERSION,
      chainId: chain.id,
      addresses: addresses.map((a) => a.toLowerCase() as Address).sort(),
      block: last,
      hash: header.hash,
      timestamp: BigInt(header.timestamp),
      whole: staking ? { slashes } : {},
      sharded: [...sharded],
      times,
      proposalsCreated: created.length,
      hasDelegates: !!delegates,
    },
    delegates,
    titles,
  };

  const paths = snapshotPaths(chain.id);
  rmSync(join(outDir, paths.shards), { recursive: true, force: true });
  const files = serializeSnapshot(snapshot);
  mkdirSync(join(outDir, paths.shards), { recursive: true });
  writeFileSync(join(outDir, paths.head), files.head);
  writeFileSync(join(outDir, paths.titles), files.titles);
  if (files.delegates) writeFileSync(join(outDir, paths.delegates), files.delegates);
  let totalBytes = files.head.length + files.titles.length + (files.delegates?.length ?? 0);
  for (const [file, logs] of shards) {
    const [part, shard] = file.split('/');
    const path = join(outDir, paths.shard(part, shard));
    mkdirSync(dirname(path), { recursive: true });
    const text = JSON.stringify(logs.map(compactLog));
    writeFileSync(path, text);
    totalBytes += text.length;
  }
  return {
    block: last,
    logs: index.select().length,
    files: shards.size + (files.delegates ? 3 : 2),
    headBytes: files.head.length,
    totalBytes,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'dist/config.json' },
      chain: { type: 'string' },
      block: { type: 'string' },
      rpc: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const config = parseAppConfig(JSON.parse(readFileSync(values.config!, 'utf8')));
  const chain = values.chain ? config.chains.find((c) => c.id === Number(values.chain)) : config.chains[0];
  if (!chain) throw new Error(`No chain ${values.chain} in ${values.config}.`);
  const rpc = values.rpc ?? chain.rpcUrls[0];
  const started = Date.now();
  const summary = await writeHistorySnapshot({
    request: httpRequest(rpc),
    chain,
    outDir: values.out ?? dirname(values.config!),
    block: values.block ? BigInt(values.block) : undefined,
  });
  console.log(
    `History snapshot of ${chain.name} at block ${summary.block}: ${summary.logs} logs, ${summary.files} files, ` +
      `head ${(summary.headBytes / 1024).toFixed(1)} KiB, all ${(summary.totalBytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
