import { dataTypes, inviteRoles, pinLayouts } from '@pindown/pin-types'
import { type Scope, scopes } from '@pindown/store'
import fc from 'fast-check'
import type { Operation } from '../src/operations/operation.js'

/**
 * What fuzz.test.ts sends: for every operation of the table, requests built from its path, query keys
 * and a valid-ish body, then bent (wrong types, boundary numbers, deep nesting, unicode edge cases,
 * prototype keys, huge counts, bytes that are not UTF-8). Pin ids and keys are named symbolically and
 * resolved when the request is sent, so a request can aim at pins created while fuzzing.
 */

/** A pin id chosen at send time: a live pin of the fuzzed workspace, of another one, or a sentinel. */
export class PinRef {
  constructor(
    readonly pool: 'own' | 'other' | 'sentinel',
    readonly index: number,
  ) {}
}

/** JSON text put into a body as it is: numbers `JSON.parse` reads oddly, duplicate keys, broken syntax. */
export class RawJson {
  constructor(readonly text: string) {}
}

type BulkKind = 'deep-array' | 'deep-object' | 'wide-array' | 'many-keys' | 'long-string' | 'emoji' | 'escapes' | 'ids'

/** A large JSON fragment, built (once per size) only when sent: deep, wide or long. */
export class Bulk {
  constructor(
    readonly kind: BulkKind,
    readonly size: number,
  ) {}
}

/** Who the request says it is: the fuzzed workspace's key, one lacking a scope, another workspace's, none, or raw. */
/** A key by its role in the run, none, a raw header, or `session`: the workspace owner's browser session. */
export type Auth = 'main' | `no ${Scope}` | 'other' | 'none' | 'session' | { readonly raw: string }

export type Body =
  | { readonly kind: 'json'; readonly value: unknown }
  /** A valid-ish body cut short. */
  | { readonly kind: 'truncated'; readonly value: unknown; readonly at: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }

export interface FuzzRequest {
  readonly op: Operation
  readonly method: string
  /** Path segments after the leading `/`: text as sent (already escaped), or a pin to resolve. */
  readonly segments: readonly (string | PinRef)[]
  /** `''` or `?...` as sent. */
  readonly query: string
  readonly auth: Auth
  readonly headers: Readonly<Record<string, string>>
  readonly body: Body | undefined
  /**
   * How the body's end is told: `Content-Length`, chunks, or not at all, so that on a GET or DELETE
   * (where Node's client adds neither) the body's bytes arrive as a second, malformed request.
   */
  readonly framing: 'length' | 'chunked' | 'none'
}

/** What the arbitraries need to know of the server: a valid example config for each pin type. */
export interface FuzzWorld {
  readonly examples: ReadonlyMap<string, Record<string, unknown>>
  /** The deepest nesting sent in a body (the server takes up to 10,000 levels). */
  readonly deepest: number
}

/** Words of a text, one per item: for lists of short tokens. */
const words = (text: string) => text.trim().split(/\s+/)

/** `Object.fromEntries` defines each key as an own property, `__proto__` included. */
const objectOf = (entries: readonly (readonly [string, unknown])[]) => Object.fromEntries(entries)

// --- leaves ---------------------------------------------------------------------------------------------

const edgeTexts = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\udc00y',
  '\ud83d',
  '\ufeff',
  '\u202eevil\u202c',
  '\u200b',
  '\u2028\u2029',
  'e\u0301\u0301\u0301',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\uffff',
  '\ufffd',
  '\u0085',
  'שלום עולם',
  '<script>alert(1)</script>',
  "'; DROP TABLE pins; --",
  '../../etc/passwd',
  '%00',
  '%zz',
  '{{7*7}}',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  'p-4k2m9x0q7r1z',
  'pk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'ann@example.com',
  'markdown',
  'stat-cards',
  'x'.repeat(50),
  'x'.repeat(51),
  'x'.repeat(200),
  'x'.repeat(201),
]

