import { describe, expect, it } from 'vitest';
import { altStakingViewsAbi } from './abi/alt-staking-views.ts';
import { stakingInterfaceAbi } from './staking-interface.ts';

describe('stakingInterfaceAbi', () => {
  it("is exactly the generated ABI's entries for the views it names", () => {
    for (const entry of stakingInterfaceAbi)
      expect(entry).toEqual(altStakingViewsAbi.find((e) => 'name' in e && e.name === entry.name));
  });
});
