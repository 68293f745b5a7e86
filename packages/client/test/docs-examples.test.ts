// The hosted docs' "Create a Pin" examples, pasted unchanged: only the key and base URL come from the environment.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { PindownClient } from '@pindownai/client-js'
import { startTestServer, type TestServer } from '../../server/test/harness.js'

let server: TestServer
before(async () => {
  server = await startTestServer()
  process.env.PINDOWN_API_KEY = (await server.newKey()).key
  process.env.PINDOWN_BASE_URL = server.url
})
after(() => server.close())

test('Minimum Required: Simple Markdown Pin', async () => {
  const client = new PindownClient({
    apiKey: process.env.PINDOWN_API_KEY,
  })
  const pin = await client.pins.create({
    metadata: {
      title: 'My First Pin',
    },
  })
  console.log('Pin created:', pin.id)
  assert.match(pin.id, /^p-[a-z0-9]{12}$/)
  assert.equal((await client.pins.get(pin.id)).metadata.title, 'My First Pin')
})

test('Markdown Pin with Permissions', async () => {
  const client = new PindownClient({ apiKey: process.env.PINDOWN_API_KEY })
  const pin = await client.pins.create({
    pin_type: 'markdown',
    is_public: true,
    allow_comments: true,
    require_sign_in: false,
    metadata: {
      title: 'Public Documentation',
      tags: ['docs', 'team'],
    },
  })
  assert.equal(pin.is_public, true)
  assert.equal(pin.allow_comments, true)
})

test('Pin with Pending Invites', async () => {
  const client = new PindownClient({ apiKey: process.env.PINDOWN_API_KEY })
  const pin = await client.pins.create({
    metadata: {
      title: 'Team Project Pin',
    },
    pending_invites: {
      'editor@team.com': 'editor',
      'viewer@team.com': 'viewer',
    },
  })
  assert.deepEqual((await client.pins.get(pin.id)).pending_invites, {
    'editor@team.com': 'editor',
    'viewer@team.com': 'viewer',
  })
})

test('Example with stat cards', async () => {
  const client = new PindownClient({ apiKey: process.env.PINDOWN_API_KEY })
  const pin = await client.pins.create({
    pin_type: 'stat-cards',
    pin_layout: '2x1',
    pin_config: {
      cards: [
        {
          title: 'Total Revenue',
          value: '$125,430',
          change: '+18.2%',
          trend: 'up',
        },
        {
          title: 'New Customers',
          value: '1,234',
          change: '+12%',
          trend: 'up',
        },
      ],
    },
    metadata: {
      title: 'Revenue Dashboard',
      tags: ['sales', 'kpi'],
    },
  })
  assert.equal(pin.data_type, 'pin-card')
  const read = await client.pins.get(pin.id)
  assert.equal(read.pin_layout, '2x1')
  assert.equal(read.metadata.pin_type, 'stat-cards')
})
