import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { formatPath, type PinTypeId, pinTypeIds, pinTypes, validatePinConfig } from '@pindown/pin-types'
import { Marked } from 'marked'
import type { Page } from 'playwright-core'
import { startViewer, type ViewerFixture } from './viewer-harness.js'
import { families, type Payload, payloads } from './xss-payloads.js'
import { xssTrap } from './xss-trap.js'

// PIN_TYPES=a,b limits the run, as in render.test.ts.
const only = process.env.PIN_TYPES?.split(',').filter(Boolean)
const types = pinTypeIds.filter((id) => !only || only.includes(id))

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type Path = (string | number)[]

/**
 * How payloads reach the pages. A board shows at most 50 pins and a page load costs far more than a pin,
 * so each pin carries many payloads: every string field of the type's example gets its own payloads, and
 * a field takes up to `perField` of them at once, separated by a blank line (a new paragraph in Markdown).
 * Every payload goes through every field of every type (unless the schema refuses it there on its own),
 * and the list items of an example (`items[0].title`, `items[1].title`...) are slots of one field, each
 * taking the next payloads. A `first` payload (a URL scheme) only starts a field's value; a payload that
 * hides what follows it (an unclosed comment, `<textarea>`, `<plaintext>`...) only ends one; a mermaid
 * diagram is alone in a mermaid pin's code (elsewhere it is text like any other).
 */
const perField = 4
const separator = '\n\n'
const boardSize = 50
/** How long a page is watched after it is ready and poked, in ms. */
const settle = 250

/** Every path to a string value in `value` (object keys are left alone: they name columns, options...). */
function stringPaths(value: Json, path: Path = []): Path[] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]))
  return []
}

/**
 * `example` with the strings at `entries`' paths replaced. A string that is also a key elsewhere (a
 * decision matrix's options name its scores) is renamed there too, once every value is in place.
 */
function fill(example: Json, entries: readonly (readonly [Path, string])[]): Json {
  const copy = structuredClone(example)
  const renames: [string, string][] = []
  for (const [path, text] of entries) {
    let node = copy as Record<string | number, Json>
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>
    renames.push([node[path.at(-1)!] as string, text])
    node[path.at(-1)!] = text
  }
  for (const [from, to] of renames) renameKeys(copy, from, to)
  return copy
}

function renameKeys(value: Json, from: string, to: string): void {
  if (Array.isArray(value)) for (const item of value) renameKeys(item, from, to)
  else if (value && typeof value === 'object') {
    if (Object.hasOwn(value, from) && !Object.hasOwn(value, to)) {
      const entries = Object.entries(value).map(([k, v]): [string, Json] => [k === from ? to : k, v])
      for (const k of Object.keys(value)) delete value[k]
      Object.assign(value, Object.fromEntries(entries))
    }
    for (const v of Object.values(value)) renameKeys(v, from, to)
  }
}

interface Slot {
  readonly path: Path
  /** `items[2].title`, as validation issues name it. */
  readonly key: string
  /** `items[].title`: the slots of one field share its payloads. */
  readonly field: string
}

/** Which slots a validation issue is about: its own path, or every slot under it. Exact when it names one. */
function blamed(issuePath: string, slots: readonly Slot[]): { slots: Slot[]; exact: boolean } {
  const exact = slots.filter((s) => s.key === issuePath)
  if (exact.length > 0) return { slots: exact, exact: true }
  const under = slots.filter(
    (s) => issuePath === '(root)' || s.key.startsWith(`${issuePath}.`) || s.key.startsWith(`${issuePath}[`),
  )
  return { slots: under, exact: false }
}

interface Plan {
  /** The configs, each with the payload numbers it carries. */
  readonly pins: { config: Json; carries: number[] }[]
  /** `field\npayload index` pairs placed in a pin. */
  readonly placed: ReadonlySet<string>
  /** `field\npayload index` pairs the schema refuses. */
  readonly refused: ReadonlySet<string>
  /** How many fields (`items[].title` once) the example has. */
  readonly fields: number
}

