import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process';

const started: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the server process on its data directory', () => {
  it('refuses to start a second server on the same DATA_DIR, and restarts after a crash', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jl-data-'));
    const first = await startServerProcess({ dataDir });
    started.push(first);
    expect(first.output()).toContain('loaded the demo competition');
    expect(first.signInLink).toMatch(/\/masuk\?kode=/);

    const second = await runToExit({ DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `The data directory ${dataDir} is in use by another Jurilapang server`,
    );
    // The first server is unharmed.
    expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);

    // A crash leaves the lock file behind; the next start recognises it as stale and
    // finds the data of the first run (no second demo seeding).
    await first.kill('SIGKILL');
    const third = await startServerProcess({ dataDir });
    started.push(third);
    expect(third.output()).not.toContain('loaded the demo competition');
    expect(await (await fetch(`${third.baseUrl}/api/health`)).json()).toMatchObject({
      status: 'ok',
      database: 'pglite',
    });
  });
});
