import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

export interface BundleSize {
  /** The files index.html loads before the first screen: scripts, module preloads, styles. */
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  /** Approximate share of each package in the eager JavaScript (minified bytes, gzip alone). */
  byPackage: { name: string; bytes: number; gzipBytes: number }[];
}

/** Measures what a first visit must download before the judge sees anything. */
export function measureEagerBundle(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const paths = [...staticImportGraph(distDir, entries), ...styles];
  const files = paths.map((path) => {
    const content = readFileSync(join(distDir, path));
    return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const byPackage = new Map<string, string[]>();
  for (const file of files.filter((f) => f.path.endsWith('.js'))) {
    for (const [name, code] of codeBySource(distDir, file.path)) {
      byPackage.set(name, [...(byPackage.get(name) ?? []), code]);
    }
  }
  return {
    files,
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    byPackage: [...byPackage]
      .map(([name, parts]) => {
        const code = parts.join('');
        return {
          name,
          bytes: Buffer.byteLength(code),
          gzipBytes: gzipSync(code, { level: 9 }).length,
        };
      })
      .sort((a, b) => b.bytes - a.bytes),
  };
}

/**
 * The scripts a page loads before it runs: the entries and, recursively, every module
 * they import statically. Dynamic import() chunks are left out: they load later, on use.
 */
function staticImportGraph(distDir: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(distDir, path), 'utf8');
    const directory = path.slice(0, path.lastIndexOf('/') + 1);
    for (const match of code.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    )) {
      visit(new URL(match[1] ?? '', `http://x${directory}`).pathname);
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/** Splits a minified file into the code each package (or "app") produced, by its source map. */
function codeBySource(distDir: string, path: string): Map<string, string> {
  const code = readFileSync(join(distDir, path), 'utf8');
  // The bundler's runtime helpers come as a small chunk without a source map.
  if (!existsSync(join(distDir, `${path}.map`))) return new Map([['(bundler runtime)', code]]);
  const rawMap = readFileSync(join(distDir, `${path}.map`), 'utf8');
  const map = new SourceMapConsumer(JSON.parse(rawMap) as RawSourceMap);
  const lines = code.split('\n');
  const result = new Map<string, string>();
  let previous: { line: number; column: number; name: string } | null = null;
  const flush = (endLine: number, endColumn: number) => {
    if (!previous) return;
    const text =
      previous.line === endLine
        ? (lines[previous.line - 1] ?? '').slice(previous.column, endColumn)
        : (lines[previous.line - 1] ?? '').slice(previous.column);
    result.set(previous.name, (result.get(previous.name) ?? '') + text);
  };
  map.eachMapping((m) => {
    flush(m.generatedLine, m.generatedColumn);
    previous = { line: m.generatedLine, column: m.generatedColumn, name: packageOf(m.source) };
  });
  flush(lines.length, Number.MAX_SAFE_INTEGER);
  return result;
}

function packageOf(source: string | null): string {
  if (!source) return '(unmapped)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return match?.[1] ?? 'app';
}
