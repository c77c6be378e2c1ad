import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries are enforced by the real lint configuration. Each fixture breaks
 * one rule; it is linted as if it were a file at a real path inside src/, which is where
 * the rule applies (the fixtures themselves are outside every project and ignored).
 */
const eslint = new ESLint({ overrideConfigFile: '.config/eslint.config.js' });

async function ruleMessages(fixture: string, asPath: string): Promise<string[]> {
  const code = readFileSync(`test/lint/fixtures/${fixture}`, 'utf8');
  const [result] = await eslint.lintText(code, { filePath: asPath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('import boundaries', () => {
  it('refuses dexie in src/domain', async () => {
    const messages = await ruleMessages('domain-imports-dexie.ts', 'src/domain/rubric.ts');
    expect(messages).toContain(
      "no-restricted-imports: 'dexie' import is restricted from being used by a pattern. src/domain is pure: it imports only zod and its own files.",
    );
  });

  it('refuses the same dexie import anywhere outside src/db, and allows it in src/db', async () => {
    expect((await ruleMessages('domain-imports-dexie.ts', 'src/ui/App.tsx')).join('\n')).toContain(
      'Only src/db imports Dexie',
    );
    expect(
      (await ruleMessages('domain-imports-dexie.ts', 'src/sync/sync-engine.ts')).join('\n'),
    ).toContain('Only src/db imports Dexie');
    expect(
      (await ruleMessages('domain-imports-dexie.ts', 'src/db/observe.ts')).join('\n'),
    ).not.toContain('no-restricted-imports');
  });

  it('refuses fetch in src/ui but allows it in src/sync', async () => {
    expect((await ruleMessages('ui-calls-fetch.ts', 'src/ui/use-online.ts')).join('\n')).toContain(
      "no-restricted-globals: Unexpected use of 'fetch'. Only src/sync, src/sw and src/server talk to the network.",
    );
    expect(
      (await ruleMessages('ui-calls-fetch.ts', 'src/sync/fetch-transport.ts')).join('\n'),
    ).not.toContain('no-restricted-globals');
  });

  it('refuses an app import in the service worker', async () => {
    expect((await ruleMessages('sw-imports-app.ts', 'src/sw/sw.ts')).join('\n')).toContain(
      'The service worker imports nothing from the app',
    );
  });

  it('refuses the clock and randomness in src/domain', async () => {
    const messages = (await ruleMessages('domain-reads-clock.ts', 'src/domain/ids.ts')).join('\n');
    expect(messages).toContain('Pass `now` in as an argument.');
    expect(messages).toContain('Pass randomness in as an argument.');
  });

  it('refuses an import against the direction domain ← db ← sync ← ui', async () => {
    expect(
      (await ruleMessages('sync-imports-ui.ts', 'src/sync/sync-engine.ts')).join('\n'),
    ).toContain('src/sync may import src/domain and src/db.');
  });

  it('lets a folder inside src/domain use the domain above it, and nothing outside', async () => {
    const messages = await ruleMessages(
      'domain-subfolder-imports.ts',
      'src/domain/results/rank-entries.ts',
    );
    expect(messages).toEqual([
      "no-restricted-imports: '../../db/app-database' import is restricted from being used by a pattern. src/domain is pure: it imports only zod and its own files.",
    ]);
  });
});
