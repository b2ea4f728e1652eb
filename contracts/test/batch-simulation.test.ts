/**
 * The app's batch simulation (src/lib/tx/simulate.ts) against the real contracts on anvil: an
 * approve + stake batch is simulated as the sequence it will be, so a stake that would fail is
 * caught before the wallet is asked, though the approval alone would pass.
 */
import { describe, expect, it } from 'vitest';
import { altLayerTokenAbi, altStakingAbi } from '../../src/lib/contracts/generated.ts';
import { asImpersonated } from '../../devnet/client.ts';
import { simulateBatch } from '../../src/lib/tx/simulate.ts';
import { mapErrorWorded } from '../../src/lib/errors/map-error.ts';
import type { TxCall } from '../../src/lib/tx/tx-call.ts';
import { ALT, tx, useChain } from './fixture.ts';

describe('simulateBatch', () => {
  const chain = useChain({
    setup: async (c) => {
      const [, operator, staker] = c.accounts;
      const { staking, timelock } = c.deployment.contracts;
      await c.fund(staker, ALT(10_000));
      await asImpersonated(c.client, timelock, () =>
        tx(c, timelock, {
          address: staking,
          abi: altStakingAbi,
          functionName: 'setOperatorAllowlisted',
          args: [operator, true],
        }),
      );
      await tx(c, operator, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'registerOperator',
        args: ['ipfs://op', 1, 500],
      });
    },
  });
  const batch = (amount: bigint): TxCall[] => {
    const [, operator] = chain.accounts;
    const { alt, staking } = chain.deployment.contracts;
    return [
      { address: alt, abi: altLayerTokenAbi, functionName: 'approve', args: [staking, amount] },
      { address: staking, abi: altStakingAbi, functionName: 'stake', args: [operator, amount] },
    ];
  };

  it('passes a batch whose later call needs the earlier one: the stake sees its approval', async () => {
    await expect(simulateBatch(chain.client as never, chain.accounts[2], batch(ALT(2_000)))).resolves.toBeUndefined();
  });

  it('stops a batch whose second call would revert, where simulating the first alone would pass', async () => {
    const [, operator, staker] = chain.accounts;
    const { staking } = chain.deployment.contracts;
    await tx(chain, operator, {
      address: staking,
      abi: altStakingAbi,
      functionName: 'deactivateOperator',
      args: [operator],
    });
    const calls = batch(ALT(2_000));
    await expect(chain.client.simulateContract({ ...calls[0], account: staker } as never)).resolves.toBeDefined();
    const error = await simulateBatch(chain.client as never, staker, calls).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((await mapErrorWorded(error)).message).toBe('This operator is not active and cannot take stake.');
  });
});
