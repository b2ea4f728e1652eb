import { describe, expect, it } from 'vitest';
import { parseSignature, type Address, type Hex } from 'viem';
import { altAirdropAbi, altLayerTokenAbi, altStakingAbi, altVotesAbi } from '../../src/lib/contracts/generated.ts';
import { asImpersonated, send } from '../../devnet/client.ts';
import { buildAirdrop } from '../../scripts/airdrop/build-tree.ts';
import { airdropProofFor } from '../../devnet/seed.ts';
import { ALT, DAY, revertName, tx, useChain, type Chain } from './fixture.ts';
import { delegationTypes } from '../../src/lib/contracts/typed-data.ts';

// Accounts 3..6 of anvil's default mnemonic are eligible; 7 is not.
const ELIGIBLE: Address[] = [
  '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
  '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
];
const built = buildAirdrop(
  {
    categories: ['altitude', 'eigenlayer'],
    recipients: ELIGIBLE.map((address, i) => ({
      address,
      amounts: [ALT(100 * (i + 1)), ALT(50)],
      total: ALT(100 * (i + 1) + 50),
    })),
  },
  'test',
);
const shards = new Map(built.shards.map((s) => [s.prefix, s]));
const proofFor = (account: Address) => airdropProofFor(shards, account)!;

function delegationSignature(chain: Chain, signer: Address, delegatee: Address, nonce: bigint, expiry: bigint) {
  return chain.client.signTypedData({
    account: signer,
    domain: { name: 'Voting ALT', version: '1', chainId: 31337, verifyingContract: chain.deployment.contracts.votes },
    types: delegationTypes,
    primaryType: 'Delegation',
    message: { delegatee, nonce, expiry },
  });
}