const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...edgeTexts) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
)

/** Numbers as JSON text: past the doubles (`1e309` parses to Infinity), unsafe integers, negative zero. */
const boundaryNumbers = words(`
  -1 0 -0 1 1.5 1e2 1e309 -1e309 1e-400 5e-324
  9007199254740991 9007199254740993 2147483648 18446744073709551616 1e21 123456789012345678901234567890
`)

const nastyNumber = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...boundaryNumbers).map((text) => new RawJson(text)) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
)

const protoKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'length']
const fieldNames = words(`
  metadata title tags pin_type pin_config pin_layout
  data_type is_public allow_edit require_sign_in
  allow_comments pending_invites id ids pins updates
`)

const nastyKey = fc.oneof(fc.constantFrom(...protoKeys), fc.constantFrom(...fieldNames), nastyString)

/** Large fragments: nesting down to `deepest` levels, arrays and objects around their bounds, strings near 1 MiB. */
function bulk(deepest: number): fc.Arbitrary<Bulk> {
  return fc.oneof(
    fc.constantFrom(65, 1_000, deepest).map((n) => new Bulk('deep-array', n)),
    fc.constantFrom(65, 1_000, deepest).map((n) => new Bulk('deep-object', n)),
    fc.constantFrom(1_001, 10_001, 100_000, 100_001, 300_000).map((n) => new Bulk('wide-array', n)),
    fc.constantFrom(1_001, 10_000, 10_001, 40_000).map((n) => new Bulk('many-keys', n)),
    fc.constantFrom(100_001, 524_289, 1_048_000, 1_048_577).map((n) => new Bulk('long-string', n)),
    fc.constantFrom(1_000, 200_000, 300_000).map((n) => new Bulk('emoji', n)),
    fc.constantFrom(1_000, 150_000).map((n) => new Bulk('escapes', n)),
    fc.constantFrom(101, 1_000, 50_000).map((n) => new Bulk('ids', n)),
  )
}

/** Any JSON value, leaning to the awkward ones; objects may hold `__proto__` and friends as own keys. */
const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 6, arbitrary: fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(nastyKey, tie('value')), { maxLength: 4 }).map(objectOf) },
  ),
})).value

// --- mutations of a valid-ish body ------------------------------------------------------------------------

type Mutation =
  | { readonly at: number; readonly how: 'delete' | 'wrap' | 'stringify' }
  | { readonly at: number; readonly how: 'set'; readonly value: unknown }
  | { readonly at: number; readonly how: 'add'; readonly key: string; readonly value: unknown }

function mutation(world: FuzzWorld): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ at: fc.nat(), how: fc.constantFrom('delete', 'wrap', 'stringify') }) },
    { weight: 4, arbitrary: fc.record({ at: fc.nat(), how: fc.constant('set'), value: nastyValue }) },
    { weight: 3, arbitrary: fc.record({ at: fc.nat(), how: fc.constant('add'), key: nastyKey, value: nastyValue }) },
    { weight: 1, arbitrary: fc.record({ at: fc.nat(), how: fc.constant('set'), value: bulk(world.deepest) }) },
  )
}

const isContainer = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)

