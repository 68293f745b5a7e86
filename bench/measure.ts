import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

export interface Measurement {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly non2xx: number
  readonly errors: number
  /** CPU time the server process spent (user + system) per answered request, in µs. */
  readonly cpuMicrosPerRequest: number
}

export type Load = Omit<autocannon.Options, 'url' | 'duration' | 'connections'> & { connections?: number }

/** CPU seconds a process has used, user and system (Linux). */
function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (100 a second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/**
 * Runs a warm-up, then the measured run of the server process `pid`; answers requests per second,
 * latency percentiles in ms, and the server's CPU time per request (which, unlike requests per second,
 * does not depend on how much of the machine the load generator leaves over).
 */
export async function measure(url: string, pid: number, load: Load, seconds: number): Promise<Measurement> {
  const options = { connections: 32, ...load, url }
  await autocannon({ ...options, duration: Math.max(1, Math.round(seconds / 5)) })
  const cpuBefore = cpuSeconds(pid)
  const result = await autocannon({ ...options, duration: seconds })
  const cpu = cpuSeconds(pid) - cpuBefore
  return {
    cpuMicrosPerRequest: (cpu * 1e6) / Math.max(1, result.requests.total),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}
