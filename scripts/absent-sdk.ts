/**
 * Stands in for wallet SDKs the build leaves out (Coinbase's and the Base account SDK): wagmi's
 * connectors import them only when their connector is used, and the app configures neither. The
 * Base account SDK also inlines a telemetry script when loaded, which the CSP would block.
 */
const absent = (name: string) => () => {
  throw new Error(`${name} is not included in this build.`);
};
export const createBaseAccountSDK = absent('The Base account SDK');
export const createCoinbaseWalletSDK = absent('The Coinbase Wallet SDK');
