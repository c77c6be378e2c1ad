import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface ServerProcess {
  baseUrl: string;
  signInLink: string;
  pid: number;
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts the real server (src/server/main.ts) as a child process on a free port and waits
 * until it prints its URL and sign-in link: the same thing `npm start` runs.
 */
export async function startServerProcess(options: {
  dataDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Extra options for node, e.g. --cpu-prof to profile the server. */
  nodeOptions?: string[];
}): Promise<ServerProcess> {
  const args = [...(options.nodeOptions ?? []), '--import', 'tsx', 'src/server/main.ts'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit');
  const ready = new Promise<{ baseUrl: string; signInLink: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const link = /sign-in link[^:]*: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && link) resolve({ baseUrl: url, signInLink: link });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`)),
    );
    setTimeout(
      () => reject(new Error(`server not ready in time:\n${output}`)),
      options.timeoutMs ?? 30_000,
    ).unref();
  });
  const { baseUrl, signInLink } = await ready;
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return {
    baseUrl,
    signInLink,
    pid: child.pid ?? -1,
    output: () => output,
    kill,
    stop: () => kill('SIGTERM'),
  };
}
