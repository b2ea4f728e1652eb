/**
 * A devnet at mainnet height and depth, for measuring the app as a real deployment's history would
 * load it: the chain starts at block 19,000,000 (a genesis file anvil honours), the usual month of
 * seeded history is followed by tens of thousands of 12-second blocks carrying a deployment's worth
 * of events: 2,000 operators (some slashed, some changing commission), 20,000 delegators to 2,000
 * delegates, 5,000 stakers, 1,000 proposals and 50,000 votes with reasons.
 *
 * Seeding sends impersonated transactions in JSON-RPC batches with mining off and mines them a
 * block at a time (a few hundred per block), then mines the empty blocks between: a few minutes in
 * all. The result is dumped to a state file keyed by the contracts and this script, so later runs
 * load it in seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { encodeFunctionData, keccak256, numberToHex, parseEther, toHex, type Address, type Hex } from 'viem';
import { altGovernorAbi, altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../src/lib/contracts/generated.ts';
import { startAnvil } from './anvil.ts';
import { createDevnetClient } from './client.ts';
import { DEFAULT_PARAMETERS } from './deploy.ts';
import { ROLES } from './seed.ts';
import { extraOperatorAddress, inlineMetadata } from './scale.ts';
import { startDevnet, writeDevnetConfig, type Devnet } from './start.ts';
import type { Deployment } from './deploy.ts';

export const DEEP = {
  genesisBlock: 19_000_000,
  operators: 2_000,
  delegates: 2_000,
  delegators: 20_000,
  stakers: 5_000,
  proposals: 1_000,
  votesPerDelegate: 25,
  slashed: 20,
  commissionChanges: 200,
  /** Empty 12-second blocks after the seeded month, mined while the state is still small. */
  quietBlocks: 19_000,
  /** Blocks between proposal waves (20 proposals each), and between vote waves. */
  waveBlocks: 10,
  proposalsPerWave: 20,
  blockSeconds: 12,
  /** The recent past after the growth: blocks at an ordinary pace (a delegation and a vote each). */
  recentBlocks: 1_000,
  /** Transactions per mined block while seeding. */
  perBlock: 400,
  gasLimit: 2_000_000_000n,
  /** Recent states anvil keeps, in memory (reads pinned to a block a page saw stay answerable). */
  keptStates: 256,
};

const root = new URL('..', import.meta.url).pathname;
const CACHE_DIR = join(root, 'node_modules/.cache/alt-deep-devnet');

/** Deterministic actors nobody holds keys for; anvil impersonates them. */
export const deepActor = (kind: string, i: number): Address =>
  `0x${keccak256(toHex(`alt-deep-${kind}-${i}`)).slice(26)}` as Address;

interface Tx {
  from: Address;
  to: Address;
  data: Hex;
  gas: bigint;
  nonce?: number;
}

/** Mines one block at chain time `timestamp`. */
async function jumpTo(url: string, timestamp: number) {
  await rpc(url, [{ method: 'evm_mine', params: [timestamp] }]);
}

/** Raw JSON-RPC to anvil, batched; throws on the first error with the method named. */
async function rpc(url: string, calls: { method: string; params: unknown[] }[]): Promise<any[]> {
  const out: any[] = [];
  for (let i = 0; i < calls.length; i += 500) {
    const chunk = calls.slice(i, i + 500);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chunk.map((c, id) => ({ jsonrpc: '2.0', id, ...c }))),
    });
    const answers = ((await response.json()) as any[]).sort((a, b) => a.id - b.id);
    for (const [k, a] of answers.entries()) {
      if (a.error) throw new Error(`${chunk[k].method}: ${a.error.message}`);
      out.push(a.result);
    }
  }
  return out;
}

class Chain {
  constructor(readonly url: string) {}

