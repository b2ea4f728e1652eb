/**
 * Where the first page's bytes go: the files the browser fetched for the Overview, attributed to the
 * packages and the app's own folders their code came from, through source maps.
 *
 * The same sources are built again with hidden source maps (no `sourceMappingURL` line, so every
 * file is byte for byte the one served); a file whose bytes differ is reported whole under its name.
 * Each file's gzip size is shared among its sources in proportion to the bytes each contributed:
 * gzip does not split exactly, so the parts are an attribution, and they add up to the measured total.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** The group a source belongs to: its package, or the app's folder (two levels under src/). */
export function groupOf(source: string): string {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/\\/g, '/');
  const inModules = clean.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const [first, second] = clean.slice(inModules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const inSrc = clean.indexOf('src/');
  if (inSrc >= 0) {
    const parts = clean.slice(inSrc).split('/');
    return parts.length > 3 ? `app: ${parts.slice(0, 3).join('/')}` : `app: ${parts.slice(0, 2).join('/')}`;
  }
  return `other: ${clean}`;
}

/** Bytes of generated code per source, from a file's source map (the text between one mapping and the next). */
export function bytesBySource(code: string, map: RawSourceMap): Map<string, number> {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStart.push(offset);
    offset += Buffer.byteLength(line, 'utf8') + 1;
  }
  const marks: { at: number; source: string | null }[] = [];
  consumer.eachMapping((m) => {
    const line = lines[m.generatedLine - 1] ?? '';
    marks.push({
      at: lineStart[m.generatedLine - 1] + Buffer.byteLength(line.slice(0, m.generatedColumn), 'utf8'),
      source: m.source,
    });
  });
  marks.sort((a, b) => a.at - b.at);
  const total = Buffer.byteLength(code, 'utf8');
  const out = new Map<string, number>();
  const add = (source: string, bytes: number) => out.set(source, (out.get(source) ?? 0) + bytes);
  if (marks.length === 0) add('(unmapped)', total);
  else add('(unmapped)', marks[0].at);
  marks.forEach((mark, i) => add(mark.source ?? '(unmapped)', (marks[i + 1]?.at ?? total) - mark.at));
  return out;
}

/**
 * The first page's gzip KiB per group, largest first, for `files` (paths under `distDir`, as the
 * browser fetched them); `root` is the project to build with source maps.
 */
export function firstPageBreakdown(root: string, distDir: string, files: readonly string[]): [string, number][] {
  const out = mkdtempSync(join(tmpdir(), 'alt-first-page-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'silent'], {
      cwd: root,
      env: { ...process.env, SOURCEMAP: 'hidden' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const groups = new Map<string, number>();
    const add = (group: string, kib: number) => groups.set(group, (groups.get(group) ?? 0) + kib);
    for (const file of files) {
      const served = readFileSync(join(distDir, decodeURIComponent(file)));
      const kib = gzipSync(served, { level: 9 }).length / 1024;
      const rebuilt = join(out, decodeURIComponent(file));
      const mapFile = `${rebuilt}.map`;
      if (file.endsWith('.css')) {
        add('css', kib);
        continue;
      }
      if (!existsSync(rebuilt) || !existsSync(mapFile) || !readFileSync(rebuilt).equals(served)) {
        add(`unattributed: ${file}`, kib);
        continue;
      }
      const bytes = bytesBySource(served.toString('utf8'), JSON.parse(readFileSync(mapFile, 'utf8')));
      const total = [...bytes.values()].reduce((s, b) => s + b, 0);
      for (const [source, b] of bytes)
        add(source === '(unmapped)' ? '(bundler glue)' : groupOf(source), (kib * b) / total);
    }
    return [...groups].sort((a, b) => b[1] - a[1]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
