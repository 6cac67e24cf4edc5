// Run a command as a child process and measure its wall time and the peak memory of its whole process tree.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface MeasuredRun {
  wallMs: number;
  /** Peak resident memory of the process tree, in bytes (0 where /proc is unavailable). */
  peakRssBytes: number;
  exitCode: number;
  /** The last lines the command printed, for error messages. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Give up after this long. @default 30 minutes */
  timeoutMs?: number;
  /** How often to sample /proc. @default 100 */
  pollMs?: number;
}

/**
 * Memory is sampled from /proc rather than read once from `/usr/bin/time`: Astro builds run helper
 * processes (esbuild, Pagefind), and a reader cares about the sum that is resident at the same time.
 * Each process's VmHWM (its own high-water mark, exact) is kept too, so a spike between two samples
 * in the main process is never missed.
 */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakTree = 0;
    const highWater = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const mem = readMemory(pid);
        if (!mem) continue;
        sum += mem.rss;
        highWater.set(pid, Math.max(highWater.get(pid) ?? 0, mem.hwm));
      }
      peakTree = Math.max(peakTree, sum);
    };
    const timer = setInterval(sample, options.pollMs ?? 100);
    const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000);
    child.once('error', (error) => {
      clearInterval(timer);
      clearTimeout(timeout);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearInterval(timer);
      clearTimeout(timeout);
      const peakRssBytes = Math.max(peakTree, ...highWater.values(), 0);
      resolve({ wallMs: performance.now() - started, peakRssBytes, exitCode: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** The pid and all its descendants, through /proc/<pid>/task/<tid>/children. */
function processTree(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    out.push(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ')) if (child.trim()) queue.push(Number(child));
      } catch {
        /* the task ended between the two reads */
      }
    }
  }
  return out;
}

function readMemory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}
