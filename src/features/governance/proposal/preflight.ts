/**
 * A proposal's pre-flight: what its actions would do if executed now, simulated at the head as its
 * executor (the timelock, else the governor) runs them, in order, with no key and no third party:
 * - `eth_simulateV1` where the provider has it: the actions as one sequence in one simulated block,
 *   each one's outcome, the token movements from the simulated `Transfer` logs (native coin from
 *   the node's traced transfers), and our contracts' parameters read before and after in the same
 *   block;
 * - else one `eth_call` per action as the executor, the executor given the coin an action sends (a
 *   state override), where the provider accepts that: each action's outcome on today's state, alone;
 * - else nothing, said plainly.
 * It never sends a transaction. It informs; it decides nothing.
 */
import {
  decodeErrorResult,
  decodeFunctionResult,
  encodeFunctionData,
  getAddress,
  isAddressEqual,
  numberToHex,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { altGovernorAbi, altStakingAbi, altTimelockAbi } from '../../../lib/contracts/generated.ts';
import { loadContractWords } from '../../../lib/errors/load-contract-words.svelte.ts';
import type { ReadClient } from '../../../lib/web3/chains.ts';
import { formatAmount } from '../../../lib/format/amount.ts';
import * as m from '../../../lib/i18n/messages.ts';
import { cleanText, clip } from '../../../lib/format/clean-text.ts';

/** `Transfer(address,address,uint256)`; native coin moves are traced as the same log from this address. */
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
export const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';

export interface PreflightInput {
  executor: Address;
  /** The governor: a call to it runs only inside its own `execute` (OpenZeppelin's onlyGovernance). */
  governor: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  /** Our contracts, whose parameters are compared before and after. */
  contracts: { staking?: Address; governor?: Address; timelock?: Address };
  /** The decimals of a token the app knows (ALT, the votes token), for amounts in whole tokens. */
  decimalsOf?: (token: Address) => number | undefined;
}

/**
 * An action's outcome: it succeeds, it reverts (why), or it was not simulated: a call to the
 * governor itself (its settings, `relay`) passes only from inside the governor's own `execute`,
 * which no simulation of the actions one by one can stand in for.
 */
export type ActionOutcome =
  { status: 'ok' } | { status: 'reverts'; reason: string } | { status: 'not-simulated'; reason: string };

export interface Movement {
  /** The token's address, or NATIVE. */
  token: Address;
  from: Address;
  to: Address;
  amount: bigint;
}

export interface ParameterChange {
  contract: Address;
  name: string;
  before: bigint;
  after: bigint;
}

export type Preflight =
  | {
      method: 'sequence';
      blockNumber: bigint;
      outcomes: ActionOutcome[];
      /** Every action succeeded: what would move and change (nothing does when one reverts). */
      movements: Movement[];
      changes: ParameterChange[];
    }
  | { method: 'each'; blockNumber: bigint; outcomes: ActionOutcome[] }
  | { method: 'unavailable'; blockNumber: bigint; reason: string };

/** The parameters of our contracts a proposal may change, each a view with no arguments. */
const PARAMETER_VIEWS: { contract: keyof PreflightInput['contracts']; abi: Abi; views: string[] }[] = [
  { contract: 'staking', abi: altStakingAbi, views: ['getParameters'] },
  {
    contract: 'governor',
    abi: altGovernorAbi,
    views: ['votingDelay', 'votingPeriod', 'proposalThreshold', 'quorumNumerator'],
  },
  { contract: 'timelock', abi: altTimelockAbi, views: ['getMinDelay'] },
];

interface ParameterRead {
  contract: Address;
  abi: Abi;
  view: string;
  data: Hex;
}

/** The parameter reads for the contracts of ours that `input`'s actions call. */
function parameterReads(input: PreflightInput): ParameterRead[] {
  const called = new Set(input.targets.map((t) => t.toLowerCase()));
  return PARAMETER_VIEWS.flatMap(({ contract, abi, views }) => {
    const address = input.contracts[contract];
    if (!address || !called.has(address.toLowerCase())) return [];
    return views.map((view) => ({
      contract: address,
      abi,
      view,
      data: encodeFunctionData({ abi, functionName: view } as never),
    }));
  });
}

/** A view's answer as named numbers (a struct's numeric fields, or the one number). */
export function numbersOf(abi: Abi, view: string, data: Hex): [string, bigint][] {
  let value: unknown;
  try {
    value = decodeFunctionResult({ abi, functionName: view, data } as never);
  } catch {
    // A contract at that address that answers otherwise: no figures from it, and no failure.
    return [];
  }
  if (typeof value === 'bigint' || typeof value === 'number') return [[view, BigInt(value)]];
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'bigint' || typeof v === 'number' ? [[k, BigInt(v)] as [string, bigint]] : [],
    );
  return [];
}

