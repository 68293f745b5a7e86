// `npm run cluster`: try the scale-out setup locally. Starts a throwaway PostgreSQL, two server instances on
// ports 4001 and 4002 sharing it, and prints a key. Ctrl-C stops everything and deletes the database.
import { spawn } from 'node:child_process'
import { startPostgres } from './postgres.mjs'

const postgres = await startPostgres()
const databaseUrl = postgres.url
const bin = new URL('../packages/cli/bin/pindown.js', import.meta.url).pathname
const children = []

const key = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [bin, 'keys', 'create', '--new-workspace', '--json'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  })
  let out = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
  })
  child.on('exit', (code) =>
    code === 0 ? resolve(JSON.parse(out).key) : reject(new Error(`keys create exited ${code}`)),
  )
})

for (const port of [4001, 4002]) {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PUBLIC_URL: 'http://127.0.0.1:4000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  children.push(child)
}

console.log(`
PostgreSQL: ${databaseUrl}
Instances:  http://127.0.0.1:4001 and http://127.0.0.1:4002 (put docs/operations.md's nginx config in front on :4000)
API key:    ${key}

Try: create through one instance, watch through the other:
  curl -s http://127.0.0.1:4001/v1/pins -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' -d '{"metadata":{"title":"Hello"}}'
  curl -N http://127.0.0.1:4002/v1/pins/<id>/events -H 'Authorization: Bearer ${key}'
Ctrl-C stops both instances and deletes the database.
`)

const stop = () => {
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => {
    postgres.stop()
    process.exit(0)
  }, 1000)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