/**
 * Spreads every payload over every string field of `example`, packing several into a field and moving on
 * when the schema refuses a pack (too long for the field, not a URL...). A pair the schema refuses is
 * counted, never silently dropped: when the refusal could have come from another field, the payload is
 * tried alone in that field of the example, and gets a pin of its own if it passes.
 */
function plan(type: PinTypeId, example: Json, hides: readonly boolean[]): Plan {
  const slots: Slot[] = stringPaths(example).map((path) => {
    const key = formatPath(path)
    return { path, key, field: key.replace(/\[\d+\]/g, '[]') }
  })
  const fields = [...new Set(slots.map((s) => s.field))]
  const queue = new Map(fields.map((f) => [f, payloads.map((_, i) => i)]))
  const capacity = new Map(fields.map((f) => [f, perField]))
  const alone = (p: Payload) => p.placement === 'diagram' && type === 'mermaid'
  const startsOnly = (p: Payload) => p.placement === 'first'
  const refused = new Set<string>()
  const doubtful = new Set<string>()
  const placed = new Set<string>()
  const pins: Plan['pins'] = []

  const take = (field: string): number[] => {
    const q = queue.get(field)!
    const pack: number[] = []
    while (q.length > 0 && pack.length < capacity.get(field)!) {
      const last = pack.at(-1)
      const next = payloads[q[0]!]!
      if (last !== undefined && (hides[last] || alone(payloads[last]!) || alone(next) || startsOnly(next))) break
      pack.push(q.shift()!)
    }
    return pack
  }
  const text = (pack: number[]) => pack.map((i) => payloads[i]!.text).join(separator)
  const build = (packs: Map<Slot, number[]>) =>
    fill(
      example,
      [...packs].filter(([, pack]) => pack.length > 0).map(([slot, pack]) => [slot.path, text(pack)] as const),
    )
  /** A pack the schema refused in `slot`: one payload fewer, or the next payloads when it was only one. */
  const shrink = (packs: Map<Slot, number[]>, slot: Slot, exact: boolean) => {
    const pack = packs.get(slot)!
    if (pack.length > 1) {
      capacity.set(slot.field, pack.length - 1)
      queue.get(slot.field)!.unshift(pack.pop()!)
      return
    }
    ;(exact ? refused : doubtful).add(`${slot.field}\n${pack[0]}`)
    packs.set(slot, take(slot.field))
  }

  while ([...queue.values()].some((q) => q.length > 0)) {
    const packs = new Map(slots.map((slot) => [slot, take(slot.field)]))
    let config: Json | undefined
    // Quick: validate the whole config, take back what the issues point at, again.
    while (!config) {
      const candidate = build(packs)
      const result = validatePinConfig(type, candidate)
      if (result.ok) {
        config = candidate
        break
      }
      const faults = result.issues.flatMap((issue) => {
        const { slots: hit, exact } = blamed(issue.path, slots)
        return hit.filter((s) => packs.get(s)!.length > 0).map((s) => ({ slot: s, exact }))
      })
      if (faults.length === 0) break
      for (const { slot, exact } of new Map(faults.map((f) => [f.slot, f])).values()) shrink(packs, slot, exact)
    }
    // Slow, when the issues name no slot that holds payloads: one slot at a time, as a visitor's edits would.
    if (!config) {
      const accepted: [Path, string][] = []
      for (const slot of slots) {
        while (packs.get(slot)!.length > 0) {
          const entry: [Path, string] = [slot.path, text(packs.get(slot)!)]
          if (validatePinConfig(type, fill(example, [...accepted, entry])).ok) {
            accepted.push(entry)
            break
          }
          shrink(packs, slot, false)
        }
      }
      config = fill(example, accepted)
    }
    const carries = new Set<number>()
    for (const [slot, pack] of packs) {
      if (pack.length === capacity.get(slot.field)) capacity.set(slot.field, Math.min(perField, pack.length + 1))
      for (const i of pack) {
        placed.add(`${slot.field}\n${i}`)
        carries.add(payloads[i]!.n)
      }
    }
    if (carries.size > 0) pins.push({ config, carries: [...carries] })
  }

  // A refusal blamed on several slots at once may have been another slot's fault: try the payload alone.
  for (const pair of doubtful) {
    if (placed.has(pair) || refused.has(pair)) continue
    const [field, index] = pair.split('\n') as [string, string]
    const payload = payloads[Number(index)]!
    const slot = slots.find(
      (s) => s.field === field && validatePinConfig(type, fill(example, [[s.path, payload.text]])).ok,
    )
    if (!slot) {
      refused.add(pair)
      continue
    }
    placed.add(pair)
    pins.push({ config: fill(example, [[slot.path, payload.text]]), carries: [payload.n] })
  }
  return { pins, placed, refused, fields: fields.length }
}