  /** Sends `txs` in order, a block of `perBlock` at a time, each block 12 s after the last; checks every receipt. */
  async send(txs: Tx[], label: string) {
    if (txs.length >= 1_000 || /wave (0|49)$/.test(label))
      console.log(`  deep devnet: ${label} (${txs.length} transactions) at ${new Date().toISOString().slice(11, 19)}`);
    for (let i = 0; i < txs.length; i += DEEP.perBlock) {
      const chunk = txs.slice(i, i + DEEP.perBlock);
      const hashes = await rpc(
        this.url,
        chunk.map((t) => ({
          method: 'eth_sendTransaction',
          params: [
            {
              from: t.from,
              to: t.to,
              data: t.data,
              gas: numberToHex(t.gas),
              ...(t.nonce === undefined ? {} : { nonce: numberToHex(t.nonce) }),
            },
          ],
        })),
      );
      await this.mine(1);
      const [receipts] = await rpc(this.url, [{ method: 'eth_getBlockReceipts', params: ['latest'] }]);
      const failed = (receipts as { status: Hex; transactionHash: Hex }[]).filter((r) => r.status !== '0x1');
      if (receipts.length !== hashes.length || failed.length)
        throw new Error(
          `${label}: ${receipts.length}/${hashes.length} mined, ${failed.length} reverted (${failed[0]?.transactionHash})`,
        );
    }
  }

  /** Mines `count` blocks 12 s apart. */
  async mine(count: number) {
    // A thousand at a time: one long call would outlast the HTTP client's patience.
    for (let left = count; left > 0; left -= 1_000) {
      const n = Math.min(1_000, left);
      await rpc(this.url, [{ method: 'anvil_mine', params: [numberToHex(n), numberToHex(DEEP.blockSeconds)] }]);
    }
  }
}

const call = (
  from: Address,
  to: Address,
  abi: readonly unknown[],
  functionName: string,
  args: unknown[],
  gas: bigint,
  nonce?: number,
): Tx => ({
  from,
  to,
  data: encodeFunctionData({ abi: abi as never, functionName, args } as never),
  gas,
  nonce,
});

/** Seconds the history's blocks span (12 s apart), plus the two jumps of chain time in it. */
export const deepSeconds = () => {
  const waves = DEEP.proposals / DEEP.proposalsPerWave;
  const blocks = DEEP.quietBlocks + 2 * waves * DEEP.waveBlocks + 400 + DEEP.recentBlocks;
  return blocks * DEEP.blockSeconds + DEFAULT_PARAMETERS.votingDelay + DEFAULT_PARAMETERS.votingPeriod;
};

/**
 * Writes the deep history on a devnet whose seeded month has just ended. anvil recomputes its state
 * root over every account and storage slot for each block it mines (about 1.5 µs a slot), so the
 * blocks go where the state is small: a quiet stretch of empty blocks first, then the protocol's
 * growth in the last fifteen hundred: operators and delegates, proposals in waves, a day later (one
 * jump of chain time) the votes, and the tens of thousands of delegators and stakers last. The
 * depth a log scan must cover is the same as if the events were spread evenly.
 */
