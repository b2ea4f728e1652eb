/**
 * One proposal's pre-flight on its page: run when the page opens, again when the reader asks, and
 * again before a queue or an execution is sent (the panel and those buttons share this). A run
 * never holds anything up: a failed one is shown, and voting, queueing and executing go on.
 */
import type { ReadClient } from '../../../lib/web3/chains.ts';
import { preflight, type Preflight, type PreflightInput } from './preflight.ts';
import * as m from '../../../lib/i18n/messages.ts';

export class PreflightRun {
  result = $state<Preflight>();
  error = $state<unknown>();
  running = $state(false);
  #runs = 0;

  constructor(
    private readonly client: () => ReadClient,
    private readonly input: () => PreflightInput | undefined,
  ) {}

  /** Simulates at `blockNumber`, else at the head as the provider reports it now. */
  run(blockNumber?: bigint): Promise<void> {
    const input = this.input();
    if (!input) return Promise.resolve();
    this.running = true;
    this.error = undefined;
    const client = this.client();
    const mine = ++this.#runs;
    return (async () => {
      try {
        const at = blockNumber ?? BigInt((await client.request({ method: 'eth_blockNumber' } as never)) as string);
        const result = await preflight(client, input, at);
        // A later run's answer is the one kept.
        if (mine === this.#runs) this.result = result;
      } catch (error) {
        if (mine === this.#runs) this.error = error ?? new Error(m.proposal_preflight_run_failed());
      } finally {
        if (mine === this.#runs) this.running = false;
      }
    })();
  }
}
