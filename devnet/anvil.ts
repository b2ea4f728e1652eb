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

  // Not detached: anvil stays in its parent's process group, so whoever stops that group (a test
  // runner's web server, Ctrl-C in a terminal) stops anvil with it and nothing is left on the port.
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}: ${stderr}`);
    if (await rpcReady(url)) break;
    if (i === 199) throw new Error(`anvil did not answer on ${url} within 10 s`);
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
