import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose
 * writes. So the server holds this lock file for as long as it runs, the way PostgreSQL
 * holds postmaster.pid: created exclusively (O_EXCL), holding our pid. A lock left behind
 * by a process that died is recognised because that pid no longer runs on this host.
 */
export function lockDataDir(dataDir: string, now: () => Date = () => new Date()): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'jurilapang.lock');
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now().toISOString() };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        if (isOwnedBy(path, me)) unlinkSync(path);
        process.off('exit', release);
      };
      process.on('exit', release);
      return { path, release };
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner && isAlive(owner)) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by another Jurilapang server ` +
          `(process ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
          `Stop that server first, or start this one with another DATA_DIR.`,
      );
    }
    // The owner is gone (crash, power loss): the lock is stale and may be taken over.
    unlinkSync(path);
  }
  throw new DataDirLockedError(
    `Could not lock the data directory ${dataDir}: another process keeps taking it`,
  );
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'pid' in parsed &&
      typeof parsed.pid === 'number' &&
      'host' in parsed &&
      typeof parsed.host === 'string'
    ) {
      const since = 'since' in parsed && typeof parsed.since === 'string' ? parsed.since : '?';
      return { pid: parsed.pid, host: parsed.host, since };
    }
    return null;
  } catch {
    return null; // unreadable or half-written: treat as stale
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another host (a shared disk) cannot be checked: assume it is held.
  if (owner.host !== hostname()) return true;
  // After a restart in a container our own pid may equal the dead owner's.
  if (owner.pid === process.pid || owner.pid === process.ppid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

function isOwnedBy(path: string, me: LockOwner): boolean {
  const owner = readOwner(path);
  return owner !== null && owner.pid === me.pid && owner.host === me.host;
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
