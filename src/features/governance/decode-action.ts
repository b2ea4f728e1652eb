/**
 * What a proposal will do, in words. Each call is decoded with the ABIs the app knows and then
 * re-encoded: only a decoding that reproduces the calldata byte for byte is shown as decoded, so a
 * lookalike selector or trailing bytes can never hide behind a friendly sentence.
 */
import {
  decodeFunctionData,
  encodeFunctionData,
  formatEther,
  getAddress,
  isAddress,
  type Abi,
  type AbiFunction,
  type Address,
  type Hex,
} from 'viem';
import {
  altAirdropAbi,
  altGovernorAbi,
  altLayerTokenAbi,
  altStakingAbi,
  altTimelockAbi,
  altVotesAbi,
} from '../../lib/contracts/generated.ts';
import { formatToken } from '../../lib/format/amount.ts';
import { formatDuration } from '../../lib/format/time.ts';

export type KnownContract = 'alt' | 'votes' | 'staking' | 'governor' | 'timelock' | 'airdrop';

const ABIS: Record<KnownContract, Abi> = {
  alt: altLayerTokenAbi,
  votes: altVotesAbi,
  staking: altStakingAbi,
  governor: altGovernorAbi,
  timelock: altTimelockAbi,
  airdrop: altAirdropAbi,
};

export const CONTRACT_NAMES: Record<KnownContract, string> = {
  alt: 'ALT token',
  votes: 'Votes token',
  staking: 'Staking',
  governor: 'Governor',
  timelock: 'Treasury (timelock)',
  airdrop: 'Airdrop',
};

/** A sentence made of text and addresses, so the page can show each address in full with its name. */
export type Part = string | { address: Address };

export interface DecodedArg {
  name: string;
  type: string;
  value: string;
  address?: Address;
}

export interface DecodedAction {
  target: Address;
  targetName?: string;
  value: bigint;
  calldata: Hex;
  /** Undefined when no known ABI reproduces the calldata. */
  call?: { contract: KnownContract; functionName: string; signature: string; args: DecodedArg[] };
  summary: Part[];
}

export interface KnownAddresses {
  contracts: Partial<Record<KnownContract, Address>>;
  /**
   * Who executes proposals, and so holds and pays what they move: the governor's timelock when it has
   * one, else the governor itself. Defaults to the timelock, else the governor.
   */
  executor?: Address;
  /** Token symbols read from the chain; default "ALT" and the votes token's "votes". */
  symbols?: { alt?: string; votes?: string };
}

interface SentenceContext {
  payer: Part;
  alt: string;
  votes: string;
}

export function nameOf(address: Address, known: KnownAddresses): string | undefined {
  const entry = Object.entries(known.contracts).find(([, a]) => a?.toLowerCase() === address.toLowerCase());
  return entry && CONTRACT_NAMES[entry[0] as KnownContract];
}

/**
 * Known addresses that `address` imitates: same first four and last four hex digits, yet a different
 * address (the vanity-address trick used to slip a lookalike recipient past a skim read).
 */
export function lookalikes(address: Address, known: KnownAddresses): string[] {
  const a = address.toLowerCase();
  return Object.entries(known.contracts)
    .filter(([, k]) => {
      const b = k?.toLowerCase();
      return !!b && b !== a && a.slice(2, 6) === b.slice(2, 6) && a.slice(-4) === b.slice(-4);
    })
    .map(([name]) => CONTRACT_NAMES[name as KnownContract]);
}

function formatArg(value: unknown): string {
  if (typeof value === 'bigint') return value.toLocaleString('en-US');
  if (Array.isArray(value)) return `[${value.map(formatArg).join(', ')}]`;
  return String(value);
}

type Describer = (args: readonly any[], ctx: SentenceContext) => Part[];

