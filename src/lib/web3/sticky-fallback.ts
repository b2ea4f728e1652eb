/**
 * A fallback transport that remembers which RPC last answered. viem's `fallback` starts every request
 * at the first URL, so a dead first RPC costs a failed attempt (or a whole timeout) on every read;
 * ranking would fix that with a ping per URL every few seconds. Here a request starts at the RPC
 * that answered last and moves on only when it fails as a transport (down, timing out, answering
 * garbage), never for a revert or a rejection, which the next RPC would only repeat.
 */
import { createTransport, shouldThrow, type EIP1193RequestFn, type Transport } from 'viem';

export function stickyFallback(transports: Transport[]): Transport {
  let preferred = 0;
  return ({ chain, retryCount, timeout, pollingInterval }) => {
    const built = transports.map((t) => t({ chain, retryCount: 0, timeout, pollingInterval }));
    return createTransport(
      {
        key: 'sticky-fallback',
        name: 'Sticky fallback',
        type: 'fallback',
        retryCount: retryCount ?? 1,
        // Typed loosely on purpose: this passes each request through unchanged to a viem transport.
        request: (async (args: never, options: never) => {
          let lastError: unknown;
          for (let step = 0; step < built.length; step++) {
            const index = (preferred + step) % built.length;
            try {
              const result = await built[index].request(args, options);
              preferred = index;
              return result;
            } catch (error) {
              if (shouldThrow(error as Error)) throw error;
              lastError = error;
            }
          }
          throw lastError;
        }) as EIP1193RequestFn,
      },
      // Exposed as viem's fallback exposes them: watchers read `transports[0].config.type` to choose polling.
      { transports: built },
    );
  };
}
