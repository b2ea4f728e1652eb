import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAirdrop } from './build-tree.ts';
import { buildAirdropFiles, fileLines, SEASON_ONE_LABELS, wasmKeccak } from './build.ts';
import { parseCsv } from './distribution.ts';
import { generateDistribution } from './generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'alt-airdrop-build-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of a build, by path, in path order. */
const filesOf = (out: string) =>
  new Map(
    [
      'manifest.json',
      ...readdirSync(join(out, 'shards'))
        .sort()
        .map((name) => `shards/${name}`),
    ].map((path) => [path, readFileSync(join(out, path), 'utf8')]),
  );

describe('the airdrop build, a line at a time', () => {
  it('writes a 100,000-recipient build byte for byte as the in-memory builder did before it', async () => {
    const input = join(dir, 'hundred-k.csv');
    await generateDistribution(100_000, input, 7);
    const out = join(dir, 'hundred-k');
    buildAirdropFiles(input, out, 'golden', await wasmKeccak());
    const hash = createHash('sha256');
    for (const [path, text] of filesOf(out)) hash.update(path).update(text);
    // The digest of the same build by the in-memory builder (every recipient, leaf and proof held at once).
    expect(hash.digest('hex')).toBe('45c5945a11c958484d6933b2f1afb2559b83c9d0eb1605d7b7c9adb095853ddb');
  });

  it('writes what the in-memory builder makes of the same rows: mixed case, CRLF, blank lines, no final newline', () => {
    const rows = [
      'address,altitude,celestia',
      '0x52908400098527886E0F7030069857D2E4169EE7,5,0',
      '',
      '0xde709f2102306220921060314715629080e2fb77,0,7',
      '0x8617E340B3D01FA5F11F306F4090FD50E238070D,1000000000000000000,2',
    ];
    const input = join(dir, 'small.csv');
    writeFileSync(input, rows.join('\r\n'));
    const out = join(dir, 'small');
    const spills = join(dir, 'small-spills');
    mkdirSync(spills);
    buildAirdropFiles(input, out, 'small', undefined, { spillIn: spills });
    expect(readdirSync(spills)).toEqual([]);
    const expected = buildAirdrop(parseCsv(rows.join('\n')), 'small', SEASON_ONE_LABELS);
    const files = filesOf(out);
    expect(JSON.parse(files.get('manifest.json')!)).toEqual(expected.manifest);
    expect(files.size).toBe(expected.shards.length + 1);
    for (const shard of expected.shards) expect(files.get(`shards/${shard.prefix}.json`)).toBe(JSON.stringify(shard));
  });

  it('reads lines across its megabyte reads, with \\r\\n or \\n, and multi-byte characters split between reads', () => {
    const long = 'é'.repeat(700_000); // 1.4 MB: a read ends inside one of its two-byte characters
    const input = join(dir, 'lines.txt');
    writeFileSync(input, `a\r\n${long}\nb\n\nc`);
    expect([...fileLines(input)]).toEqual(['a', long, 'b', '', 'c']);
  });

  it('writes nothing, and keeps what was there, when a row is bad', () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(
      input,
      'address,altitude\n0x52908400098527886e0f7030069857d2e4169ee7,5\n0x52908400098527886E0F7030069857D2E4169EE7,3\n',
    );
    const out = join(dir, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), 'the last good build');
    const spills = join(dir, 'spills');
    mkdirSync(spills);
    expect(() => buildAirdropFiles(input, out, 'bad', undefined, { spillIn: spills })).toThrow(
      /line 3: duplicate of line 2/,
    );
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('the last good build');
    // Nothing spilled is left behind either.
    expect(readdirSync(spills)).toEqual([]);
  });
});
