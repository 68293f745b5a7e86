// A server for the cost ladder (`bench/ladder.ts`): `bare` is Fastify with one route and nothing else;
// `app` is the Pindown app with two extra routes, one public and one behind an API key.
import { buildApp, loadConfig } from '@pindown/server'
import { openStore } from '@pindown/store'
import Fastify from 'fastify'

const body = { success: true, data: { hello: 'world' } }
const mode = process.argv[2]
const app =
  mode === 'bare'
    ? Fastify()
    : await buildApp({
        config: loadConfig({ ...process.env, LOG_LEVEL: 'warn' }),
        store: await openStore({ url: process.env.DATABASE_URL! }),
      })
app.get('/ladder/public', async () => body)
if (mode !== 'bare')
  app.get('/ladder/authenticated', { config: { scope: 'pins:read', bucket: 'read' } }, async () => body)
const address = await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`listening on ${address}`)
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
