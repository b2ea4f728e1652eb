/**
 * The most gas any single contract transaction needs in the worst states any party can arrange: runs
 * the forge scenarios in contracts/test/forge/WorstCaseGas.t.sol (each call sent as a transaction
 * under Ethereum's 2^24 cap, every slot cold) and reads the figures they log.
 */
import { execFileSync } from 'node:child_process';

const LINE = /^\s*worst-case gas: (.+) (\d+)$/;

/** Each scenario's call and its gas, as forge's output lists them. */
export function parseWorstCaseGas(output: string): { call: string; gas: number }[] {
  return output
    .split('\n')
    .map((line) => LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ call: match[1], gas: Number(match[2]) }));
}

/** `contract_gas_worst` and the call that needs it, from a fresh forge run of the scenarios. */
export function benchContractGas(root: string): { worst: number; call: string; all: { call: string; gas: number }[] } {
  const output = execFileSync(`${root}node_modules/.bin/forge`, ['test', '--match-contract', 'WorstCaseGas', '-vv'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const all = parseWorstCaseGas(output);
  if (all.length === 0) throw new Error('the worst-case gas scenarios logged no figure');
  const top = all.reduce((a, b) => (b.gas > a.gas ? b : a));
  return { worst: top.gas, call: top.call, all };
}