/** A deep copy of the plain objects and arrays; markers (`PinRef`, `RawJson`, `Bulk`) are shared as they are. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy)
  if (isContainer(value)) return objectOf(Object.entries(value).map(([k, v]) => [k, copy(v)]))
  return value
}

type Slot = { readonly parent: Record<string, unknown> | unknown[]; readonly key: string | number }

function slots(root: unknown): Slot[] {
  const out: Slot[] = []
  const queue: unknown[] = [root]
  while (queue.length > 0 && out.length < 300) {
    const node = queue.shift()
    if (!isContainer(node)) continue
    for (const [key, child] of Object.entries(node)) {
      out.push({ parent: node, key: Array.isArray(node) ? Number(key) : key })
      queue.push(child)
    }
  }
  return out
}

const defineOwn = (target: object, key: PropertyKey, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })

/** Applies the mutations in turn; each picks its place among the body's slots by `at`. */
function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  let root = copy(base)
  for (const m of mutations) {
    const places = slots(root)
    const place = places[m.at % (places.length + 1)]
    const current = place ? (place.parent as Record<string | number, unknown>)[place.key] : root
    let next: unknown
    switch (m.how) {
      case 'delete':
        if (!place) {
          next = null
          break
        }
        if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1)
        else delete place.parent[place.key]
        continue
      case 'wrap':
        next = [current]
        break
      case 'stringify':
        next = JSON.stringify(serializable(current)) ?? 'undefined'
        break
      case 'set':
        next = copy(m.value)
        break
      case 'add':
        if (isContainer(current) && !Array.isArray(current)) {
          defineOwn(current, m.key, copy(m.value))
          continue
        }
        next = objectOf([[m.key, copy(m.value)]])
        break
    }
    if (place) defineOwn(place.parent, place.key, next)
    else root = next
  }
  return root
}

/** The value with markers replaced by plain stand-ins, for `JSON.stringify` inside a mutation. */
function serializable(value: unknown): unknown {
  if (value instanceof PinRef) return `p-${value.pool}${value.index}`
  if (value instanceof RawJson || value instanceof Bulk) return 0
  if (Array.isArray(value)) return value.map(serializable)
  if (isContainer(value)) return objectOf(Object.entries(value).map(([k, v]) => [k, serializable(v)]))
  return value
}

// --- valid-ish bodies, one per operation that takes one ----------------------------------------------------

/** Optional fields: each present one time in three. */
const sometimes = <T>(arb: fc.Arbitrary<T>, weight = 2) =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })

const compact = (o: Record<string, unknown>) => objectOf(Object.entries(o).filter(([, v]) => v !== undefined))

const title = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom('Sales 📈', 'שלום', '\u202eevil', 'x'.repeat(200), '  padded  '),
)
const tag = fc.oneof(fc.constantFrom('q3', 'ops', 'ünïcode', '🏷'), fc.string({ minLength: 1, maxLength: 10 }))
const tags = fc.array(tag, { maxLength: 4 })
const flags = fc
  .record({
    is_public: sometimes(fc.boolean(), 1),
    allow_edit: sometimes(fc.boolean()),
    require_sign_in: sometimes(fc.boolean()),
    allow_comments: sometimes(fc.boolean()),
  })
  .map(compact)
const invites = fc.dictionary(
  fc.constantFrom('ann@example.com', 'bob@example.org', 'Zoë@example.com', 'x@y.co'),
  fc.constantFrom(...inviteRoles),
  { maxKeys: 3 },
)

function placement(world: FuzzWorld) {
  const types = [...world.examples.keys()]
  return fc
    .record({
      type: fc.constantFrom(...types),
      where: fc.constantFrom('root', 'metadata', 'both', 'none'),
      layout: sometimes(fc.constantFrom(...pinLayouts)),
      dataType: sometimes(fc.constantFrom(...dataTypes)),
    })
    .map(({ type, where, layout, dataType }) => {
      const fields = compact({ pin_type: type, pin_config: world.examples.get(type), pin_layout: layout })
      return {
        root: where === 'root' || where === 'both' ? fields : {},
        metadata: where === 'metadata' || where === 'both' ? fields : {},
        dataType,
      }
    })
}

function createBody(world: FuzzWorld) {
  return fc
    .record({ title, tags: sometimes(tags), placement: placement(world), flags, invites: sometimes(invites, 4) })
    .map(({ title, tags, placement, flags, invites }) =>
      compact({
        ...placement.root,
        data_type: placement.dataType,
        ...flags,
        metadata: compact({ title, tags, ...placement.metadata }),
        pending_invites: invites,
      }),
    )
}

