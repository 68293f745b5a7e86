import type { Request } from 'autocannon'
import type { Load } from './measure.js'

export interface Workload {
  readonly name: string
  readonly load: Load
  /** When one request carries several items (a batch), the figure reported per item. */
  readonly unit?: { readonly name: string; readonly per: number }
}

interface Context {
  readonly key: string
  readonly largeKey: string
  readonly pinIds: readonly string[]
  readonly deepCursor: string
  readonly largeDeepCursor: string
  /** Cursors to successive pages across the large workspace: each request reads pins not read lately. */
  readonly largeWalk: readonly string[]
}

const statCards = JSON.stringify({
  pin_type: 'stat-cards',
  pin_layout: '2x1',
  metadata: { title: 'Revenue Dashboard', tags: ['sales', 'kpi'] },
  pin_config: {
    cards: [
      { title: 'Total Revenue', value: '$125,430', change: '+18.2%', trend: 'up' },
      { title: 'New Customers', value: '1,234', change: '+12%', trend: 'up' },
      { title: 'Churn', value: '2.1%', change: '-0.4 pt', trend: 'down' },
      { title: 'Open Tickets', value: 37, change: '0', trend: 'neutral' },
    ],
  },
})

const tablePin = (i: number) => ({
  pin_type: 'table',
  metadata: { title: `Regional revenue ${i}` },
  pin_config: {
    columns: [
      { id: 'region', name: 'Region', type: 'text' },
      { id: 'revenue', name: 'Revenue', type: 'currency' },
      { id: 'growth', name: 'Growth', type: 'percent' },
    ],
    rows: [
      { region: 'North America', revenue: 482_300, growth: 0.124 },
      { region: 'Europe', revenue: 311_950, growth: 0.087 },
      { region: 'Asia Pacific', revenue: 198_400, growth: -0.021 },
    ],
  },
})
const batchOf50 = JSON.stringify({ pins: Array.from({ length: 50 }, (_, i) => tablePin(i)) })

/** Cycles through `ids`, one per request, across all connections. */
function rotating(ids: readonly string[], path: (id: string) => string): Request {
  let next = 0
  return {
    setupRequest: (request) => {
      request.path = path(ids[next++ % ids.length]!)
      return request
    },
  }
}

export function workloads(c: Context): Workload[] {
  const auth = (key: string) => ({ authorization: `Bearer ${key}` })
  const json = { ...auth(c.key), 'content-type': 'application/json' }

  // Conditional updates: each request names the version it last saw for that pin.
  const versions = new Map<string, number>()
  let nextPut = 0
  const conditionalPut: Request = {
    method: 'PUT',
    setupRequest: (request, context) => {
      const id = c.pinIds[nextPut++ % c.pinIds.length]!
      ;(context as { id?: string }).id = id
      request.path = `/v1/pins/${id}`
      request.headers = { ...json, 'if-match': `"${versions.get(id) ?? 1}"` }
      request.body = JSON.stringify({ metadata: { title: `Updated ${nextPut}` }, is_public: nextPut % 2 === 0 })
      return request
    },
    onResponse: (status, _body, context, headers) => {
      const etag = headers?.etag
      // A 409 carries the current version too: requests cut off at the end of the warm-up leave stale ones.
      if ((status === 200 || status === 409) && typeof etag === 'string')
        versions.set((context as { id: string }).id, Number(etag.replace(/"/g, '')))
    },
  }

  return [
    {
      name: 'GET /v1/pins/:id',
      load: { headers: auth(c.key), requests: [rotating(c.pinIds, (id) => `/v1/pins/${id}`)] },
    },
    {
      name: 'POST /v1/pins (stat-cards, 4 cards)',
      load: { method: 'POST', headers: json, body: statCards, requests: [{ path: '/v1/pins' }] },
    },
    {
      name: 'POST /v1/pins/batch (50 table pins)',
      load: { method: 'POST', headers: json, body: batchOf50, requests: [{ path: '/v1/pins/batch' }] },
      unit: { name: 'pins/s', per: 50 },
    },
    { name: 'PUT /v1/pins/:id with If-Match', load: { requests: [conditionalPut] } },
    {
      name: 'GET /v1/pins?limit=20 (10k pins)',
      load: { headers: auth(c.key), requests: [{ path: '/v1/pins?limit=20' }] },
    },
    {
      name: 'GET /v1/pins?limit=20&cursor=deep (10k pins)',
      load: { headers: auth(c.key), requests: [{ path: `/v1/pins?limit=20&cursor=${c.deepCursor}` }] },
    },
    {
      name: 'GET /v1/pins?limit=20 (large workspace)',
      load: { headers: auth(c.largeKey), requests: [{ path: '/v1/pins?limit=20' }] },
    },
    {
      name: 'GET /v1/pins?limit=20&cursor=deep (large workspace)',
      load: { headers: auth(c.largeKey), requests: [{ path: `/v1/pins?limit=20&cursor=${c.largeDeepCursor}` }] },
    },
    {
      name: 'GET /v1/pins?limit=20, a new page each time (large workspace)',
      load: {
        headers: auth(c.largeKey),
        requests: [rotating(c.largeWalk, (cursor) => `/v1/pins?limit=20&cursor=${cursor}`)],
      },
    },
  ]
}
