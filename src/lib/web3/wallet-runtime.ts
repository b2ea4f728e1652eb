/**
 * The wallet's connection, behind one dynamic import: wagmi's connect, account and chain actions,
 * the light config and the modal loader. With a single lazy entry for them, the modules wagmi and
 * the modal share land in this lazy chunk instead of in the first page's chunks (the bundler places
 * modules shared by two dynamic imports of the same page next to that page). What only a
 * transaction or a signature uses (viem's gas, receipt, typed-data and contract-error code) is in
 * wallet-actions.ts, loaded by the flows: connecting fetches none of it.
 */
export { connect, disconnect, getAccount, reconnect, switchChain, watchAccount } from '@wagmi/core';
export { injected } from '@wagmi/core';
export { createLightWalletConfig } from './wallet-config.ts';
import type { AppConfig } from '../config/app-config.ts';

export const loadModal = () => import('./appkit.ts');

/**
 * For a page in a frame: connects the Safe{Wallet} that frames it, if one of the configured origins
 * answers as a Safe (see safe-app.ts), through `connect`; false otherwise. Kept here, with wagmi, so
 * the first page names neither it nor the SDK.
 */
export async function joinSafe(config: AppConfig, connect: (id: string) => Promise<void>): Promise<boolean> {
  try {
    const { joinSafeHost } = await import('./safe-app.ts');
    const id = await joinSafeHost(config.safeAppOrigins);
    if (!id) return false;
    await connect(id);
    return true;
  } catch {
    return false;
  }
}