function updateBody(world: FuzzWorld) {
  return fc
    .record({
      metadata: sometimes(fc.record({ title: sometimes(title, 1), tags: sometimes(tags) }).map(compact), 1),
      placement: sometimes(placement(world), 1),
      flags,
      invites: sometimes(invites, 6),
    })
    .map(({ metadata, placement, flags, invites }) =>
      compact({
        ...placement?.root,
        data_type: placement?.dataType,
        ...flags,
        metadata: metadata || placement ? { ...metadata, ...placement?.metadata } : undefined,
        pending_invites: invites,
      }),
    )
}

const wellFormedId = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 12, maxLength: 12 })
  .map((s) => `p-${s}`)

const pinRef = (pool: PinRef['pool']) => fc.nat().map((i) => new PinRef(pool, i))

const idValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: pinRef('own') },
  { weight: 2, arbitrary: pinRef('sentinel') },
  { weight: 1, arbitrary: pinRef('other') },
  { weight: 1, arbitrary: wellFormedId },
  { weight: 1, arbitrary: nastyString },
)

/** Mostly a few items; now and then exactly at or just past a batch limit, as copies of one item. */
function items<T>(item: fc.Arbitrary<T>, limits: readonly number[]): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0, ...limits), item).map(([n, x]) => Array(n).fill(x)) },
  )
}

/** A request body that passes (or nearly passes) each operation's schema. */
export function validBodies(world: FuzzWorld): Record<string, fc.Arbitrary<unknown>> {
  const create = createBody(world)
  const update = updateBody(world)
  return {
    createPin: create,
    updatePin: update,
    sharePin: flags,
    batchCreatePins: items(create, [50, 51]).map((pins) => ({ pins })),
    batchGetPins: items(idValue, [100, 101]).map((ids) => ({ ids })),
    batchUpdatePins: items(
      fc.tuple(idValue, update).map(([id, changes]) => ({ id, ...changes })),
      [50, 51],
    ).map((updates) => ({ updates })),
    batchDeletePins: items(idValue, [50, 51]).map((ids) => ({ ids })),
    inviteCollaborator: fc.record({ email: fc.emailAddress(), role: fc.constantFrom('editor', 'viewer') }),
    updateCollaborator: fc.record({ role: fc.constantFrom('editor', 'viewer') }),
    createComment: fc.record(
      { body: fc.string({ minLength: 1, maxLength: 300 }), parent_id: fc.constantFrom('cmt_000000000000', 'x') },
      { requiredKeys: ['body'] },
    ),
    updateComment: fc.record({ body: fc.string({ maxLength: 300 }), resolved: fc.boolean() }, { requiredKeys: [] }),
    inviteMember: fc.record({ email: fc.emailAddress(), role: fc.constantFrom('owner', 'editor', 'viewer') }),
    updateMember: fc.record({ role: fc.constantFrom('owner', 'editor', 'viewer') }),
    changeMyPassword: fc.record({ current_password: fc.string(), new_password: fc.string({ minLength: 10 }) }),
    createKey: fc.record({
      name: fc.string({ minLength: 1, maxLength: 100 }),
      scopes: fc.subarray(['pins:read', 'pins:write', 'pins:share'], { minLength: 1 }),
    }),
  }
}

// --- raw bodies --------------------------------------------------------------------------------------------

const rawTexts = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '"x"',
  '[]',
  '{}',
  '{',
  '{"metadata":',
  '{"a":1,}',
  "{'a':1}",
  'NaN',
  '{"metadata":{"title":"x"}}//',
  '\ufeff{"metadata":{"title":"x"}}',
  '{"metadata":{"title":"x"},"metadata":{"title":"y"}}',
  '{"metadata":{"title":"x"},"is_public":true,"is_public":false}',
  '{"__proto__":{"is_public":true},"metadata":{"title":"x"}}',
  '{"metadata":{"title":"x","__proto__":null}}',
  '{"constructor":{"prototype":{"x":1}},"metadata":{"title":"x"}}',
  '{"metadata":{"title":"\\ud800"}}',
  '{"metadata":{"title":"\\x41"}}',
  '{"metadata":{"title":"a\u0000b"}}',
  '{"metadata":{"title":1e309}}',
  '{"ids":["\\u0000"]}',
  `${'['.repeat(20_000)}`,
  `{"metadata":{"title":"x"}}${' '.repeat(1000)}x`,
]

