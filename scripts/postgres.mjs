// A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary directory, on a free local
// port, run as the unprivileged `postgres` user when we are root. Debian's `postgresql` package provides it.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

export function postgresBin() {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
  const bin = version && join(root, version, 'bin')
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/**
 * Starts a cluster; answers its admin URL, a stop function (which deletes it) and, for fault tests, `halt`
 * and `resume`. Throws with PostgreSQL's own words if it cannot.
 */
export async function startPostgres() {
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'pindown-pg-'))
  const asRoot = userInfo().uid === 0
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    )
  const as = (command, args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args]
  const run = (command, args) => {
    const [file, argv] = as(command, args)
    const result = spawnSync(file, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
  }
  const port = await freePort()
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`
  const start = ['-D', join(dir, 'data'), '-o', options, '-l', join(dir, 'log'), '-w', 'start']
  run('pg_ctl', start)
  // Asynchronous, so that a test's own requests and streams keep running while the server goes and comes.
  const runAsync = (command, args) => {
    const [file, argv] = as(command, args)
    return new Promise((resolve, reject) =>
      execFile(file, argv, { encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error(`${command} failed: ${stderr || stdout || error.message}`)) : resolve(),
      ),
    )
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Shuts the server down as an operator restarting it would (sessions are terminated); data is kept. */
    halt: () => runAsync('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']),
    /** Starts it again on the same port after `halt()`; resolves once it accepts connections. */
    resume: () => runAsync('pg_ctl', start),
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