/** Why a call reverted, in words where the protocol's errors name it. */
export async function revertReason(
  data: Hex | undefined,
  fallback?: string,
  /** The decimals of the token the reverting call was made to, where the app knows them. */
  decimals?: number,
): Promise<string> {
  // The reverting contract's words and a node's are anyone's text: shown as chain text is.
  if (!data || data === '0x') return fallback ? clip(cleanText(fallback), 300) : m.proposal_preflight_no_reason();
  const words = await loadContractWords().catch(() => undefined);
  const ours = words?.decodeProtocolError(data);
  if (ours && words && ours.errorName !== 'Error' && ours.errorName !== 'Panic') {
    const args = ours.args.map((a) => (typeof a === 'bigint' ? a.toString() : String(a))).join(', ');
    const call = `${ours.errorName}(${args})`;
    // The executor, not the reader, is short here: the words say who.
    const [who, has, needs] = ours.args as [string, bigint, bigint];
    // In whole tokens where the token is one the app knows; else in the token's base units.
    const amount = (value: bigint) =>
      decimals === undefined
        ? m.proposal_preflight_base_units({ amount: value.toString() })
        : formatAmount(value, decimals, { maxFractionDigits: decimals });
    if (ours.errorName === 'ERC20InsufficientBalance')
      return m.proposal_preflight_insufficient_balance({ who, has: amount(has), needs: amount(needs), call });
    if (ours.errorName === 'ERC20InsufficientAllowance')
      return m.proposal_preflight_insufficient_allowance({ who, has: amount(has), needs: amount(needs), call });
    return `${words.contractMessage(ours.errorName, ours.args)} (${call})`;
  }
  try {
    const decoded = decodeErrorResult({ abi: [], data });
    return clip(
      cleanText(
        decoded.errorName === 'Error' ? String(decoded.args?.[0]) : `${decoded.errorName}(${decoded.args?.join(', ')})`,
      ),
      300,
    );
  } catch {
    return m.proposal_preflight_unnamed_revert({ selector: data.slice(0, 10) });
  }
}

interface SimulatedCall {
  status: Hex;
  returnData: Hex;
  logs: { address: Address; topics: Hex[]; data: Hex }[];
  error?: { message?: string; data?: Hex };
}

/** The ERC-20 (and traced native) movements in `logs`, in order. */
export function movementsOf(logs: SimulatedCall['logs']): Movement[] {
  return logs.flatMap((log) =>
    log.topics[0] === TRANSFER && log.topics.length === 3 && log.data.length === 66
      ? [
          {
            token: log.address.toLowerCase() === NATIVE ? (NATIVE as Address) : getAddress(log.address),
            from: getAddress(`0x${log.topics[1].slice(26)}`),
            to: getAddress(`0x${log.topics[2].slice(26)}`),
            amount: BigInt(log.data),
          },
        ]
      : [],
  );
}