const rawText: fc.Arbitrary<Body> = fc
  .oneof(fc.constantFrom(...rawTexts), fc.string({ unit: 'binary', maxLength: 60 }))
  .map((text) => ({ kind: 'text', text }))

const badBytes: fc.Arbitrary<Body> = fc
  .oneof(
    fc
      .constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88])
      .map((bad) => Uint8Array.from([...Buffer.from('{"metadata":{"title":"'), ...bad, ...Buffer.from('"}}')])),
    fc.constant(Uint8Array.from(Buffer.from('{"metadata":{"title":"x"}}', 'utf16le'))),
    fc.uint8Array({ maxLength: 64 }),
  )
  .map((bytes) => ({ kind: 'bytes', bytes }))

function bodyFor(op: Operation, world: FuzzWorld): fc.Arbitrary<Body | undefined> {
  const valid = validBodies(world)[op.id]
  const value = valid
    ? fc.oneof(
        { weight: 5, arbitrary: valid },
        {
          weight: 5,
          arbitrary: fc
            .tuple(valid, fc.array(mutation(world), { minLength: 1, maxLength: 3 }))
            .map(([body, mutations]) => mutate(body, mutations)),
        },
        { weight: 1, arbitrary: nastyValue },
      )
    : nastyValue
  const json = value.map((v): Body => ({ kind: 'json', value: v }))
  const truncated = fc.tuple(value, fc.nat()).map(([v, at]): Body => ({ kind: 'truncated', value: v, at }))
  const takesBody = op.body !== undefined
  return fc.oneof(
    { weight: takesBody ? 24 : 1, arbitrary: json },
    { weight: 1, arbitrary: truncated },
    { weight: 1, arbitrary: rawText },
    { weight: 1, arbitrary: badBytes },
    { weight: takesBody ? 1 : 24, arbitrary: fc.constant(undefined) },
  )
}

// --- URL ---------------------------------------------------------------------------------------------------

/** Each byte of the UTF-8 text as `%XX`, but for the unreserved characters. */
const escapeAll = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[\w.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('')

/** The UTF-8 bytes as they are (as latin1 characters), escaping only what cannot be on a request line. */
const rawBytes = (s: string) =>
  Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[^!-~\x80-\xff]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)

const segmentText = fc.oneof(
  nastyString.map(escapeAll),
  nastyString.map(rawBytes),
  fc.constantFrom(
    '',
    ...words(
      '% %zz %ff %C0%AF %ED%A0%80 %00 %2F %2e%2e .. . %25 batch get share events p-4k2m9x0q7r1z%2Fshare %F0%9F%98%80 P-4K2M9X0Q7R1Z',
    ),
  ),
  fc.constantFrom(100, 101, 1_000, 20_000).map((n) => 'p'.repeat(n)),
)

function paramFor(name: string, world: FuzzWorld): fc.Arbitrary<string | PinRef> {
  if (name === 'pinId') {
    return fc.oneof(
      { weight: 8, arbitrary: pinRef('own') },
      { weight: 2, arbitrary: pinRef('sentinel') },
      { weight: 1, arbitrary: pinRef('other') },
      { weight: 1, arbitrary: wellFormedId },
      { weight: 3, arbitrary: segmentText },
    )
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.examples.keys()) },
    { weight: 2, arbitrary: segmentText },
  )
}