/**
 * A string the API stores: it refuses lone surrogates and NUL anywhere (a config holding one is refused by
 * `plan`; titles and tags get U+FFFD in their place), and a URL cannot carry a lone surrogate either.
 */
const storable = (text: string) =>
  (text as unknown as { toWellFormed(): string }).toWellFormed().replaceAll('\u0000', '\uFFFD')

/** Up to `max` characters without a split surrogate pair. */
function clip(text: string, max: number): string {
  const cut = text.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

/** The next payloads that fit in `max` characters, joined, from a queue that wraps around. */
function nextPack(cursor: { at: number }, max: number): string {
  let out = ''
  for (;;) {
    const text = storable(payloads[cursor.at % payloads.length]!.text)
    const joined = out ? `${out}${separator}${text}` : clip(text, max)
    if (out && joined.length > max) return out
    out = joined
    cursor.at++
    if (out.trim()) return out
  }
}

/** Pin titles and tags take payloads too, from their own queue (the server trims them). */
function metadata(cursor: { at: number }): { title: string; tags: string[] } {
  const title = nextPack(cursor, 200)
  const tags = Array.from({ length: 20 }, () => clip(storable(payloads[cursor.at++ % payloads.length]!.text), 50))
  return { title: title.trim() ? title : 'x', tags: tags.filter((tag) => tag.trim()) }
}

/**
 * Whether `text`, or a reading of it through the decodings a browser or a script may apply (entities, %xx,
 * JavaScript escapes, base64), matches `call`.
 */
function decodesTo(text: string, call: RegExp): boolean {
  const named: Record<string, string> = { colon: ':', Tab: '\t', NewLine: '\n', lt: '<', gt: '>', quot: '"', amp: '&' }
  const decoders = [
    (t: string) =>
      t
        .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
        .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&(colon|Tab|NewLine|lt|gt|quot|amp);/g, (_, name: string) => named[name]!),
    (t: string) => t.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    (t: string) =>
      t
        .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
        .replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    (t: string) =>
      [...t.matchAll(/(?:base64,|atob\(')([A-Za-z0-9+/=]+)/g)]
        .map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'))
        .join(' '),
  ]
  const seen = new Set([text])
  let frontier = [text]
  for (let round = 0; round < 3 && !frontier.some((t) => call.test(t)); round++) {
    frontier = frontier.flatMap((t) => decoders.map((d) => d(t))).filter((t) => !seen.has(t))
    for (const t of frontier) seen.add(t)
  }
  return frontier.some((t) => call.test(t))
}

/** Hovers and clicks everything a visitor could, in case a handler waits for them. Runs in the page. */
const poke = () => {
  for (const el of document.querySelectorAll<HTMLElement>('main *')) {
    el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
    // Not links: following one leaves the page (their URLs are checked below).
    if (!el.closest('a')) el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
  }
}

/**
 * What a page shows that it should not: script-bearing attributes and elements, pins that failed to render,
 * calls to the hook and CSP violations. Runs in the page; esbuild names the functions it compiles, so this
 * code declares none.
 */
const scanPage = () => {
  const dangerous: string[] = []
  const urlAttribute = /^(href|xlink:href|src|lowsrc|dynsrc|action|formaction|data|poster|background|ping|cite)$/i
  for (const el of document.body.querySelectorAll('*')) {
    for (const a of el.attributes) {
      let bad =
        /^on/i.test(a.name) ||
        a.name === 'srcdoc' ||
        (/^(srcset|imagesrcset)$/i.test(a.name) && /javascript:|data:text/i.test(a.value)) ||
        // SVG animation that would write a script URL into a link.
        (/^(to|from|values|by)$/i.test(a.name) && /javascript:/i.test(a.value))
      if (!bad && urlAttribute.test(a.name)) {
        // As the browser reads it (tabs, newlines and leading controls dropped): a URL that runs
        // script or loads a document that can. A data: picture in an image is harmless.
        let url: URL | undefined
        try {
          url = new URL(a.value, document.baseURI)
        } catch {}
        const picture = /^(img|image|source|picture)$/.test(el.localName) && /^data:image\//i.test(url?.href ?? '')
        bad =
          ['javascript:', 'vbscript:', 'livescript:', 'blob:', 'filesystem:'].includes(url?.protocol ?? '') ||
          (url?.protocol === 'data:' && !picture)
      }
      if (bad) {
        const pin = el.closest('[data-pin-id]')?.getAttribute('data-pin-id') ?? 'page'
        dangerous.push(`${pin}: <${el.localName} ${a.name}="${a.value.slice(0, 80)}">`)
      }
    }
  }
  // Elements that run or load code, or change where the page's URLs and forms go. The viewer makes
  // none in a pin, except provider frames (embed), which are sandboxed.
  const elements = [
    ...document.querySelectorAll(
      'body script, object, embed, applet, base, body meta, body link, frame, frameset, portal, iframe:not([sandbox])',
    ),
  ].map((el) => `${el.closest('[data-pin-id]')?.getAttribute('data-pin-id') ?? 'page'}: ${el.outerHTML.slice(0, 100)}`)
  const failed = [...document.querySelectorAll('.pin-body > .pin-notice')].map(
    (el) => `${el.closest('[data-pin-id]')?.getAttribute('data-pin-id') ?? 'page'}: ${el.textContent}`,
  )
  const hits = (window as unknown as { __hits: string[] }).__hits
  return { dangerous, elements, failed, hits }
}

let viewer: ViewerFixture
let page: Page
/** Payloads after which, in the same field, the next would not be parsed as markup (see `plan`). */
let hides: boolean[] = []
const pageErrors: string[] = []
const boardTitles = { at: 0 }

before(async () => {
  viewer = await startViewer()
  // One page for the whole run: a new one per type would load the viewer's scripts cold each time.
  page = await viewer.browser.newPage()
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`))
  await page.addInitScript(xssTrap)
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: '' }),
  )
  // Which payloads leave the HTML parser (as is, and after Markdown, block or inline) unable to see markup
  // that follows them: those end a field's pack.
  const marked = new Marked({ gfm: true, breaks: false, async: false })
  const probe = '<i id="xss-probe"></i>'
  const readings = payloads.map(({ text }) => [
    `${text}${separator}${probe}`,
    marked.parse(`${text}${separator}${probe}`) as string,
    marked.parse(`${text} ${probe}`.replace(/\s*\n\s*/g, ' ').trim()) as string,
  ])
  hides = await page.evaluate(
    (all) =>
      all.map((texts) =>
        texts.some((t) => !new DOMParser().parseFromString(t, 'text/html').getElementById('xss-probe')),
      ),
    readings,
  )
})
after(() => viewer.close())

test(`${payloads.length} payloads, each distinct and carrying its own __xss(n) call`, (t) => {
  for (const family of families) t.diagnostic(`${family.makes.length} ${family.name}`)
  t.diagnostic(`hide what follows them (end a field's pack): ${payloads.filter((_, i) => hides[i]).map((p) => p.n)}`)
  assert.ok(payloads.length >= 300, `${payloads.length} payloads`)
  const shapes = families.flatMap((f) => f.makes.map((make) => make('__xss(0)', 0)))
  const twice = shapes.filter((s, i) => shapes.indexOf(s) !== i)
  assert.deepEqual(twice, [], 'no payload twice')
  const silent = payloads.filter(({ n, text }) => !decodesTo(text, new RegExp(`__xss(?:'\\])?\\(${n}\\)`)))
  assert.deepEqual(
    silent.map((p) => `${p.n}: ${p.text}`),
    [],
    'every payload calls __xss(n) with its own number',
  )
})

test('the checks see markup that reaches a page', async () => {
  const id = await viewer.createPin({
    pin_type: 'markdown',
    pin_config: { content: 'Hello' },
    metadata: { title: 'x' },
  })
  await page.goto(`${viewer.server.url}/share/board?pins=${id}`)
  await page.waitForSelector('body[data-ready="true"]')
  // What a broken renderer would do: hostile markup straight into the page.
  await page.evaluate(() =>
    document
      .querySelector('[data-pin-id] .pin-body')!
      .insertAdjacentHTML(
        'beforeend',
        '<img src=x onerror=__xss(0)><a href="java&#x09;script:__xss(0)">x</a><object data="x"></object>',
      ),
  )
  await page.evaluate(poke)
  await page.waitForTimeout(settle)
  const found = await page.evaluate(scanPage)
  assert.deepEqual(
    found.dangerous.map((line) => line.replace(/^[^:]+: /, '')),
    ['<img onerror="__xss(0)">', '<a href="java\tscript:__xss(0)">'],
  )
  assert.equal(found.elements.length, 1, found.elements.join('\n'))
  assert.ok(
    found.hits.some((hit) => hit.startsWith('CSP script-src-attr')),
    `the CSP reported the handler: ${found.hits}`,
  )
})

for (const type of types) {
  test(`${type}: no payload in any string field runs a script`, async (t) => {
    const example = pinTypes[type].examples[0] as Json
    const { pins, placed, refused, fields } = plan(type, example, hides)
    assert.equal(placed.size + refused.size, fields * payloads.length, 'every payload placed or refused in every field')
    t.diagnostic(
      `${pins.length} pins; ${placed.size} payload × field pairs placed, ${refused.size} refused by the schema`,
    )
    const cursor = { at: 0 }
    const bodies = pins.map(({ config }) => ({
      is_public: true,
      pin_type: type,
      pin_config: config,
      metadata: metadata(cursor),
    }))
    const ids: string[] = []
    // Batches of at most 50 pins, and under the server's 1 MiB body limit.
    const sizes = bodies.map((body) => JSON.stringify(body).length + 1)
    for (let i = 0; i < bodies.length; ) {
      let end = i + 1
      for (let size = sizes[i]!; end < bodies.length && end - i < 50 && size + sizes[end]! < 900_000; end++) {
        size += sizes[end]!
      }
      const answer = await viewer.server.request('POST', '/v1/pins/batch', {
        key: viewer.key,
        body: { pins: bodies.slice(i, end) },
      })
      assert.deepEqual(answer.body.data?.failed, [], JSON.stringify(answer.body).slice(0, 500))
      ids.push(...answer.body.data.created.map((c: { id: string }) => c.id))
      i = end
    }
    const carries = new Map(ids.map((id, i) => [id, pins[i]!.carries]))
    for (let i = 0; i < ids.length; i += boardSize) {
      const title = encodeURIComponent(nextPack(boardTitles, 200))
      await page.goto(`${viewer.server.url}/share/board?pins=${ids.slice(i, i + boardSize).join(',')}&title=${title}`)
      // Generous: a page of 50 mermaid diagrams draws them one at a time, and CI machines are busy.
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 })
      await page.evaluate(poke)
      // Time for what comes later: image errors, toggles, animations, and the reports of what the CSP blocked.
      await page.waitForTimeout(settle)
      const found = await page.evaluate(scanPage)
      // Name the payloads of a pin that fails, so that a failure can be traced to them.
      const blame = (lines: string[]) =>
        lines.map((line) => `${line}  [payloads ${carries.get(line.split(':')[0]!)?.join(',') ?? '?'}]`)
      assert.deepEqual(blame(found.dangerous), [], 'no event handler, script URL or srcdoc in the DOM')
      assert.deepEqual(blame(found.elements), [], 'no script, object, embed, base, meta or unsandboxed frame')
      assert.deepEqual(blame(found.failed), [], 'every pin renders (a renderer that throws shows a notice)')
      assert.deepEqual(found.hits, [], 'no payload ran and the CSP blocked nothing')
      assert.deepEqual(pageErrors.splice(0), [], 'no uncaught error in the page')
    }
  })
}
