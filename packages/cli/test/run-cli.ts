import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The built `pindown` binary, as users run it (`npm test` builds first). */
export const bin = fileURLToPath(new URL('../bin/pindown.js', import.meta.url))

/** Runs the binary to completion. Asynchronous, so a server in the test's own process keeps answering. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  child.stdin.end(input ?? '')
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
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