const numberTexts = [
  ...words(`
    -1 0 1 -0 1.5 1e2 1e309 -1e309 NaN Infinity 0x10 0b1
    100 101 1e20 9007199254740991 9007199254740993 18446744073709551616 5e-324 １
  `),
  ' 5 ',
  '',
]

const base64url = (s: string) => Buffer.from(s).toString('base64url')
const cursor = fc.oneof(
  fc
    .tuple(fc.constantFrom('0', '-1', '1.5', '1e309', '9007199254740993', '"1"', 'null', '1700000000000'), wellFormedId)
    .map(([n, id]) => base64url(`[${n},"${id}"]`)),
  fc.constantFrom('{}', '[]', 'null', '"x"', '[1]', '[1,2]').map(base64url),
  fc.string({ unit: 'binary', maxLength: 30 }),
)

function queryFor(op: Operation, world: FuzzWorld): fc.Arbitrary<string> {
  const shape = (op.query as { shape?: Record<string, unknown> } | undefined)?.shape
  const known = Object.keys(shape ?? {})
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known, 'limit', 'offset', 'cursor', 'pin_type', 'tag', 'q') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'limit[]', 'a[b]', '', 'LIMIT', 'hasOwnProperty'),
    },
    { weight: 1, arbitrary: nastyString },
  )
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...numberTexts), fc.integer().map(String)) },
    { weight: 2, arbitrary: nastyString },
    { weight: 1, arbitrary: cursor },
    { weight: 1, arbitrary: fc.constantFrom(...world.examples.keys()) },
    { weight: 1, arbitrary: fc.constantFrom(200, 201, 5_000).map((n) => 'q'.repeat(n)) },
  )
  const pair = fc
    .tuple(key, value, fc.boolean())
    .map(([k, v, escaped]) => (escaped ? `${escapeAll(k)}=${escapeAll(v)}` : `${rawBytes(k)}=${rawBytes(v)}`))
  return fc.oneof(
    { weight: known.length > 0 ? 2 : 6, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.array(pair, { minLength: 1, maxLength: 5 }).map((pairs) => `?${pairs.join('&')}`) },
    { weight: 1, arbitrary: fc.constantFrom('?', '??', '?&&', '?=', '?limit', '?limit=1&limit=2', '?%', '?limit=%zz') },
  )
}

// --- headers -----------------------------------------------------------------------------------------------

/** Header text: any string, sent as its UTF-8 bytes, without the control characters no client may send. */
const headerText = fc.string({ unit: 'binary', maxLength: 40 }).map((s) =>
  Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[^\t -~\x80-\xff]/g, ''),
)

const version = fc.nat({ max: 5 })
const ifMatch = fc.oneof(
  version.map((n) => `"${n}"`),
  version.map(String),
  version.map((n) => `W/"${n}"`),
  fc.constantFrom('*', '', '"-1"', '"1e3"', '9999999999999999', '"abc"', 'W/', '""', '"1", "2"', ' "1" '),
  headerText,
)
const idempotencyKey = fc.oneof(
  fc.constantFrom('k1', 'k2', 'k3'),
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom('', ' ', 'x'.repeat(255), 'x'.repeat(256)),
  headerText,
)
const lastEventId = fc.oneof(
  version.map(String),
  fc.constantFrom('-1', 'abc', '1e3', '999999999999999', '9999999999999999', '', ' 1', '0x1'),
  headerText,
)
const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/json;charset="UTF-8"',
      'application/json; charset=utf8',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/vnd.api+json',
      'application/json-patch+json',
      'application/jsonx',
      '*/*',
      'application/',
      ';',
      'application/json, text/plain',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
)

