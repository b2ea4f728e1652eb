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
import { cleanText } from '../../lib/format/clean-text.ts';
import { formatDuration } from '../../lib/format/time.ts';
import { numberFormat } from '../../lib/format/intl.ts';
import * as m from '../../lib/i18n/messages.ts';

export type KnownContract = 'alt' | 'votes' | 'staking' | 'governor' | 'timelock' | 'airdrop';

const ABIS: Record<KnownContract, Abi> = {
  alt: altLayerTokenAbi,
  votes: altVotesAbi,
  staking: altStakingAbi,
  governor: altGovernorAbi,
  timelock: altTimelockAbi,
  airdrop: altAirdropAbi,
};

export const CONTRACT_NAMES: Record<KnownContract, () => string> = {
  alt: m.gov_decode_action_contract_alt,
  votes: m.gov_decode_action_contract_votes,
  staking: m.gov_decode_action_contract_staking,
  governor: m.gov_decode_action_contract_governor,
  timelock: m.gov_decode_action_contract_timelock,
  airdrop: m.gov_decode_action_contract_airdrop,
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
  /** Who pays, as put in a message: a marked address, or words. */
  payer: string;
  alt: string;
  votes: string;
  /** An address as put in a message: marked, it comes out of the sentence as its own part. */
  at: (address: Address) => string;
}

/**
 * Each address goes into a message as this mark around its index, so the whole sentence is one
 * message (its word order the language's own) and the page still draws each address as a part.
 * Text from the chain has the mark removed before it goes in, so it can never forge an address part.
 */
const MARK = '\uE000';
const unmarked = (text: string) => text.replaceAll(MARK, '');

/** A message's text with marked addresses, as parts (empty pieces dropped). */
function toParts(text: string, addresses: Address[]): Part[] {
  return text.split(MARK).flatMap((piece, k): Part[] => {
    if (k % 2 === 0) return piece ? [piece] : [];
    const address = addresses[Number(piece)];
    return address ? [{ address }] : [];
  });
}

export function nameOf(address: Address, known: KnownAddresses): string | undefined {
  const entry = Object.entries(known.contracts).find(([, a]) => a?.toLowerCase() === address.toLowerCase());
  return entry && CONTRACT_NAMES[entry[0] as KnownContract]?.();
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
    .map(([name]) => CONTRACT_NAMES[name as KnownContract]?.());
}

function formatArg(value: unknown): string {
  if (typeof value === 'bigint') return numberFormat().format(value);
  if (Array.isArray(value)) return `[${value.map(formatArg).join(', ')}]`;
  // A string argument (a slash reason, a description, a URI) is the proposer's text.
  return typeof value === 'string' ? cleanText(value) : String(value);
}

type Describer = (args: readonly any[], ctx: SentenceContext) => string;

