/**
 * wagmi's actions that only a transaction, a batch or a signature uses, behind their own dynamic
 * import (the flows load it: lib/tx, permits, delegation signatures): the viem code they bring
 * (gas estimates, receipts, typed data, contract errors) stays off the path of connecting a wallet.
 */
export {
  getAccount,
  getCapabilities,
  getConnectorClient,
  sendCalls,
  signTypedData,
  waitForCallsStatus,
  writeContract,
} from '@wagmi/core';