const headers = fc
  .record({
    'content-type': contentType,
    'if-match': sometimes(ifMatch, 5),
    'idempotency-key': sometimes(idempotencyKey, 5),
    'last-event-id': sometimes(lastEventId, 5),
    'x-request-id': sometimes(fc.oneof(fc.constantFrom('abc', 'a'.repeat(65), '../x'), headerText), 15),
    'content-encoding': sometimes(fc.constantFrom('gzip', 'br', 'identity', 'GZIP', 'x-custom'), 30),
    accept: sometimes(fc.constantFrom('text/event-stream', 'text/html', '*/*', 'application/xml'), 15),
    'x-padding': sometimes(
      fc.constantFrom(100, 17_000).map((n) => 'x'.repeat(n)),
      60,
    ),
  })
  .map(compact) as fc.Arbitrary<Record<string, string>>

const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 40, arbitrary: fc.constant('main' as const) },
  { weight: 10, arbitrary: fc.constant('session' as const) },
  { weight: 3, arbitrary: fc.constantFrom(...scopes).map((scope) => `no ${scope}` as const) },
  { weight: 3, arbitrary: fc.constant('other' as const) },
  { weight: 2, arbitrary: fc.constant('none' as const) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'bearer   {main}   ',
          'BEARER {main}',
          'Bearer {main} extra',
          'Bearer {main}x',
          'Basic dXNlcjpwYXNz',
          'Bearer pk_live_short',
          `Bearer pk_live_${'A'.repeat(43)}`,
          `Bearer pk_live_${'A'.repeat(129)}`,
          `Bearer ${'x'.repeat(5_000)}`,
        ),
        headerText.map((s) => `Bearer ${s}`),
      )
      .map((raw) => ({ raw })),
  },
)

// --- requests ----------------------------------------------------------------------------------------------

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

function requestFor(op: Operation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const parts = op.path.slice(1).split('/')
  const params = parts.map((part) => (part.startsWith(':') ? paramFor(part.slice(1), world) : fc.constant(part)))
  return fc
    .record({
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant(op.method) },
        { weight: 1, arbitrary: fc.constantFrom(...methods) },
      ),
      segments: fc.tuple(...params),
      query: queryFor(op, world),
      auth,
      headers,
      body: bodyFor(op, world),
      framing: fc.oneof(
        { weight: 40, arbitrary: fc.constant('length' as const) },
        { weight: 2, arbitrary: fc.constant('chunked' as const) },
        { weight: 1, arbitrary: fc.constant('none' as const) },
      ),
    })
    .map((r) => ({ op, ...r, [fc.toStringMethod]: () => describeRequest({ op, ...r }) }))
}

/** One request to any operation of the table, each operation as likely as the next. */
export function fuzzRequest(table: readonly Operation[], world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...table.map((op) => requestFor(op, world)))
}

// --- the wire ----------------------------------------------------------------------------------------------

export interface Wire {
  readonly method: string
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: Buffer | undefined
}

export interface Resolver {
  pin(ref: PinRef): string
  authorization(auth: Auth): string | undefined
  /** The cookie, Origin and CSRF token of the owner's session. */
  session(): Record<string, string>
}

const bulkTexts = new Map<string, string>()

function bulkText({ kind, size }: Bulk): string {
  const id = `${kind}:${size}`
  let text = bulkTexts.get(id)
  if (text !== undefined) return text
  const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join(',')
  switch (kind) {
    case 'deep-array':
      text = '['.repeat(size) + ']'.repeat(size)
      break
    case 'deep-object':
      text = `${'{"a":'.repeat(size)}0${'}'.repeat(size)}`
      break
    case 'wide-array':
      text = `[${list(size, () => '0')}]`
      break
    case 'many-keys':
      text = `{${list(size, (i) => `"k${i}":0`)}}`
      break
    case 'long-string':
      text = `"${'a'.repeat(size)}"`
      break
    case 'emoji':
      text = `"${'😀'.repeat(size)}"`
      break
    case 'escapes':
      text = `"${'\\u0000'.repeat(size)}"`
      break
    case 'ids':
      text = `[${list(size, (i) => `"p-${i.toString(36).padStart(12, '0')}"`)}]`
      break
  }
  bulkTexts.set(id, text)
  return text
}

