/** Every route of the app, with the ids of one real proposal and operator read from the devnet. */
import type { Chain } from '../fixtures/chain.ts';
import { governor } from '../fixtures/governor.ts';
import { DEV_ACCOUNTS } from '../fixtures/chain.ts';

export async function everyPage(chain: Chain): Promise<string[]> {
  const proposal = (await governor(chain).ids())[0];
  const operator = (await chain.operators())[0].operator;
  return [
    '#/',
    '#/staking',
    `#/staking/operators/${operator}`,
    '#/governance',
    `#/governance/proposals/${proposal}`,
    '#/governance/new',
    '#/governance/delegates',
    `#/governance/delegates/${operator}`,
    '#/airdrop',
    '#/activity',
    `#/activity?address=${DEV_ACCOUNTS[1]}`,
  ];
}
