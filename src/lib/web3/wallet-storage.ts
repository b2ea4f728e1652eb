/**
 * Where wagmi keeps the wallet session. A separate module so the first page can check for a session
 * to restore without loading wagmi.
 */
import { storageKey } from '../storage/keys.ts';

export const WALLET_STORAGE_KEY = storageKey('wallet');

/** Whether an earlier visit left a wallet connection to restore (wagmi records its connector). */
export function hasSavedConnection(): boolean {
  try {
    return localStorage.getItem(`${WALLET_STORAGE_KEY}.recentConnectorId`) !== null;
  } catch {
    return false;
  }
}
