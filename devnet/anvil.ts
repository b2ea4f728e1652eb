/** Starts and stops an anvil node from the @foundry-rs/anvil npm package. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface AnvilOptions {
  port?: number;
  accounts?: number;
  /** Genesis timestamp in seconds. */
  timestamp?: number;
  /** Seconds between interval-mined blocks, on top of automining. */
  blockTime?: number;
  /** Load the chain from this state file. */
  loadState?: string;
  /** A genesis file (its block `number` sets the chain's height: a mainnet-like devnet starts at 19,000,000). */
  init?: string;
  /** Block gas limit (the deep devnet packs many seeding transactions into each block). */
  gasLimit?: bigint;
  /**
   * Keep only this many recent states, in memory. Without it anvil writes older states to
   * ~/.foundry/anvil/tmp: tens of gigabytes for a chain of 20,000 blocks over a large state.
   */
  pruneHistory?: number;
  /** How long to wait for the RPC to answer (a large state file takes seconds to load). */
  readyWithinMs?: number;
}

export interface Anvil {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Path to the platform's anvil binary, bypassing the npm wrapper so that killing it kills anvil. */
export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  try {
    return join(dirname(require.resolve(`${platform}/package.json`)), 'bin', 'anvil');
  } catch {
    return join(dirname(require.resolve('@foundry-rs/anvil/package.json')), '..', '..', '.bin', 'anvil');
  }
}

async function rpcReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Spawns anvil in its own process group and resolves once its RPC answers. */
export async function startAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  const port = options.port ?? 8545;
  const url = `http://127.0.0.1:${port}`;
  if (await rpcReady(url)) throw new Error(`something already answers JSON-RPC on port ${port}; stop it first`);
  const args = ['--port', String(port), '--host', '127.0.0.1', '--accounts', String(options.accounts ?? 100)];
  args.push('--balance', '10000', '--chain-id', '31337', '--silent');
  if (options.timestamp !== undefined) args.push('--timestamp', String(options.timestamp));
  if (options.blockTime) args.push('--block-time', String(options.blockTime), '--mixed-mining');
  if (options.loadState) args.push('--load-state', options.loadState);
  if (options.init) args.push('--init', options.init);
  if (options.gasLimit) args.push('--gas-limit', options.gasLimit.toString());
  // Older states are dropped rather than written to ~/.foundry/anvil/tmp, which anvil never cleans
  // up: about 150 MB per devnet run, tens of GB for the deep devnet.
  if (options.pruneHistory) args.push('--prune-history', String(options.pruneHistory));
  else args.push('--max-persisted-states', '0');

  // Not detached: anvil stays in its parent's process group, so whoever stops that group (a test
  // runner's web server, Ctrl-C in a terminal) stops anvil with it and nothing is left on the port.
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const tries = Math.ceil((options.readyWithinMs ?? 10_000) / 50);
  for (let i = 0; i < tries; i++) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}: ${stderr}`);
    if (await rpcReady(url)) break;
    if (i === tries - 1) throw new Error(`anvil did not answer on ${url} within ${tries * 0.05} s`);
    await new Promise((r) => setTimeout(r, 50));
  }

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timeout);
  };
  return { url, port, process: child, stop };
}
