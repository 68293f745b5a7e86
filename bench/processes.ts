import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface Server {
  readonly url: string
  readonly pid: number
  /** Milliseconds from spawn to the first 200 answer. */
  readonly startMs: number
  rssMb(): number
  stop(): Promise<void>
}

async function firstOk(url: string, started: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).status === 200) return performance.now() - started
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** Starts a child process that prints `listening on <url>`, and waits for its first 200 on `probe`. */
async function start(args: string[], env: Record<string, string>, probe: string): Promise<Server> {
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /listening on (http:\/\/\S+)/i.exec(out)
      if (match) resolve(match[1]!)
    })
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)))
  })
  const startMs = await firstOk(url + probe, started, child)
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return {
    url,
    pid: child.pid!,
    startMs,
    rssMb: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

export const startHelloWorld = () => start(['--import', 'tsx', 'bench/hello-world.ts'], {}, '/')

/** Rate limits raised so that only speed is measured. */
const unlimited = {
  RATE_LIMIT_READS: '1000000000',
  RATE_LIMIT_BATCH_READS: '1000000000',
  RATE_LIMIT_WRITES: '1000000000',
}

/** A rung of the cost ladder (`ladder-server.ts`): bare Fastify, or the app with two extra routes. */
export const startLadderServer = (mode: 'bare' | 'app', databaseUrl: string) =>
  start(
    ['--import', 'tsx', 'bench/ladder-server.ts', mode],
    { DATABASE_URL: databaseUrl, ...unlimited },
    '/ladder/public',
  )

/** The built server, as `npm start` runs it, with limits raised so that only speed is measured. */
export const startPindown = (databaseUrl: string, options: { profile?: boolean; perfMap?: boolean } = {}) =>
  start(
    [
      ...(options.profile ? ['--cpu-prof', '--cpu-prof-dir', 'bench/profiles'] : []),
      ...(options.perfMap ? ['--perf-basic-prof'] : []),
      'packages/cli/bin/pindown.js',
      'serve',
    ],
    {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      ...unlimited,
    },
    '/v1/pin-types',
  )
