import autocannon from 'autocannon'

export interface Measurement {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly non2xx: number
  readonly errors: number
}

export type Load = Omit<autocannon.Options, 'url' | 'duration' | 'connections'> & { connections?: number }

/** Runs a warm-up, then the measured run; answers requests per second and latency percentiles in ms. */
export async function measure(url: string, load: Load, seconds: number): Promise<Measurement> {
  const options = { connections: 32, ...load, url }
  await autocannon({ ...options, duration: Math.max(1, Math.round(seconds / 5)) })
  const result = await autocannon({ ...options, duration: seconds })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}