export async function seedDeep(devnet: Devnet) {
  const { client, deployment, accounts } = devnet;
  const url = devnet.anvil.url;
  const { staking, votes, governor, timelock, alt } = deployment.contracts;
  const chain = new Chain(url);
  await rpc(url, [
    { method: 'anvil_autoImpersonateAccount', params: [true] },
    { method: 'evm_setAutomine', params: [false] },
  ]);
  const nonces = new Map<Address, number>();
  const next = async (from: Address) => {
    if (!nonces.has(from))
      nonces.set(from, Number(await client.getTransactionCount({ address: from, blockTag: 'pending' })));
    const n = nonces.get(from)!;
    nonces.set(from, n + 1);
    return n;
  };
  const fund = (addresses: Address[]) =>
    rpc(
      url,
      addresses.map((a) => ({ method: 'anvil_setBalance', params: [a, numberToHex(parseEther('10'))] })),
    );
  const amountOf = (i: number) => parseEther(String(1_000 + ((i * 7_919) % 99_000)));
  await chain.mine(DEEP.quietBlocks);
  const treasury = async (recipients: Address[], amount: (i: number) => bigint, label: string) => {
    const txs: Tx[] = [];
    for (const [i, to] of recipients.entries())
      txs.push(call(timelock, alt, altLayerTokenAbi, 'transfer', [to, amount(i)], 120_000n, await next(timelock)));
    await chain.send(txs, label);
  };

  // Operators: allowlisted by governance (the timelock), then each registers itself.
  const existing = Number(
    await client.readContract({ address: staking, abi: altStakingAbi, functionName: 'operatorCount' }),
  );
  const operators = Array.from({ length: DEEP.operators - existing }, (_, k) => extraOperatorAddress(existing + k));
  await fund([timelock, ...operators]);
  const allow: Tx[] = [];
  for (const op of operators)
    allow.push(
      call(timelock, staking, altStakingAbi, 'setOperatorAllowlisted', [op, true], 200_000n, await next(timelock)),
    );
  await chain.send(allow, 'allowlist operators');
  await chain.send(
    operators.map((op, k) =>
      call(
        op,
        staking,
        altStakingAbi,
        'registerOperator',
        [inlineMetadata(existing + k), [1, 2, 4, 3, 5, 6, 7][k % 7], 100 + ((k * 37) % 1_900)],
        600_000n,
        0,
      ),
    ),
    'register operators',
  );
  await chain.send(
    operators
      .slice(0, DEEP.commissionChanges)
      .map((op, k) => call(op, staking, altStakingAbi, 'requestCommissionChange', [200 + k], 200_000n, 1)),
    'commission changes',
  );

  // Delegates hold and wrap ALT of their own: the voting power they vote with from the start.
  const delegates = Array.from({ length: DEEP.delegates }, (_, i) => deepActor('delegate', i));
  const delegatePower = (i: number) => parseEther(String(50_000 + ((i * 104_729) % 450_000)));
  await fund(delegates);
  await treasury(delegates, delegatePower, 'treasury grants to delegates');
  await chain.send(
    delegates.map((d, i) => call(d, alt, altLayerTokenAbi, 'approve', [votes, delegatePower(i)], 100_000n, 0)),
    'delegate approvals',
  );
  await chain.send(
    delegates.map((d, i) => call(d, votes, altVotesAbi, 'depositAndDelegate', [delegatePower(i), d], 400_000n, 1)),
    'delegates wrap',
  );
  await chain.mine(100);

  // Proposals in waves, and each delegate's votes once a wave's voting opens (a day later); the
  // largest holder (#1, who proposes) votes For on every third, so some pass and some fail quorum.
  const proposer = accounts[ROLES.devAccounts[0]];
  const waves = DEEP.proposals / DEEP.proposalsPerWave;
  const ids: bigint[] = [];
  const voters = new Map<number, number[]>();
  for (let d = 0; d < DEEP.delegates; d++)
    for (let m = 0; m < DEEP.votesPerDelegate; m++) {
      const p = (d * 7 + m * 40) % DEEP.proposals;
      voters.set(p, [...(voters.get(p) ?? []), d]);
    }
  const voteNonces = new Map<number, number>();
  /** Wave `w`'s proposals, and the ids they got. */
  const proposeWave = async (w: number) => {
    const txs: Tx[] = [];
    for (let k = 0; k < DEEP.proposalsPerWave; k++) {
      const p = w * DEEP.proposalsPerWave + k;
      const description = `# AIP-${100 + p}: ${['Fund', 'Extend', 'Audit', 'Adjust'][p % 4]} ${['VITAL', 'MACH', 'SQUAD'][p % 3]} programme ${p}\n\nA proposal of the deep devnet's history (${p}).`;
      const calldata = encodeFunctionData({
        abi: altLayerTokenAbi,
        functionName: 'transfer',
        args: [deepActor('grantee', p), parseEther(String(1_000 + p))],
      });
      txs.push(
        call(
          proposer,
          governor,
          altGovernorAbi,
          'propose',
          [[alt], [0n], [calldata], description],
          1_500_000n,
          await next(proposer),
        ),
      );
    }
    await chain.send(txs, `proposal wave ${w}`);
    const count = Number(
      await client.readContract({ address: governor, abi: altGovernorAbi, functionName: 'proposalCount' }),
    );
    for (let i = count - DEEP.proposalsPerWave; i < count; i++) {
      const [id] = (await client.readContract({
        address: governor,
        abi: altGovernorAbi,
        functionName: 'proposalDetailsAt',
        args: [BigInt(i)],
      })) as readonly [bigint, ...unknown[]];
      ids.push(id);
    }
  };
  /** The votes on wave `w`'s proposals. */
  const voteWave = async (w: number) => {
    const txs: Tx[] = [];
    for (let k = 0; k < DEEP.proposalsPerWave; k++) {
      const p = w * DEEP.proposalsPerWave + k;
      if (p % 3 === 0)
        txs.push(call(proposer, governor, altGovernorAbi, 'castVote', [ids[p], 1], 400_000n, await next(proposer)));
      for (const d of voters.get(p) ?? []) {
        const nonce = voteNonces.get(d) ?? 2;
        voteNonces.set(d, nonce + 1);
        const support = (d + p) % 5 === 0 ? 0 : (d + p) % 7 === 0 ? 2 : 1;
        const reason = `Delegate ${d} on AIP-${100 + p}: ${['aligned with the roadmap', 'budget too large', 'needs an audit first', 'good for stakers'][(d + p) % 4]}.`;
        txs.push(
          call(
            delegates[d],
            governor,
            altGovernorAbi,
            'castVoteWithReason',
            [ids[p], support, reason],
            400_000n,
            nonce,
          ),
        );
      }
    }
    await chain.send(txs, `vote wave ${w}`);
  };
  /** Every wave, `waveBlocks` apart. */
  const everyWave = async (wave: (w: number) => Promise<void>) => {
    const start = await client.getBlockNumber();
    for (let w = 0; w < waves; w++) {
      await chain.mine(Number(start + BigInt(w * DEEP.waveBlocks) - (await client.getBlockNumber())));
      await wave(w);
    }
  };
  const firstCreated = Number((await client.getBlock()).timestamp) + DEEP.blockSeconds;
  await everyWave(proposeWave);
  // Voting opens a day after each wave: one jump of chain time, then the vote waves 12 s apart.
  await jumpTo(url, firstCreated + DEFAULT_PARAMETERS.votingDelay + 60);
  await everyWave(voteWave);
  // Then time passes until the first half of the proposals has closed and the rest are still open.
  const middle = firstCreated + (waves / 2) * DEEP.waveBlocks * DEEP.blockSeconds;
  await jumpTo(url, middle + DEFAULT_PARAMETERS.votingDelay + DEFAULT_PARAMETERS.votingPeriod + 60);

  // The crowd arrives last: delegators wrapping ALT delegated to the delegates (ten apiece), stakers
  // spread over the operators (the first hundred busier), and a few slashes.
  const delegators = Array.from({ length: DEEP.delegators }, (_, i) => deepActor('delegator', i));
  const stakers = Array.from({ length: DEEP.stakers }, (_, i) => deepActor('staker', i));
  await fund([...delegators, ...stakers]);
  await treasury([...delegators, ...stakers], amountOf, 'treasury transfers');
  await chain.send(
    delegators.map((d, i) => call(d, alt, altLayerTokenAbi, 'approve', [votes, amountOf(i)], 100_000n, 0)),
    'delegator approvals',
  );
  await chain.send(
    delegators.map((d, i) =>
      call(d, votes, altVotesAbi, 'depositAndDelegate', [amountOf(i), delegates[i % DEEP.delegates]], 400_000n, 1),
    ),
    'delegations',
  );
  const operatorOf = (k: number) => (k % 3 === 0 ? operators[k % 100] : operators[k % operators.length]);
  const stakeOf = (k: number) => amountOf(DEEP.delegators + k);
  await chain.send(
    stakers.map((st, k) => call(st, alt, altLayerTokenAbi, 'approve', [staking, stakeOf(k)], 100_000n, 0)),
    'staker approvals',
  );
  await chain.send(
    stakers.map((st, k) => call(st, staking, altStakingAbi, 'stake', [operatorOf(k), stakeOf(k)], 700_000n, 1)),
    'stakes',
  );
  const slashes: Tx[] = [];
  for (let k = 0; k < DEEP.slashed; k++)
    slashes.push(
      call(
        timelock,
        staking,
        altStakingAbi,
        'slash',
        [operators[200 + k * 7], 300n + BigInt(k), `Missed ${k + 3} MACH attestations in epoch ${40_000 + k}`],
        20_000_000n,
        await next(timelock),
      ),
    );
  await chain.send(slashes, 'slashes');
  // A slash applies its first page at once; anyone finishes the rest, a page per call.
  for (let k = 0; k < DEEP.slashed; k++) {
    const operator = operators[200 + k * 7];
    for (;;) {
      const [fraction] = await client.readContract({
        address: staking,
        abi: altStakingAbi,
        functionName: 'slashInProgress',
        args: [operator],
      });
      if (fraction === 0n) break;
      await chain.send(
        [call(timelock, staking, altStakingAbi, 'continueSlash', [operator, 64n], 10_000_000n, await next(timelock))],
        'slash pages',
      );
    }
  }

  // Then the recent past at the history's ordinary pace, not its bursts: each block a delegator
  // moves to another delegate and a staker leaves its operator (the proposals have closed by then).
  // A site rebuilt a week ago has this much left to read, in the last `recentBlocks`.
  const slashedOperators = new Set(Array.from({ length: DEEP.slashed }, (_, k) => operators[200 + k * 7]));
  console.log(`  deep devnet: ${DEEP.recentBlocks} recent blocks at ${new Date().toISOString().slice(11, 19)}`);
  for (let j = 0, k = 0; j < DEEP.recentBlocks; j++, k++) {
    const i = (j * 17) % DEEP.delegators;
    while (slashedOperators.has(operatorOf(k))) k++;
    await chain.send(
      [
        call(delegators[i], votes, altVotesAbi, 'delegate', [delegates[(i + 1 + j) % DEEP.delegates]], 300_000n, 2),
        call(stakers[k], staking, altStakingAbi, 'unstakeAll', [operatorOf(k)], 700_000n, 2),
      ],
      'recent block',
    );
  }
  // The last block at the present, as the regular devnet ends.
  const latest = Number((await client.getBlock()).timestamp);
  await jumpTo(url, Math.max(Math.floor(Date.now() / 1000), latest + DEEP.blockSeconds));
  await rpc(url, [
    { method: 'evm_setAutomine', params: [true] },
    { method: 'anvil_autoImpersonateAccount', params: [false] },
  ]);
}

