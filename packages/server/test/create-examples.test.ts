import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { type Answer, startWithKey, type TestServer } from './harness.js'

// The four examples of the hosted docs' "Create a Pin" page, replayed over HTTP.
let t: TestServer
let key: string
before(async () => ({ t, key } = await startWithKey()))
after(() => t.close())

function assertCreated(answer: Answer, expected: { data_type: string; is_public?: boolean; allow_comments?: boolean }) {
  assert.equal(answer.status, 201)
  assert.equal(answer.body.success, true)
  assert.equal(answer.body.message, 'Pin created successfully')
  const data = answer.body.data
  assert.deepEqual(Object.keys(data).sort(), [
    'allow_comments',
    'allow_edit',
    'created_at',
    'data_type',
    'id',
    'is_public',
    'require_sign_in',
  ])
  assert.match(data.id, /^p-[a-z0-9]{12}$/)
  assert.ok(Number.isInteger(data.created_at) && Math.abs(data.created_at - Date.now()) < 60_000, 'created_at in ms')
  assert.equal(data.data_type, expected.data_type)
  assert.equal(data.is_public, expected.is_public ?? false)
  assert.equal(data.allow_edit, false)
  assert.equal(data.require_sign_in, false)
  assert.equal(data.allow_comments, expected.allow_comments ?? false)
}

test('minimum required: a title-only markdown pin', async () => {
  const created = await t.request('POST', '/v1/pins', { key, body: { metadata: { title: 'My First Pin' } } })
  assertCreated(created, { data_type: 'markdown' })
  const pin = (await t.request('GET', `/v1/pins/${created.body.data.id}`, { key })).body.data
  assert.equal(pin.pin_type, 'markdown')
  assert.deepEqual(pin.pin_config, {})
  assert.equal(pin.pin_layout, '1x1')
  assert.equal(pin.metadata.title, 'My First Pin')
  assert.deepEqual(pin.metadata.tags, [])
  assert.equal(pin.version, 1)
  assert.equal(pin.updated_at, pin.created_at)
})

test('a public markdown pin with comments and tags', async () => {
  const created = await t.request('POST', '/v1/pins', {
    key,
    body: {
      pin_type: 'markdown',
      is_public: true,
      allow_comments: true,
      require_sign_in: false,
      metadata: { title: 'Public Documentation', tags: ['docs', 'team'] },
    },
  })
  assertCreated(created, { data_type: 'markdown', is_public: true, allow_comments: true })
  const pin = (await t.request('GET', `/v1/pins/${created.body.data.id}`, { key })).body.data
  assert.deepEqual(pin.metadata.tags, ['docs', 'team'])
  assert.equal(pin.shareable_url, `${t.url}/share/pin/${pin.id}`)
})

test('a pin with pending invites', async () => {
  const created = await t.request('POST', '/v1/pins', {
    key,
    body: {
      metadata: { title: 'Team Project Pin' },
      pending_invites: { 'editor@team.com': 'editor', 'viewer@team.com': 'viewer' },
    },
  })
  assertCreated(created, { data_type: 'markdown' })
  const pin = (await t.request('GET', `/v1/pins/${created.body.data.id}`, { key })).body.data
  assert.deepEqual(pin.pending_invites, { 'editor@team.com': 'editor', 'viewer@team.com': 'viewer' })
})

test('a stat-cards pin with layout 2x1', async () => {
  const pin_config = {
    cards: [
      { title: 'Total Revenue', value: '$125,430', change: '+18.2%', trend: 'up' },
      { title: 'New Customers', value: '1,234', change: '+12%', trend: 'up' },
    ],
  }
  const created = await t.request('POST', '/v1/pins', {
    key,
    body: {
      pin_type: 'stat-cards',
      pin_layout: '2x1',
      pin_config,
      metadata: { title: 'Revenue Dashboard', tags: ['sales', 'kpi'] },
    },
  })
  assertCreated(created, { data_type: 'pin-card' })
  const pin = (await t.request('GET', `/v1/pins/${created.body.data.id}`, { key })).body.data
  assert.equal(pin.pin_type, 'stat-cards')
  assert.equal(pin.pin_layout, '2x1')
  assert.deepEqual(pin.pin_config, pin_config)
  assert.deepEqual(pin.metadata.pin_config, pin_config)
  assert.equal(pin.metadata.pin_type, 'stat-cards')
  assert.equal(pin.metadata.pin_layout, '2x1')
  assert.deepEqual(pin.metadata.tags, ['sales', 'kpi'])
})
