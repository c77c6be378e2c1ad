import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/server/data-dir-lock';

const children: { kill: () => boolean }[] = [];
afterEach(() => {
  children.splice(0).forEach((c) => c.kill());
});

function writeLock(dir: string, pid: number): void {
  writeFileSync(
    join(dir, 'jurilapang.lock'),
    JSON.stringify({ pid, host: hostname(), since: 'earlier' }),
  );
}

describe('lockDataDir', () => {
  it('creates the lock file with our pid and removes it on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-lock-'));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('refuses a directory held by a live process, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-lock-'));
    const holder = spawn('sleep', ['60']);
    children.push(holder);
    writeLock(dir, holder.pid ?? -1);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`process ${holder.pid} on ${hostname()}`);
    // The holder's lock is untouched.
    expect(JSON.parse(readFileSync(join(dir, 'jurilapang.lock'), 'utf8'))).toMatchObject({
      pid: holder.pid,
    });
  });

  it('takes over the lock of a process that died without releasing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-lock-'));
    const dead = spawnSync('sh', ['-c', 'echo $$']);
    writeLock(dir, Number(dead.stdout.toString().trim()));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('treats an unreadable lock file as stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-lock-'));
    writeFileSync(join(dir, 'jurilapang.lock'), '{"pid":');
    lockDataDir(dir).release();
  });
});