/** Bump when the history written changes: the cached state is keyed by it and the contracts. */
const HISTORY_VERSION = 3;

/** The state file for the current contracts, seed and history. */
export function cacheFile(): string {
  const hash = createHash('sha256');
  // The contracts by their sources' hash (what decides their bytecode), not by a generated file's layout.
  hash.update(
    `contracts:${/source-hash: (\w+)/.exec(readFileSync(join(root, 'src/lib/contracts/generated.ts'), 'utf8'))?.[1]}`,
  );
  // Every file that decides the seeded state (the proposals' texts and actions included).
  for (const file of [
    'devnet/seed.ts',
    'devnet/proposals.ts',
    'devnet/operators.ts',
    'devnet/safe.ts',
    'devnet/statements.ts',
    'devnet/ens.ts',
    'devnet/start.ts',
    'devnet/scale.ts',
    'devnet/alt-token.ts',
    'devnet/deploy.ts',
  ])
    hash.update(readFileSync(join(root, file)));
  hash.update(JSON.stringify({ HISTORY_VERSION, ...DEEP }, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
  return join(CACHE_DIR, `${hash.digest('hex').slice(0, 16)}.json`);
}

/**
 * The deep devnet on `port`: loaded from the cached state when there is one, else built (a few
 * minutes) and cached. Writes the deployment into the app's config like the regular devnet.
 */
export async function startDeepDevnet(port: number, { writeConfig = true } = {}) {
  const file = cacheFile();
  const stateFile = file.replace(/\.json$/, '.state.gz');
  if (!existsSync(file) || !existsSync(stateFile)) {
    console.log(`Building the deep devnet once (about fifteen minutes); it is cached in ${CACHE_DIR}`);
    const devnet = await startDevnet({
      port,
      writeConfig: false,
      genesisBlock: DEEP.genesisBlock,
      reserveSeconds: deepSeconds(),
      gasLimit: DEEP.gasLimit,
      pruneHistory: DEEP.keptStates,
    });
    try {
      await seedDeep(devnet);
      // anvil_dumpState answers the state as gzip'd JSON, hex-encoded.
      const [state] = await rpc(devnet.anvil.url, [{ method: 'anvil_dumpState', params: [] }]);
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(stateFile, Buffer.from((state as string).slice(2), 'hex'));
      writeFileSync(file, JSON.stringify({ deployment: devnet.deployment }));
    } finally {
      await devnet.stop();
    }
  }
  const { deployment } = JSON.parse(readFileSync(file, 'utf8'));
  // Loaded from a file at start (anvil refuses a state this large over JSON-RPC); the file is
  // the state's JSON, hundreds of MB, so it exists only while anvil reads it.
  const loadState = join(tmpdir(), `alt-deep-devnet-${process.pid}.json`);
  writeFileSync(loadState, gunzipSync(readFileSync(stateFile)));
  let anvil;
  try {
    anvil = await startAnvil({
      port,
      gasLimit: DEEP.gasLimit,
      pruneHistory: DEEP.keptStates,
      loadState,
      readyWithinMs: 60_000,
    });
  } finally {
    rmSync(loadState, { force: true });
  }
  try {
    const client = createDevnetClient(anvil.url);
    if (writeConfig) await writeDevnetConfig(deployment, anvil.url);
    return { anvil, client, deployment: deployment as Deployment, stop: anvil.stop };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
