// The cost ladder: the server's CPU time per request, built up step by step from a bare node:http
// server to the full `GET /v1/pins/:id`, each driven at the same fixed request rate so that the load
// generator's share of the machine is the same on every step. `npm run bench -- --ladder` runs it.
import { measure } from './measure.js'
import { type Server, startHelloWorld, startLadderServer, startPindown } from './processes.js'

export interface Rung {
  readonly name: string
  readonly cpuMicrosPerRequest: number
  readonly p50: number
  readonly p99: number
}

interface LadderContext {
  readonly databaseUrl: string
  readonly key: string
  readonly pinId: string
  readonly rate: number
  readonly seconds: number
  readonly log: (text: string) => void
}

export async function runLadder(c: LadderContext): Promise<Rung[]> {
  const auth = { authorization: `Bearer ${c.key}` }
  const steps: { name: string; start: () => Promise<Server>; path: string }[] = [
    { name: 'node:http hello-world', start: startHelloWorld, path: '/' },
    { name: 'Fastify, one route', start: () => startLadderServer('bare', c.databaseUrl), path: '/ladder/public' },
    {
      name: '+ the app: CORS, request id, error handler, logger',
      start: () => startLadderServer('app', c.databaseUrl),
      path: '/ladder/public',
    },
    {
      name: '+ API key, rate limit, scope',
      start: () => startLadderServer('app', c.databaseUrl),
      path: '/ladder/authenticated',
    },
    {
      name: '+ read the pin, answer it: GET /v1/pins/:id',
      start: () => startPindown(c.databaseUrl),
      path: `/v1/pins/${c.pinId}`,
    },
  ]
  const rungs: Rung[] = []
  for (const step of steps) {
    const server = await step.start()
    try {
      const m = await measure(server.url + step.path, server.pid, { headers: auth, overallRate: c.rate }, c.seconds)
      c.log(`  ${step.name}: ${m.cpuMicrosPerRequest.toFixed(1)} µs CPU per request`)
      rungs.push({ name: step.name, cpuMicrosPerRequest: m.cpuMicrosPerRequest, p50: m.p50, p99: m.p99 })
    } finally {
      await server.stop()
    }
  }
  return rungs
}

export function renderLadder(rungs: readonly Rung[], rate: number): string {
  const lines = [
    `| step (${rate.toLocaleString('en-US')} requests/s each) | server CPU µs/request | added by the step |`,
    '|---|---|---|',
  ]
  rungs.forEach((rung, i) => {
    const added = i === 0 ? '' : (rung.cpuMicrosPerRequest - rungs[i - 1]!.cpuMicrosPerRequest).toFixed(1)
    lines.push(`| ${rung.name} | ${rung.cpuMicrosPerRequest.toFixed(1)} | ${added} |`)
  })
  return lines.join('\n')
}