describe('AltAirdrop', () => {
  const chain = useChain({
    airdrop: { root: built.manifest.root, startOffset: DAY, duration: 30 * DAY },
    setup: async (c) => {
      await c.fund(c.deployment.contracts.airdrop, BigInt(built.manifest.total));
      const { staking, timelock } = c.deployment.contracts;
      const operator = c.accounts[10];
      await asImpersonated(c.client, timelock, () =>
        send(c.client, timelock, {
          address: staking,
          abi: altStakingAbi,
          functionName: 'setOperatorAllowlisted',
          args: [operator, true],
        }),
      );
      await send(c.client, operator, {
        address: staking,
        abi: altStakingAbi,
        functionName: 'registerOperator',
        args: ['x', 1, 500],
      });
    },
  });
  const A = () => ({ address: chain.deployment.contracts.airdrop, abi: altAirdropAbi }) as const;
  const balance = (who: Address) => chain.altBalance(who);
  const claim = (from: Address, amount: bigint, proof: Hex[]) =>
    tx(chain, from, { ...A(), functionName: 'claim', args: [amount, proof] });
  const noDelegation = { nonce: 0n, expiry: 0n, v: 0, r: `0x${'00'.repeat(32)}`, s: `0x${'00'.repeat(32)}` } as const;
  const V = () => ({ address: chain.deployment.contracts.votes, abi: altVotesAbi }) as const;
  const open = () => chain.advance(DAY);

  it('refuses claims before the window opens', async () => {
    const { amount, proof } = proofFor(ELIGIBLE[0]);
    expect(await revertName(() => claim(ELIGIBLE[0], amount, proof))).toBe('ClaimWindowNotOpen');
  });

  it('pays the claimant, once; nobody can claim for someone else', async () => {
    await open();
    const { amount, proof } = proofFor(ELIGIBLE[1]);
    const relayer = chain.accounts[8];
    expect(await revertName(() => claim(relayer, amount, proof))).toBe('InvalidProof');
    await claim(ELIGIBLE[1], amount, proof);
    expect(await balance(ELIGIBLE[1])).toBe(amount);
    expect(await chain.client.readContract({ ...A(), functionName: 'isClaimed', args: [ELIGIBLE[1]] })).toBe(true);
    expect(await revertName(() => claim(ELIGIBLE[1], amount, proof))).toBe('AlreadyClaimed');
    const info = await chain.client.readContract({ ...A(), functionName: 'info' });
    expect([info.totalClaimed, info.claimCount]).toEqual([amount, 1n]);
  });

  it('rejects a wrong amount, a wrong account and a truncated proof', async () => {
    await open();
    const { amount, proof } = proofFor(ELIGIBLE[0]);
    expect(await revertName(() => claim(ELIGIBLE[0], amount + 1n, proof))).toBe('InvalidProof');
    expect(await revertName(() => claim(chain.accounts[7], amount, proof))).toBe('InvalidProof');
    expect(await revertName(() => claim(ELIGIBLE[0], amount, proof.slice(1)))).toBe('InvalidProof');
  });

  it("claims straight into a stake with an operator, in the claimant's name", async () => {
    await open();
    const { amount, proof } = proofFor(ELIGIBLE[2]);
    const operator = chain.accounts[10];
    await tx(chain, ELIGIBLE[2], { ...A(), functionName: 'claimAndStake', args: [amount, proof, operator] });
    const [positions] = await chain.client.readContract({
      address: chain.deployment.contracts.staking,
      abi: altStakingAbi,
      functionName: 'getStaker',
      args: [ELIGIBLE[2]],
    });
    expect(positions[0].operator).toBe(operator);
    expect(positions[0].principal).toBe(amount);
    expect(await balance(ELIGIBLE[2])).toBe(0n);
    expect(await chain.client.readContract({ ...V(), functionName: 'getVotes', args: [ELIGIBLE[2]] })).toBe(amount);
    expect(
      await chain.client.readContract({
        address: chain.deployment.contracts.alt,
        abi: altLayerTokenAbi,
        functionName: 'allowance',
        args: [chain.deployment.contracts.airdrop, chain.deployment.contracts.staking],
      }),
    ).toBe(0n);
  });

  it('claims to voting power for oneself with no signature', async () => {
    await open();
    const account = ELIGIBLE[0];
    const { amount, proof } = proofFor(account);
    await tx(chain, account, { ...A(), functionName: 'claimToVotes', args: [amount, proof, account, noDelegation] });
    expect(await chain.client.readContract({ ...V(), functionName: 'balanceOf', args: [account] })).toBe(amount);
    expect(await chain.client.readContract({ ...V(), functionName: 'getVotes', args: [account] })).toBe(amount);
  });

  it("claims to voting power delegated to someone else with the claimant's signature, in one transaction", async () => {
    await open();
    const account = ELIGIBLE[3];
    const delegatee = chain.accounts[1];
    const { amount, proof } = proofFor(account);
    const expiry = BigInt((await chain.now()) + 3600);
    const { v, r, s } = parseSignature(await delegationSignature(chain, account, delegatee, 0n, expiry));
    await tx(chain, account, {
      ...A(),
      functionName: 'claimToVotes',
      args: [amount, proof, delegatee, { nonce: 0n, expiry, v: Number(v), r, s }],
    });
    expect(await chain.client.readContract({ ...V(), functionName: 'delegates', args: [account] })).toBe(delegatee);
    expect(await chain.client.readContract({ ...V(), functionName: 'getVotes', args: [delegatee] })).toBe(amount);
  });

  it("refuses a claim to voting power with somebody else's signature", async () => {
    await open();
    const account = ELIGIBLE[0];
    const { amount, proof } = proofFor(account);
    const expiry = BigInt((await chain.now()) + 3600);
    const { v, r, s } = parseSignature(
      await delegationSignature(chain, chain.accounts[8], chain.accounts[1], 0n, expiry),
    );
    expect(
      await revertName(() =>
        tx(chain, account, {
          ...A(),
          functionName: 'claimToVotes',
          args: [amount, proof, chain.accounts[1], { nonce: 0n, expiry, v: Number(v), r, s }],
        }),
      ),
    ).toBe('DelegationFailed');
  });

  it('closes the window and, after the sweep delay, lets anyone sweep what is left to the treasury', async () => {
    await open();
    const { amount, proof } = proofFor(ELIGIBLE[0]);
    expect(await revertName(() => tx(chain, chain.accounts[9], { ...A(), functionName: 'sweep' }))).toBe(
      'NotSweepableYet',
    );
    await claim(ELIGIBLE[0], amount, proof);
    await chain.advance(30 * DAY);
    const late = proofFor(ELIGIBLE[1]);
    expect(await revertName(() => claim(ELIGIBLE[1], late.amount, late.proof))).toBe('ClaimWindowClosed');
    expect(await revertName(() => tx(chain, chain.accounts[9], { ...A(), functionName: 'sweep' }))).toBe(
      'NotSweepableYet',
    );
    await chain.advance(14 * DAY);
    const treasury = await balance(chain.deployment.contracts.timelock);
    await tx(chain, chain.accounts[9], { ...A(), functionName: 'sweep' });
    expect((await balance(chain.deployment.contracts.timelock)) - treasury).toBe(BigInt(built.manifest.total) - amount);
    expect((await chain.client.readContract({ ...A(), functionName: 'info' })).swept).toBe(true);
    expect(await revertName(() => tx(chain, chain.accounts[9], { ...A(), functionName: 'sweep' }))).toBe(
      'NothingToSweep',
    );
  });
});
