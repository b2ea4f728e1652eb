/**
 * Governance query keys. Proposals (the list, a proposal, its votes over time, statements and names)
 * are under 'governance'; what depends on voting power (yours, every delegate's, a proposer's) is
 * under 'votes', so a stake, which moves voting power but no proposal, refreshes only the latter.
 */
import { queryKey } from '../../lib/query/keys.ts';

export const governanceKey = <P extends object>(chainId: number, part: P) => queryKey('governance', chainId, part);

export const votesKey = <P extends object>(chainId: number, part: P) => queryKey('votes', chainId, part);
