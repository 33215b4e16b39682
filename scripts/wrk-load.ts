// The HTTP load of bench:ingest driven by wrk (C, Debian's package `wrk`) instead of autocannon (Node): the
// load generator shares the machine's cores with the server and the database, and wrk needs about a quarter
// of autocannon's CPU per request. Every request is still a distinct response: a Lua script splices a fresh
// UUID into each body, unit after unit in turn, as autocannon's setupRequest does.
import { execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuMs } from './process-cpu.ts';

export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its usage and exits 1 on --version: installed all the same.
    return (error as { status?: number }).status === 1;
  }
}

export interface WrkResult {
  requests: number;
  perSecond: number;
  p99Ms: number;
  /** Non-2xx answers and socket errors. */
  errors: number;
  /** CPU time of the wrk process in ms (user + system). */
  cpuMs: number;
}

const luaString = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The Lua script: bodies as [head, tail] around the id. Ids are version-4 shaped UUIDs, unique per run: a
 * random salt, the thread's number and a per-thread counter.
 */
function luaScript(templates: ReadonlyArray<readonly [string, string]>): string {
  const salt = randomInt(2 ** 31);
  return `
local bodies = { ${templates.map(([head, tail]) => `{ ${luaString(head)}, ${luaString(tail)} }`).join(', ')} }
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
local headers = { ["Content-Type"] = "application/json" }
function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  local id = string.format("%08x-%04x-4000-8000-%012x", ${salt}, tid, counter)
  return wrk.format("POST", "/api/responses", headers, body[1] .. id .. body[2])
end
`;
}

const DURATION_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function parseOutput(out: string): Omit<WrkResult, 'cpuMs'> {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(out);
    if (!match) throw new Error(`wrk printed no ${pattern}:\n${out}`);
    return match;
  };
  const p99 = number(/^\s*99%\s+([0-9.]+)(us|ms|s|m)\s*$/m);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return {
    requests: Number(number(/(\d+) requests in/)[1]),
    perSecond: Number(number(/Requests\/sec:\s+([0-9.]+)/)[1]),
    p99Ms: Number(p99[1]) * DURATION_UNITS[p99[2]!]!,
    errors: Number(non2xx?.[1] ?? 0) + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

/** Runs wrk against POST {url}/api/responses for `seconds` with `connections` connections over 2 threads. */
export async function runWrk(
  url: string,
  connections: number,
  seconds: number,
  templates: ReadonlyArray<readonly [string, string]>,
): Promise<WrkResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-wrk-'));
  const script = path.join(dir, 'responses.lua');
  fs.writeFileSync(script, luaScript(templates));
  try {
    const child = spawn('wrk', ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--latency', '-s', script, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    // Its CPU is read while it runs: once it exits, /proc forgets it. The last sample is within 50 ms of the end.
    let used = 0;
    const sampler = setInterval(() => (used = Math.max(used, cpuMs(child.pid!))), 50);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(sampler);
    if (code !== 0) throw new Error(`wrk exited with ${code}:\n${out}`);
    return { ...parseOutput(out), cpuMs: used };
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}