/** JSON text of a body value, markers expanded; nesting in values is shallow (deep nesting comes as `Bulk`). */
export function jsonText(value: unknown, pin: (ref: PinRef) => string): string {
  if (value instanceof RawJson) return value.text
  if (value instanceof Bulk) return bulkText(value)
  if (value instanceof PinRef) return JSON.stringify(pin(value))
  if (Array.isArray(value)) return `[${value.map((v) => jsonText(v, pin)).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v, pin)}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function bodyBytes(body: Body, pin: (ref: PinRef) => string): Buffer {
  switch (body.kind) {
    case 'json':
      return Buffer.from(jsonText(body.value, pin))
    case 'truncated': {
      const text = jsonText(body.value, pin)
      return Buffer.from(text.slice(0, body.at % Math.max(1, text.length)))
    }
    case 'text':
      return Buffer.from(body.text)
    case 'bytes':
      return Buffer.from(body.bytes)
  }
}

export function toWire(request: FuzzRequest, resolve: Resolver): Wire {
  const path = `/${request.segments.map((s) => (s instanceof PinRef ? resolve.pin(s) : s)).join('/')}${request.query}`
  const headers: Record<string, string> = { ...request.headers }
  if (request.auth === 'session') Object.assign(headers, resolve.session())
  const authorization = resolve.authorization(request.auth)
  if (authorization !== undefined) headers.authorization = authorization
  const body = request.body && bodyBytes(request.body, (ref) => resolve.pin(ref))
  if (!body) delete headers['content-type']
  else if (request.framing === 'length') headers['content-length'] = String(body.length)
  else if (request.framing === 'chunked') headers['transfer-encoding'] = 'chunked'
  return { method: request.method, path, headers, body }
}

// --- reports -----------------------------------------------------------------------------------------------

const clip = (text: string, max = 400) =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en')} characters in all)`

const symbolic = (ref: PinRef) => `<${ref.pool} pin #${ref.index}>`

function describeBody(body: Body | undefined): string {
  if (!body) return '(none)'
  switch (body.kind) {
    case 'json':
      return clip(jsonText(body.value, symbolic))
    case 'truncated': {
      const text = jsonText(body.value, symbolic)
      return `${clip(text.slice(0, body.at % Math.max(1, text.length)))} (cut)`
    }
    case 'text':
      return `text ${clip(JSON.stringify(body.text))}`
    case 'bytes':
      return `bytes ${clip(Buffer.from(body.bytes).toString('hex'))}`
  }
}

/** The request, symbolic pins and all, clipped to a readable size: how fast-check prints a counterexample. */
export function describeRequest(request: FuzzRequest): string {
  const path = request.segments.map((s) => (s instanceof PinRef ? symbolic(s) : clip(s, 200))).join('/')
  return [
    `${request.op.id}: ${request.method} /${path}${clip(request.query, 200)}`,
    `auth: ${typeof request.auth === 'string' ? request.auth : `raw ${clip(JSON.stringify(request.auth.raw), 100)}`}`,
    `headers: ${clip(JSON.stringify(request.headers), 300)}${request.framing === 'length' ? '' : `, body framing: ${request.framing}`}`,
    `body: ${describeBody(request.body)}`,
  ].join('\n  ')
}

/** The request as sent, clipped. */
export function describeWire(wire: Wire): string {
  const headers = { ...wire.headers }
  if (headers.authorization) headers.authorization = headers.authorization.replace(/pk_live_\w+/g, 'pk_live_…')
  return [
    `${wire.method} ${clip(wire.path, 300)}`,
    `headers: ${clip(JSON.stringify(headers), 300)}`,
    `body: ${wire.body ? `${wire.body.length} bytes: ${clip(JSON.stringify(wire.body.toString('utf8')))}` : '(none)'}`,
  ].join('\n  ')
}
