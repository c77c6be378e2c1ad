// Vitest globalSetup for the `server` project: a throwaway PostgreSQL cluster per run.
//
// The cluster lives in a fresh mkdtemp directory, listens on a unix socket in that
// directory only (no TCP), runs with fsync off, and is stopped with `-m immediate` and
// deleted on teardown. Tests get the URL of an empty `jurilapang_test` database through
// `inject('postgresUrl')`, or null when no PostgreSQL is installed (tests then skip;
// under CI=true or REQUIRE_POSTGRES=1 a missing PostgreSQL fails the run instead).
//
// initdb and postgres refuse to run as root, so when we are root every server binary
// runs as the `postgres` OS user through runuser.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

const DATABASE = 'jurilapang_test';
const DIR_PREFIX = 'jurilapang-pg-';
const OWNER_FILE = 'owner.pid';
// sun_path is 108 bytes on Linux, including the terminating NUL.
const MAX_SOCKET_PATH = 107;

const isRoot = process.getuid?.() === 0;

/** `$PG_BIN` if set, else the highest /usr/lib/postgresql/<version>/bin, else null. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv) {
    if (!hasServerBinaries(fromEnv)) {
      throw new Error(`PG_BIN=${fromEnv} does not contain initdb and pg_ctl`);
    }
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = readdirSync(root);
  } catch {
    return null;
  }
  const candidates = versions
    .filter((v) => /^\d+(\.\d+)*$/.test(v))
    .sort((a, b) => compareVersions(b, a))
    .map((v) => join(root, v, 'bin'))
    .filter(hasServerBinaries);
  return candidates[0] ?? null;
}

function hasServerBinaries(bin: string): boolean {
  return existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'));
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The command line that runs `cmd` as the cluster owner (postgres when we are root). */
function asOwner(cmd: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function run(cmd: string, args: string[], cwd: string, timeoutMs = 60_000): Promise<string> {
  const [file, argv] = asOwner(cmd, args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const how = signal ? `killed by ${signal}` : `exit code ${code}`;
        reject(new Error(`${cmd} ${args.join(' ')} failed (${how}):\n${output.trim()}`));
      }
    });
  });
}

/** Immediate shutdown, synchronously, for the exit hook and the stale-cluster sweep. */
function stopSync(bin: string, dataDir: string): boolean {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return true;
  const [file, argv] = asOwner(join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-m',
    'immediate',
    '-w',
    'stop',
  ]);
  const result = spawnSync(file, argv, { cwd: tmpdir(), stdio: 'ignore', timeout: 30_000 });
  return result.status === 0 || !existsSync(join(dataDir, 'postmaster.pid'));
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process that its parent has not reaped yet still answers signal 0.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * Clusters left behind by a run that was killed before its teardown: only our own
 * directories, and only those whose owning vitest process is gone. A fresh directory per
 * run already keeps them from breaking this run; this just stops them eating memory.
 */
function sweepStaleClusters(bin: string): void {
  let entries: string[];
  try {
    entries = readdirSync(tmpdir()).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
      if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
      if (stopSync(bin, join(dir, 'data'))) rmSync(dir, { recursive: true, force: true });
    } catch {
      // No owner file (another run still creating it, or not ours): leave it alone.
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = findPostgresBin();
  if (!bin) {
    const message =
      'PostgreSQL server binaries not found; install the postgresql package or set PG_BIN';
    if (process.env['CI'] === 'true' || process.env['REQUIRE_POSTGRES'] === '1') {
      throw new Error(message);
    }
    process.stderr.write(`warning: ${message} (tests on PostgreSQL are skipped)\n`);
    project.provide('postgresUrl', null);
    return async () => {};
  }

  sweepStaleClusters(bin);

  const dir = await mkdtemp(join(tmpdir(), DIR_PREFIX));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'log');
  let started = false;

  const stopOnExit = (): void => {
    if (started) stopSync(bin, dataDir);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);

  const teardown = async (): Promise<void> => {
    process.removeListener('exit', stopOnExit);
    try {
      if (started) {
        await run(
          join(bin, 'pg_ctl'),
          ['-D', dataDir, '-m', 'immediate', '-w', 'stop'],
          dir,
          30_000,
        );
        started = false;
      }
    } finally {
      if (!started) await rm(dir, { recursive: true, force: true });
    }
  };

  try {
    await writeFile(join(dir, OWNER_FILE), `${process.pid}\n`);
    if (isRoot) {
      const { uid, gid } = postgresIds();
      await chown(dir, uid, gid);
    }

    await run(
      join(bin, 'initdb'),
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--no-locale',
        '--no-sync',
      ],
      dir,
    );

    const port = await freePort();
    // The socket lives in our own directory unless that path is too long for sun_path
    // (a deep TMPDIR), in which case the server listens on loopback TCP instead.
    const useSocket = `${dir}/.s.PGSQL.${port}`.length <= MAX_SOCKET_PATH;
    const listen = useSocket ? "-c listen_addresses=''" : "-c listen_addresses='127.0.0.1'";
    const options = [
      `-p ${port}`,
      `-k '${useSocket ? dir : ''}'`, // pg_ctl passes these through a shell
      listen,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');

    started = true; // from here on a half-started server must be stopped
    try {
      await run(
        join(bin, 'pg_ctl'),
        ['-D', dataDir, '-o', options, '-w', '-t', '30', '-l', logFile, 'start'],
        dir,
      );
    } catch (error) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`${(error as Error).message}\nserver log:\n${log.trim()}`, { cause: error });
    }

    // pg (pg-connection-string) takes a socket directory from the `host` query parameter.
    const socketHost = encodeURIComponent(dir).replace(/%2F/g, '/');
    const base = useSocket
      ? (db: string) => `postgresql://postgres@/${db}?host=${socketHost}&port=${port}`
      : (db: string) => `postgresql://postgres@127.0.0.1:${port}/${db}`;

    const client = new Client({ connectionString: base('postgres') });
    await client.connect();
    try {
      await client.query(`create database ${DATABASE}`);
    } finally {
      await client.end();
    }

    project.provide('postgresUrl', base(DATABASE));
    return teardown;
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) {
    throw new Error('running as root but there is no `postgres` OS user to own the cluster');
  }
  return { uid, gid };
}
