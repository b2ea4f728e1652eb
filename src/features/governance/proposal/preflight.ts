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
  numberToHex,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { altGovernorAbi, altStakingAbi, altTimelockAbi } from '../../../lib/contracts/generated.ts';
import { loadContractWords } from '../../../lib/errors/load-contract-words.ts';
import type { ReadClient } from '../../../lib/web3/chains.ts';
import { formatAmount } from '../../../lib/format/amount.ts';

/** `Transfer(address,address,uint256)`; native coin moves are traced as the same log from this address. */
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
export const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';

export interface PreflightInput {
  executor: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  /** Our contracts, whose parameters are compared before and after. */
  contracts: { staking?: Address; governor?: Address; timelock?: Address };
}

export type ActionOutcome = { ok: true } | { ok: false; reason: string };

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
  const value = decodeFunctionResult({ abi, functionName: view, data } as never) as unknown;
  if (typeof value === 'bigint' || typeof value === 'number') return [[view, BigInt(value)]];
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'bigint' || typeof v === 'number' ? [[k, BigInt(v)] as [string, bigint]] : [],
    );
  return [];
}

/** Why a call reverted, in words where the protocol's errors name it. */
export async function revertReason(data: Hex | undefined, fallback?: string): Promise<string> {
  if (!data || data === '0x') return fallback || 'It reverts without a reason.';
  const words = await loadContractWords().catch(() => undefined);
  const ours = words?.decodeProtocolError(data);
  if (ours && words && ours.errorName !== 'Error' && ours.errorName !== 'Panic') {
    const args = ours.args.map((a) => (typeof a === 'bigint' ? a.toString() : String(a))).join(', ');
    const call = `${ours.errorName}(${args})`;
    // The executor, not the reader, is short here: the words say who.
    const [who, has, needs] = ours.args as [string, bigint, bigint];
    if (ours.errorName === 'ERC20InsufficientBalance')
      return `${who} holds ${formatAmount(has)} but the action moves ${formatAmount(needs)} (${call}).`;
    if (ours.errorName === 'ERC20InsufficientAllowance')
      return `${who} may spend only ${formatAmount(has)} of the executor's tokens but the action needs ${formatAmount(needs)} (${call}).`;
    return `${words.contractMessage(ours.errorName, ours.args)} (${call})`;
  }
  try {
    const decoded = decodeErrorResult({ abi: [], data });
    return decoded.errorName === 'Error'
      ? String(decoded.args?.[0])
      : `${decoded.errorName}(${decoded.args?.join(', ')})`;
  } catch {
    return `It reverts with data ${data.slice(0, 10)} the app cannot name.`;
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

/** Whether an error says the method or a parameter is not supported (as opposed to a call failing). */
const unsupported = (error: unknown) =>
  /not (found|supported|available|exist)|unsupported|unknown method|method .*not|does not exist|-32601|invalid params|unknown field|stateoverride/i.test(
    `${(error as { code?: number })?.code ?? ''} ${(error as Error)?.message ?? ''} ${(error as { details?: string })?.details ?? ''}`,
  );

/** The pre-flight of `input` at block `blockNumber` (the head the page read). */
export async function preflight(client: ReadClient, input: PreflightInput, blockNumber: bigint): Promise<Preflight> {
  const block = numberToHex(blockNumber);
  const from = input.executor;
  const actions = input.targets.map((to, i) => ({
    from,
    to,
    data: input.calldatas[i],
    ...(input.values[i] > 0n ? { value: numberToHex(input.values[i]) } : {}),
  }));
  const reads = parameterReads(input);
  const readCalls = reads.map((r) => ({ from, to: r.contract, data: r.data }));
  try {
    const [simulated] = (await client.request({
      method: 'eth_simulateV1',
      params: [
        {
          blockStateCalls: [{ calls: [...readCalls, ...actions, ...readCalls] }],
          traceTransfers: true,
          validation: false,
        },
        block,
      ],
    } as never)) as { calls: SimulatedCall[] }[];
    const calls = simulated.calls;
    const before = calls.slice(0, reads.length);
    const done = calls.slice(reads.length, reads.length + actions.length);
    const after = calls.slice(reads.length + actions.length);
    const outcomes = await Promise.all(
      done.map(async (c): Promise<ActionOutcome> =>
        c.status === '0x1' ? { ok: true } : { ok: false, reason: await revertReason(c.returnData, c.error?.message) },
      ),
    );
    const allOk = outcomes.every((o) => o.ok);
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
    if (!unsupported(error)) throw error;
  }
  // No eth_simulateV1: each action alone, as an eth_call from the executor.
  try {
    const outcomes = await Promise.all(
      actions.map(async (call, i): Promise<ActionOutcome> => {
        const value = input.values[i];
        const params: unknown[] = [call, block];
        // The executor is given the coin the action sends (an execution brings it with `execute`).
        if (value > 0n) params.push({ [from]: { balance: numberToHex(value) } });
        try {
          await client.request({ method: 'eth_call', params } as never);
          return { ok: true };
        } catch (error) {
          if (unsupported(error)) throw error;
          const data = findRevertData(error);
          if (data === undefined && !/revert/i.test(String((error as Error)?.message))) throw error;
          return { ok: false, reason: await revertReason(data, (error as { details?: string }).details) };
        }
      }),
    );
    return { method: 'each', blockNumber, outcomes };
  } catch (error) {
    if (!unsupported(error)) throw error;
    return {
      method: 'unavailable',
      blockNumber,
      reason: 'This provider cannot simulate calls (it has neither eth_simulateV1 nor eth_call with state overrides).',
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
