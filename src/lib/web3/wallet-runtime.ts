/**
 * Everything wallet-side, behind one dynamic import: wagmi's actions, the light config and the modal
 * loader. With a single lazy entry for wagmi, the modules wagmi and the modal share land in this
 * lazy chunk instead of in the first page's chunks (the bundler places modules shared by two
 * dynamic imports of the same page next to that page).
 */
export {
  connect,
  disconnect,
  getAccount,
  getCapabilities,
  getConnectorClient,
  reconnect,
  sendCalls,
  signTypedData,
  switchChain,
  waitForCallsStatus,
  watchAccount,
  writeContract,
} from '@wagmi/core';
export { injected } from '@wagmi/core';
export { createLightWalletConfig } from './wallet-config.ts';

export const loadModal = () => import('./appkit.ts');
