// `npm run bench [-- --quick]`: the server's figures beside a node:http hello-world measured in the same run.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createApiKey } from '@pindown/server'
import { openStore } from '@pindown/store'
import { renderLadder, runLadder } from './ladder.js'
import { measure } from './measure.js'
import { startHelloWorld, startPindown } from './processes.js'
import { type Row, renderMarkdown, renderTable } from './report.js'
import { cursorAfter, seed, seededId } from './seed.js'
import { measureValidation, renderValidation } from './validation.js'
import { workloads } from './workloads.js'

const args = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'perf-map': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
}).values
if (args.help) {
  console.log(`Usage: npm run bench -- [--quick] [--only <text>] [--profile] [--perf-map]

  --quick         a few seconds per workload and 50,000 pins in the large workspace (what CI runs)
  --only <text>   run only the workloads whose name contains <text>, e.g. --only "GET /v1/pins?"
  --profile       write a V8 CPU profile of the server to bench/profiles/ (open it in Chrome DevTools,
                  or summarise it with: node --import tsx bench/profile-summary.ts <file>)
  --perf-map      start the server with --perf-basic-prof, so that Linux perf names its JavaScript frames
                  (perf record -g -p <pid of "pindown.js serve">)`)
  process.exit(0)
}
const quick = args.quick
const seconds = quick ? 2 : 10
const small = { id: 'ws_bench_sm', count: 10_000 }
const large = { id: 'ws_bench_lg', count: quick ? 50_000 : 1_000_000 }

const log = (text: string) => process.stderr.write(`${text}\n`)
function progressBar(label: string, total: number) {
  const started = performance.now()
  return (done: number) => {
    const width = 30
    const filled = Math.round((done / total) * width)
    const rate = Math.round(done / ((performance.now() - started) / 1000))
    process.stderr.write(
      `\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${rate}/s)`,
    )
    if (done === total) process.stderr.write('\n')
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pindown-bench-'))
const databaseUrl = `sqlite:${join(dir, 'bench.db')}`
try {
  log('Validation cost per pin type')
  const validation = measureValidation(quick ? 20 : 200)
  log(renderValidation(validation.slice(0, 5)))
  log(`Seeding ${small.count} + ${large.count} pins into a fresh database (${dir})`)
  const store = await openStore({ url: databaseUrl })
  const t0 = performance.now()
  for (const ws of [small, large]) {
    await store.createWorkspace({ id: ws.id, name: ws.id, createdAt: Date.now() })
    await seed(store, ws.id, ws.count, progressBar(ws.id, ws.count))
  }
  const seedSeconds = (performance.now() - t0) / 1000
  const { key } = await createApiKey(store, { workspaceId: small.id, name: 'bench' })
  const { key: largeKey } = await createApiKey(store, { workspaceId: large.id, name: 'bench-large' })
  await store.close()
  // Write the seeded database out now, so the kernel's writeback does not take CPU from the measurements.
  execFileSync('sync')

  log('Starting hello-world and pindown')
  const hello = await startHelloWorld()
  const server = await startPindown(databaseUrl, { profile: args.profile, perfMap: args['perf-map'] })
  const rows: Row[] = []
  try {
    const ceiling = await measure(hello.url, hello.pid, {}, seconds)
    rows.push({ name: 'hello-world (node:http)', ...ceiling, ratio: 1 })
    log(`  hello-world: ${Math.round(ceiling.rps)} req/s`)

    const context = {
      url: server.url,
      key,
      largeKey,
      pinIds: Array.from({ length: 2000 }, (_, i) => seededId(small.id, i)),
      deepCursor: cursorAfter(small.id, small.count, small.count / 2),
      largeDeepCursor: cursorAfter(large.id, large.count, large.count / 2),
      largeWalk: Array.from({ length: large.count / 20 - 1 }, (_, page) =>
        cursorAfter(large.id, large.count, page * 20 + 19),
      ),
    }
    for (const workload of workloads(context).filter((w) => !args.only || w.name.includes(args.only))) {
      log(`  ${workload.name} ...`)
      const m = await measure(server.url, server.pid, workload.load, seconds)
      rows.push({
        name: workload.name,
        ...m,
        ratio: m.rps / ceiling.rps,
        ...(workload.unit && { perUnit: m.rps * workload.unit.per, unit: workload.unit.name }),
      })
      log(
        `    ${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.cpuMicrosPerRequest.toFixed(0)} µs CPU each${m.non2xx ? `, ${m.non2xx} non-2xx!` : ''}`,
      )
    }

    const ladderRate = 10_000
    log(`Cost ladder: server CPU per request at ${ladderRate} requests/s, step by step`)
    const ladder = await runLadder({
      databaseUrl,
      key,
      pinId: context.pinIds[0]!,
      rate: ladderRate,
      seconds: quick ? 2 : 5,
      log,
    })

    await new Promise((resolve) => setTimeout(resolve, 2000))
    const rss = server.rssMb()
    const restart = await startPindown(databaseUrl)
    const startMs = restart.startMs
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const idleRss = restart.rssMb()
    await restart.stop()

    const extras = {
      seedSeconds,
      seededPins: small.count + large.count,
      rssAfterLoadMb: rss,
      idleRssMb: idleRss,
      startToFirst200Ms: startMs,
    }
    const report = {
      date: new Date().toISOString(),
      quick,
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      secondsPerWorkload: seconds,
      rows,
      extras,
      ladder: { rate: ladderRate, rungs: ladder },
      validation,
    }
    console.log(renderTable(rows, extras))
    console.log(`\n${renderLadder(ladder, ladderRate)}`)
    mkdirSync(new URL('results/', import.meta.url), { recursive: true })
    const stamp = report.date.slice(0, 19).replace(/:/g, '-')
    const base = new URL(`results/${stamp}${quick ? '-quick' : ''}`, import.meta.url)
    writeFileSync(`${base.pathname}.json`, `${JSON.stringify(report, null, 2)}\n`)
    writeFileSync(`${base.pathname}.md`, renderMarkdown(report))
    log(`Wrote ${base.pathname}.json and .md`)
  } finally {
    await server.stop()
    await hello.stop()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
