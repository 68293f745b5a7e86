import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built `pindown` binary, as users run it (`npm test` builds first). */
export const bin = fileURLToPath(new URL('../bin/pindown.js', import.meta.url))

export interface CliRun {
  /** Settles when the process has ended. */
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>
  /** Resolves once stderr matches, or fails after `ms` with what it printed. */
  stderrMatch(pattern: RegExp, ms?: number): Promise<void>
}

/** Starts the binary; asynchronous, so a server in the test's own process keeps answering. */
export function startCli(args: string[], env: Record<string, string>, input?: string): CliRun {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } })
  let stdout = ''
  let stderr = ''
  const waiters = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    for (const wake of waiters) wake()
  })
  child.stdin.end(input ?? '')
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
  const stderrMatch = (pattern: RegExp, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`${args.join(' ')}: stderr did not match ${pattern} within ${ms} ms: ${stderr}`))
      }, ms)
      const check = () => {
        if (!pattern.test(stderr)) return
        clearTimeout(timer)
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })
  return { done, stderrMatch }
}

/** Runs the binary to completion. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return startCli(args, env, input).done
}

export interface ServeProcess {
  readonly child: ChildProcess
  readonly url: string
  /** Everything printed on stdout up to the "listening" line. */
  readonly banner: string
  /** Everything printed so far, on stdout and stderr. */
  output(): string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `pindown serve` and waits for its "listening" line. */
export function serve(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    // A server on PostgreSQL hands its first key and setup link over in files in the current folder:
    // a folder of its own, not the repository.
    cwd: mkdtempSync(join(tmpdir(), 'pindown-serve-')),
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk) => {
    err += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 15_000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /Pindown listening on (\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({
          child,
          url: match[1]!,
          banner: out,
          output: () => out + err,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal)
            return exited
          },
        })
      }
    })
    exited.then((code) => reject(new Error(`serve exited with ${code}: ${out}${err}`)))
  })
}