// Plain sentences for the calls governance makes most. The executor (the timelock, or the governor
// without one) is the one that pays: it is named, never assumed to be "the treasury".
const SENTENCES: Partial<Record<KnownContract, Record<string, Describer>>> = {
  alt: {
    transfer: ([to, amount], c) => [`Transfer ${formatToken(amount, c.alt)} from `, c.payer, ` to `, { address: to }],
    approve: ([spender, amount], c) => [
      `Allow `,
      { address: spender },
      ` to spend ${formatToken(amount, c.alt)} held by `,
      c.payer,
    ],
  },
  votes: {
    delegate: ([to], c) => [`Delegate the votes of `, c.payer, ` to `, { address: to }],
  },
  staking: {
    setRewardRate: ([rate], c) => [
      BigInt(rate) === 0n
        ? 'Stop staking rewards (set the reward rate to 0 per second)'
        : `Set the staking reward rate to ${formatToken(rate, c.alt)} per second`,
    ],
    setUnbondingPeriod: ([s]) => [`Set the unbonding period to ${formatDuration(s)}`],
    setCommissionDelay: ([s]) => [`Set the commission change delay to ${formatDuration(s)}`],
    setMaxCommission: ([bps]) => [`Cap operator commission at ${Number(bps) / 100}%`],
    setMinStake: ([amount], c) => [`Set the minimum stake to ${formatToken(amount, c.alt)}`],
    setTreasury: ([to]) => [`Send slashed stake to `, { address: to }],
    fundRewards: ([amount], c) => [`Fund staking rewards with ${formatToken(amount, c.alt)} from `, c.payer],
    setOperatorAllowlisted: ([op, allowed]) =>
      allowed
        ? [`Allow operator `, { address: op }, ` to register`]
        : [`Remove operator `, { address: op }, ` from the allowlist`],
    slash: ([op, bps, reason]) => [`Slash operator `, { address: op }, ` by ${Number(bps) / 100}% (${String(reason)})`],
    continueSlash: ([op, steps]) => [
      `Apply up to ${formatArg(steps)} more positions and requests of the slash of operator `,
      { address: op },
    ],
    applyCeiling: ([count]) => [`Bring up to ${formatArg(count)} more operators under the commission ceiling`],
    deactivateOperator: ([op]) => [`Deactivate operator `, { address: op }, ` (only governance can reactivate it)`],
    activateOperator: ([op]) => [`Reactivate operator `, { address: op }],
  },
  timelock: {
    updateDelay: ([s]) => [`Set the timelock delay to ${formatDuration(s)}`],
  },
  governor: {
    setVotingDelay: ([s]) => [`Set the voting delay to ${formatDuration(s)}`],
    setVotingPeriod: ([s]) => [`Set the voting period to ${formatDuration(s)}`],
    setProposalThreshold: ([v], c) => [`Set the proposal threshold to ${formatToken(v, c.votes)}`],
    updateQuorumNumerator: ([n]) => [`Set the quorum to ${n.toString()}% of the delegated voting power`],
  },
};

export function decodeAction(target: Address, value: bigint, calldata: Hex, known: KnownAddresses): DecodedAction {
  const checksummed = getAddress(target);
  const base = { target: checksummed, targetName: nameOf(checksummed, known), value, calldata };
  const contract = (Object.keys(known.contracts) as KnownContract[]).find(
    (k) => known.contracts[k]?.toLowerCase() === checksummed.toLowerCase() && k in ABIS,
  );
  const call = contract ? decodeWith(contract, calldata) : undefined;
  const sendsValue = value > 0n ? [` and send ${formatEther(value)} of the native coin`] : [];
  if (!call) {
    const what = calldata === '0x' ? 'Send' : 'Call';
    return {
      ...base,
      summary:
        calldata === '0x'
          ? [`${what} ${formatEther(value)} of the native coin to `, { address: checksummed }]
          : [`${what} `, { address: checksummed }, ` with data the app cannot decode`, ...sendsValue],
    };
  }
  const describe = SENTENCES[call.contract]?.[call.functionName];
  const raw = call.args.map((a) => a.raw);
  const executor = known.executor ?? known.contracts.timelock ?? known.contracts.governor;
  const ctx: SentenceContext = {
    payer: executor ? { address: executor } : 'the executor',
    alt: known.symbols?.alt ?? 'ALT',
    votes: known.symbols?.votes ?? 'votes',
  };
  const summary = describe ? describe(raw, ctx) : [`Call ${call.signature} on `, { address: checksummed }];
  return {
    ...base,
    call: { ...call, args: call.args.map(({ raw: _, ...arg }) => arg) },
    summary: [...summary, ...sendsValue],
  };
}

function decodeWith(contract: KnownContract, calldata: Hex) {
  const abi = ABIS[contract];
  try {
    const { functionName, args = [] } = decodeFunctionData({ abi, data: calldata });
    // Overloads (queue, execute, cancel) share a name: find the one whose encoding reproduces the bytes.
    for (const item of abi.filter((i): i is AbiFunction => i.type === 'function' && i.name === functionName)) {
      if (item.inputs.length !== args.length) continue;
      let encoded: Hex;
      try {
        encoded = encodeFunctionData({ abi: [item], functionName, args });
      } catch {
        continue;
      }
      if (encoded.toLowerCase() !== calldata.toLowerCase()) continue;
      return {
        contract,
        functionName,
        signature: `${functionName}(${item.inputs.map((i) => i.type).join(',')})`,
        args: item.inputs.map((input, k) => ({
          name: input.name || `arg${k}`,
          type: input.type,
          value: formatArg(args[k]),
          address: input.type === 'address' && isAddress(String(args[k])) ? getAddress(String(args[k])) : undefined,
          raw: args[k],
        })),
      };
    }
  } catch {
    // Unknown selector or malformed arguments: shown raw.
  }
  return undefined;
}