// Plain sentences for the calls governance makes most. The executor (the timelock, or the governor
// without one) is the one that pays: it is named, never assumed to be "the treasury".
const SENTENCES: Partial<Record<KnownContract, Record<string, Describer>>> = {
  alt: {
    transfer: ([to, amount], c) =>
      m.gov_decode_action_transfer({ amount: formatToken(amount, c.alt), from: c.payer, to: c.at(to) }),
    approve: ([spender, amount], c) =>
      m.gov_decode_action_approve({ spender: c.at(spender), amount: formatToken(amount, c.alt), owner: c.payer }),
  },
  votes: {
    delegate: ([to], c) => m.gov_decode_action_delegate({ from: c.payer, to: c.at(to) }),
  },
  staking: {
    setRewardRate: ([rate], c) =>
      BigInt(rate) === 0n
        ? m.gov_decode_action_stop_rewards()
        : m.gov_decode_action_reward_rate({ amount: formatToken(rate, c.alt) }),
    setUnbondingPeriod: ([s]) => m.gov_decode_action_unbonding_period({ duration: formatDuration(s) }),
    setCommissionDelay: ([s]) => m.gov_decode_action_commission_delay({ duration: formatDuration(s) }),
    setMaxCommission: ([bps]) => m.gov_decode_action_max_commission({ percent: Number(bps) / 100 }),
    setMinStake: ([amount], c) => m.gov_decode_action_min_stake({ amount: formatToken(amount, c.alt) }),
    setTreasury: ([to], c) => m.gov_decode_action_treasury({ to: c.at(to) }),
    fundRewards: ([amount], c) =>
      m.gov_decode_action_fund_rewards({ amount: formatToken(amount, c.alt), from: c.payer }),
    setOperatorAllowlisted: ([op, allowed], c) =>
      allowed
        ? m.gov_decode_action_allow_operator({ operator: c.at(op) })
        : m.gov_decode_action_remove_operator({ operator: c.at(op) }),
    slash: ([op, bps, reason], c) =>
      m.gov_decode_action_slash({
        operator: c.at(op),
        percent: Number(bps) / 100,
        reason: unmarked(cleanText(String(reason))),
      }),
    continueSlash: ([op, steps], c) =>
      m.gov_decode_action_continue_slash({ number: formatArg(steps), operator: c.at(op) }),
    applyCeiling: ([count]) => m.gov_decode_action_apply_ceiling({ number: formatArg(count) }),
    deactivateOperator: ([op], c) => m.gov_decode_action_deactivate_operator({ operator: c.at(op) }),
    activateOperator: ([op], c) => m.gov_decode_action_activate_operator({ operator: c.at(op) }),
  },
  timelock: {
    updateDelay: ([s]) => m.gov_decode_action_timelock_delay({ duration: formatDuration(s) }),
  },
  governor: {
    setVotingDelay: ([s]) => m.gov_decode_action_voting_delay({ duration: formatDuration(s) }),
    setVotingPeriod: ([s]) => m.gov_decode_action_voting_period({ duration: formatDuration(s) }),
    setProposalThreshold: ([v], c) => m.gov_decode_action_proposal_threshold({ amount: formatToken(v, c.votes) }),
    updateQuorumNumerator: ([n]) => m.gov_decode_action_quorum({ percent: n.toString() }),
  },
};

export function decodeAction(target: Address, value: bigint, calldata: Hex, known: KnownAddresses): DecodedAction {
  const checksummed = getAddress(target);
  const base = { target: checksummed, targetName: nameOf(checksummed, known), value, calldata };
  const contract = (Object.keys(known.contracts) as KnownContract[]).find(
    (k) => known.contracts[k]?.toLowerCase() === checksummed.toLowerCase() && k in ABIS,
  );
  const call = contract ? decodeWith(contract, calldata) : undefined;
  const addresses: Address[] = [];
  const at = (address: Address) => `${MARK}${addresses.push(address) - 1}${MARK}`;
  const sendsValue = (action: string) =>
    value > 0n ? m.gov_decode_action_and_send({ action, amount: formatEther(value) }) : action;
  if (!call) {
    return {
      ...base,
      summary: toParts(
        calldata === '0x'
          ? m.gov_decode_action_send_native({ amount: formatEther(value), to: at(checksummed) })
          : sendsValue(m.gov_decode_action_call_undecoded({ target: at(checksummed) })),
        addresses,
      ),
    };
  }
  const describe = SENTENCES[call.contract]?.[call.functionName];
  const raw = call.args.map((a) => a.raw);
  const executor = known.executor ?? known.contracts.timelock ?? known.contracts.governor;
  const ctx: SentenceContext = {
    payer: executor ? at(executor) : m.gov_decode_action_the_executor(),
    alt: unmarked(known.symbols?.alt ?? 'ALT'),
    votes: unmarked(known.symbols?.votes ?? m.gov_vote_bar_votes()),
    at,
  };
  const summary = describe
    ? describe(raw, ctx)
    : m.gov_decode_action_call_function({ signature: call.signature, target: at(checksummed) });
  return {
    ...base,
    call: { ...call, args: call.args.map(({ raw: _, ...arg }) => arg) },
    summary: toParts(sendsValue(summary), addresses),
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
