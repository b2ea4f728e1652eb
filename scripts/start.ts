/**
 * `npm start`: the seeded devnet and the app's dev server together. Prints the URL once both are up
 * and stops both (anvil included) on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { buildAirdropFiles } from './airdrop/build.ts';

const children: ChildProcess[] = [];

function run(command: string, args: string[], onLine?: (line: string) => void): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim()) onLine ? onLine(line) : undefined;
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      /* already gone */
    }
  }
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

buildAirdropFiles('data/airdrop/season-one.csv', 'public/airdrop/season-one');
let devnetReady = false;
let appUrl: string | undefined;
const announce = () => {
  if (devnetReady && appUrl)
    console.log(`\n  ALT dApp on the local devnet: ${appUrl}\n  (Ctrl-C stops the app and the devnet)\n`);
};

const devnet = run(process.execPath, ['--import', 'tsx', 'devnet/main.ts'], (line) => {
  console.log(`[devnet] ${line}`);
  if (line.startsWith('devnet ready')) {
    devnetReady = true;
    announce();
  }
});
const vite = run(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1'], (line) => {
  const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
  if (match && !appUrl) {
    appUrl = match[1];
    announce();
  }
});
for (const [name, child] of [
  ['devnet', devnet],
  ['vite', vite],
] as const) {
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code}); stopping`);
      stop(1);
    }
  });
}