/** The JSON-RPC code of an error, wherever viem put it. */
function codeOf(error: unknown): number | undefined {
  let at: unknown = error;
  for (let depth = 0; at && depth < 6; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

const textOf = (error: unknown) =>
  `${(error as Error)?.message ?? ''} ${(error as { details?: string })?.details ?? ''}`;

/** Whether the provider does not have `method` (as opposed to a call failing, or a block it lacks). */
const missingMethod = (error: unknown, method: string) =>
  codeOf(error) === -32601 ||
  codeOf(error) === -32004 ||
  new RegExp(`${method}.*(not (found|supported|available)|does not exist|unsupported)|unknown method`, 'i').test(
    textOf(error),
  );

/** Whether an `eth_call` failed because the provider takes no state override. */
const noOverrides = (error: unknown) =>
  codeOf(error) === -32602 || /override/i.test(textOf(error)) || missingMethod(error, 'eth_call');

/** The pre-flight of `input` at block `blockNumber` (the head the page read). */
export async function preflight(client: ReadClient, input: PreflightInput, blockNumber: bigint): Promise<Preflight> {
  const decimalsOf = input.decimalsOf ?? (() => undefined);
  const block = numberToHex(blockNumber);
  const from = input.executor;
  const selfCall = (to: Address) => isAddressEqual(to, input.governor) && !isAddressEqual(from, input.governor);
  const all = input.targets.map((to, i) => ({
    from,
    to,
    data: input.calldatas[i],
    ...(input.values[i] > 0n ? { value: numberToHex(input.values[i]) } : {}),
  }));
  // The governor's own calls are left out of the sequence and said so.
  const simulated = all.flatMap((call, i) => (selfCall(call.to) ? [] : [{ call, i }]));
  const reads = parameterReads(input);
  const readCalls = reads.map((r) => ({ from, to: r.contract, data: r.data }));
  // An execution brings the coin its actions send (`execute` is payable): the executor is given it.
  const sent = input.values.reduce((sum, v) => sum + v, 0n);
  const balance =
    sent > 0n
      ? BigInt((await client.request({ method: 'eth_getBalance', params: [from, block] } as never)) as string)
      : 0n;
  const funded = (extra: bigint) => ({ [from]: { balance: numberToHex(balance + extra) } });
  const outcomeOf = async (c: { status: Hex; returnData: Hex; error?: { message?: string } }, i: number) =>
    c.status === '0x1'
      ? ({ status: 'ok' } as const)
      : ({
          status: 'reverts',
          reason: await revertReason(c.returnData, c.error?.message, decimalsOf(input.targets[i])),
        } as const);
  const withSkipped = (ran: Map<number, ActionOutcome>): ActionOutcome[] =>
    all.map((_, i) => ran.get(i) ?? { status: 'not-simulated', reason: m.proposal_preflight_not_simulated() });
  try {
    const [answer] = (await client.request({
      method: 'eth_simulateV1',
      params: [
        {
          blockStateCalls: [
            {
              calls: [...readCalls, ...simulated.map((s) => s.call), ...readCalls],
              ...(sent > 0n ? { stateOverrides: funded(sent) } : {}),
            },
          ],
          traceTransfers: true,
          validation: false,
        },
        block,
      ],
    } as never)) as { calls: SimulatedCall[] }[];
    const calls = answer.calls;
    const before = calls.slice(0, reads.length);
    const done = calls.slice(reads.length, reads.length + simulated.length);
    const after = calls.slice(reads.length + simulated.length);
    const ran = new Map(
      await Promise.all(done.map(async (c, k) => [simulated[k].i, await outcomeOf(c, simulated[k].i)] as const)),
    );
    const outcomes = withSkipped(ran);
    const allOk = [...ran.values()].every((o) => o.status === 'ok');
    const changes: ParameterChange[] = [];
    if (allOk)
      reads.forEach((r, i) => {
        if (before[i]?.status !== '0x1' || after[i]?.status !== '0x1') return;
        const was = new Map(numbersOf(r.abi, r.view, before[i].returnData));
        for (const [name, value] of numbersOf(r.abi, r.view, after[i].returnData)) {
          const old = was.get(name);
          if (old !== undefined && old !== value)
            changes.push({ contract: r.contract, name, before: old, after: value });
        }
      });
    return {
      method: 'sequence',
      blockNumber,
      outcomes,
      movements: allOk ? done.flatMap((c) => movementsOf(c.logs)) : [],
      changes,
    };
  } catch (error) {
    // A provider without eth_simulateV1 gets the next way; any other failure is shown, to retry.
    if (!missingMethod(error, 'eth_simulateV1')) throw error;
  }
  // No eth_simulateV1: each action alone, as an eth_call from the executor (sent together).
  try {
    const ran = new Map(
      await Promise.all(
        simulated.map(async ({ call, i }): Promise<readonly [number, ActionOutcome]> => {
          const value = input.values[i];
          const params: unknown[] = value > 0n ? [call, block, funded(value)] : [call, block];
          try {
            await client.request({ method: 'eth_call', params } as never);
            return [i, { status: 'ok' }];
          } catch (error) {
            const data = findRevertData(error);
            if (data === undefined && (codeOf(error) !== 3 || !/revert/i.test(textOf(error)))) throw error;
            return [
              i,
              {
                status: 'reverts',
                reason: await revertReason(data, (error as { details?: string }).details, decimalsOf(call.to)),
              },
            ];
          }
        }),
      ),
    );
    return { method: 'each', blockNumber, outcomes: withSkipped(ran) };
  } catch (error) {
    if (!noOverrides(error)) throw error;
    return {
      method: 'unavailable',
      blockNumber,
      reason: m.proposal_preflight_unavailable(),
    };
  }
}

/** The revert data an RPC error carries, wherever viem put it. */
function findRevertData(error: unknown): Hex | undefined {
  let at: unknown = error;
  for (let depth = 0; at && depth < 6; depth++) {
    const data = (at as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x')) return data as Hex;
    if (data && typeof data === 'object' && typeof (data as { data?: unknown }).data === 'string')
      return (data as { data: Hex }).data;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}
