/** One query definition for an address's eligibility, shared by the airdrop page and the overview card. */
import type { Address, Hex } from 'viem';
import { cache } from '../query/presets.ts';
import { checkEligibility, readManifest } from './eligibility.ts';
import { AIRDROP_FILES } from './files.ts';

export const eligibilityQuery = (account: Address | undefined, root: Hex | undefined) => ({
  queryKey: ['airdrop-eligibility', { account, root }],
  queryFn: async () => checkEligibility(AIRDROP_FILES, await readManifest(AIRDROP_FILES), account!, root!),
  enabled: !!account && !!root,
  ...cache.immutable,
  // A broken file stays broken until it is fixed: the error shows at once, with a button to retry.
  retry: 0,
});
