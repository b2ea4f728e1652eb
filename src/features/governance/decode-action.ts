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
  altStakingAbi,
  altTimelockAbi,
  altTokenAbi,
} from '../../lib/contracts/generated.ts';
import { formatToken } from '../../lib/format/amount.ts';
import { formatDuration } from '../../lib/format/time.ts';

export type KnownContract = 'alt' | 'staking' | 'governor' | 'timelock' | 'airdrop';

const ABIS: Record<KnownContract, Abi> = {
  alt: altTokenAbi,
  staking: altStakingAbi,
  governor: altGovernorAbi,
  timelock: altTimelockAbi,
  airdrop: altAirdropAbi,
};

export const CONTRACT_NAMES: Record<KnownContract, string> = {
  alt: 'ALT token',
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

type Describer = (args: readonly any[]) => Part[];

// Plain sentences for the calls governance makes most; the timelock executes them, so "the treasury" pays.
const SENTENCES: Partial<Record<KnownContract, Record<string, Describer>>> = {
  alt: {
    transfer: ([to, amount]) => [`Transfer ${formatToken(amount)} from the treasury to `, { address: to }],
    approve: ([spender, amount]) => [
      `Allow `,
      { address: spender },
      ` to spend ${formatToken(amount)} of the treasury`,
    ],
    delegate: ([to]) => [`Delegate the treasury's votes to `, { address: to }],
  },
  staking: {
    setRewardRate: ([rate]) => [`Set the staking reward rate to ${formatToken(rate)} per second`],
    setUnbondingPeriod: ([s]) => [`Set the unbonding period to ${formatDuration(s)}`],
    setCommissionDelay: ([s]) => [`Set the commission change delay to ${formatDuration(s)}`],
    setMaxCommission: ([bps]) => [`Cap operator commission at ${Number(bps) / 100}%`],
    setMinStake: ([amount]) => [`Set the minimum stake to ${formatToken(amount)}`],
    setTreasury: ([to]) => [`Send slashed stake to `, { address: to }],
    fundRewards: ([amount]) => [`Fund staking rewards with ${formatToken(amount)} from the treasury`],
    setOperatorAllowlisted: ([op, allowed]) =>
      allowed
        ? [`Allow operator `, { address: op }, ` to register`]
        : [`Remove operator `, { address: op }, ` from the allowlist`],
    slash: ([op, bps, reason]) => [`Slash operator `, { address: op }, ` by ${Number(bps) / 100}% (${String(reason)})`],
  },
  governor: {
    setVotingDelay: ([s]) => [`Set the voting delay to ${formatDuration(s)}`],
    setVotingPeriod: ([s]) => [`Set the voting period to ${formatDuration(s)}`],
    setProposalThreshold: ([v]) => [`Set the proposal threshold to ${formatToken(v)}`],
    updateQuorumNumerator: ([n]) => [`Set the quorum to ${n.toString()}% of the supply`],
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
  const summary = describe ? describe(raw) : [`Call ${call.signature} on `, { address: checksummed }];
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
        encoded = encodeFunctionData({ abi: [item], functionName, args } as any);
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
