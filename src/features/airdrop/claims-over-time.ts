/** The airdrop's claims as changes to the amount claimed, from the one log index. */
import { decodeEventLog, toEventSelector, type Address } from 'viem';
import { altAirdropAbi } from '../../lib/contracts/generated.ts';
import type { LogFilter } from '../../lib/logs/log-index.ts';
import type { IndexedLog } from '../../lib/logs/log-store.ts';
import type { Change } from '../../lib/charts/anchored-series.ts';

const CLAIMS = ['Claimed', 'ClaimedAndStaked', 'ClaimedToVotes'].map((name) =>
  altAirdropAbi.find((i) => i.type === 'event' && i.name === name)!,
);

/** Every claim on `airdrop` among the logs `select` returns, oldest first, as an increase of the claimed total. */
export function claimChanges(select: (f: LogFilter) => IndexedLog[], airdrop: Address): Change[] {
  return select({ address: airdrop, topic0: CLAIMS.map((e) => toEventSelector(e as never)) })
    .map((log) => {
      const { args } = decodeEventLog({ abi: CLAIMS, data: log.data, topics: log.topics as never }) as {
        args: { amount: bigint };
      };
      return { blockNumber: log.blockNumber, logIndex: log.logIndex, delta: args.amount };
    })
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    )
    .map(({ blockNumber, delta }) => ({ blockNumber, delta }));
}
