import fastifyStatic from '@fastify/static'
import type { PinRecord } from '@pindown/store'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppContext } from '../app-context.js'
import { commentEventData } from '../comments/comment-view.js'
import { validationError } from '../errors.js'
import { isCommentEvent } from '../events/pin-events.js'
import { countPublic } from '../hooks.js'
import { pinIdPattern } from '../ids.js'
import { type PinAccess, pinAccess, pinRole } from '../people/access.js'
import type { SignedIn } from '../people/sessions.js'
import { publicPinView } from '../pins/pin-view.js'
import type { RateLimiter } from '../rate-limit/rate-limiter.js'
import { messagePage, viewerPage } from './html.js'
import { pageHeaders } from './security-headers.js'
import type { ViewerAssets } from './viewer-assets.js'

const maxBoardPins = 50

type ShareContext = AppContext & { readonly assets: ViewerAssets; readonly limiter: RateLimiter }
type Query = Record<string, string | string[] | undefined>

/** A query parameter given once, or the first of several (`?title=a&title=b`). */
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/** `a:3,b:5` or `a,b`: pin ids, each with the version the page already shows. */
function parsePinList(text: string | undefined): { id: string; version: number }[] {
  if (text === undefined) return []
  return [
    ...new Map(
      text
        .split(',')
        .slice(0, maxBoardPins)
        .map((item) => item.trim().split(':'))
        .filter(([id]) => id && pinIdPattern.test(id))
        .map(([id, version]) => [id!, { id: id!, version: Number(version) || 0 }]),
    ).values(),
  ]
}

/**
 * The public web pages: one pin (`/share/pin/:pinId`), a board of pins (`/share/board?pins=...`), their
 * live event stream (`/share/events`), and the viewer's static files (`/assets/`).
 */
export async function shareRoutes(app: FastifyInstance, context: ShareContext): Promise<void> {
  const { store, events, streams, assets, sessions } = context
  // Pages and streams count per address; the built files they load do not (a page loads dozens).
  const limited = { onRequest: countPublic(context.limiter) }
  await app.register(fastifyStatic, {
    root: assets.dir,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    // Only the built files: nothing under a dot folder (Vite's manifest), no dotfiles.
    allowedPath: (path) => !path.split('/').some((segment) => segment.startsWith('.')),
  })

  const page = (reply: FastifyReply, embed: boolean, status: number, html: string, personal = false) =>
    reply
      .code(status)
      .headers({
        ...pageHeaders({ embed }),
        // A page made for a signed-in reader carries their CSRF token and sends their changes.
        ...(personal && { 'referrer-policy': 'same-origin', 'cache-control': 'no-store' }),
      })
      .type('text/html; charset=utf-8')
      .send(html)
  /** The page data of a page made for this reader: what they may do with each pin. */
  const readerData = async (reply: FastifyReply, reader: SignedIn | undefined, pins: PinRecord[]) => {
    if (!reader) return null
    const roles = await Promise.all(
      pins.map(async (pin) => [pin.id, await pinRole(store, pin, reader.user.id)] as const),
    )
    return {
      id: reader.user.id,
      name: reader.user.name,
      csrf: reply.generateCsrf(),
      roles: Object.fromEntries(roles.filter(([, role]) => role !== undefined)),
    }
  }
  const notFound = (reply: FastifyReply, embed: boolean) =>
    page(
      reply,
      embed,
      404,
      messagePage('Pin not found', 'This pin does not exist, or it is not shared publicly.', assets),
    )
  const eventsUrl = (pins: PinRecord[]) => `/share/events?pins=${pins.map((p) => `${p.id}:${p.version}`).join(',')}`

  /** Each pin as the reader may have it: unknown pins are `hidden`, like private ones. */
  const accessTo = async (pins: PinRecord[], reader: SignedIn | undefined) =>
    new Map<string, PinAccess>(
      await Promise.all(pins.map(async (p) => [p.id, await pinAccess(store, p, reader)] as const)),
    )

  app.get<{ Params: { pinId: string }; Querystring: Query }>('/share/pin/:pinId', limited, async (request, reply) => {
    const embed = single(request.query.embed) === '1'
    const { pinId } = request.params
    const [pin] = pinIdPattern.test(pinId) ? await store.findPins([pinId]) : []
    const reader = await sessions.current(request)
    const access = pin ? await pinAccess(store, pin, reader) : 'hidden'
    if (!pin || access === 'hidden') return notFound(reply, embed)
    if (access === 'sign-in') {
      const next = `/sign-in?next=${encodeURIComponent(`/share/pin/${pin.id}`)}`
      const message = 'The owner of this pin asks readers to sign in. Sign in, and you will come back to the pin.'
      return page(reply, embed, 401, messagePage('Sign-in required', message, assets, { href: next, text: 'Sign in' }))
    }
    const data = {
      kind: 'pin',
      embed,
      title: pin.title,
      pins: [publicPinView(pin)],
      events: eventsUrl([pin]),
      reader: await readerData(reply, reader, [pin]),
    }
    return page(reply, embed, 200, viewerPage(pin.title, data, assets, data.reader !== null), data.reader !== null)
  })

  app.get<{ Querystring: Query }>('/share/board', limited, async (request, reply) => {
    const embed = single(request.query.embed) === '1'
    const wanted = parsePinList(single(request.query.pins))
    const found = await store.findPins(wanted.map((w) => w.id))
    const reader = await sessions.current(request)
    const access = await accessTo(found, reader)
    const byId = new Map(found.map((pin) => [pin.id, pin]))
    // Pins the reader may not see are left out, exactly as if they did not exist.
    const pins = wanted.flatMap(({ id }) => {
      const pin = byId.get(id)
      return pin && access.get(id) === 'show' ? [pin] : []
    })
    if (pins.length === 0) return notFound(reply, embed)
    const title = (single(request.query.title) ?? '').slice(0, 200) || 'Board'
    const data = {
      kind: 'board',
      embed,
      title,
      pins: pins.map(publicPinView),
      events: eventsUrl(pins),
      reader: await readerData(reply, reader, pins),
    }
    return page(reply, embed, 200, viewerPage(title, data, assets, data.reader !== null), data.reader !== null)
  })

  /**
   * Public changes: `pin.updated` with what pages may show, `pin.removed` when a pin the stream has
   * shown is deleted or hidden. A pin the reader may not see sends nothing after the catch-up (its
   * edits are no one else's business), and a stream left with no visible pin ends.
   */
  app.get<{ Querystring: Query }>('/share/events', limited, async (request, reply) => {
    const wanted = parsePinList(single(request.query.pins))
    if (wanted.length === 0) {
      throw validationError([{ path: 'pins', message: 'Name at least one pin: pins=<id>:<version>,...' }])
    }
    const reader = await sessions.current(request)
    const stream = streams.open(request, reply, { perIp: true })
    const shown = new Set<string>()
    // Asked again at every event: a reader whose session ended, or whose role was taken away, stops
    // receiving the pin's changes from that moment.
    const visible = async (pin: PinRecord | undefined): Promise<boolean> => {
      if (!pin) return false
      const still = reader && (await store.people.findSession(reader.session.tokenHash, Date.now()))
      return (await pinAccess(store, pin, still ? reader : undefined)) === 'show'
    }
    let caughtUp = false
    // Events are checked one after another, so that a slow check never lets a later version overtake.
    let checks = Promise.resolve()
    const remove = (id: string) => {
      shown.delete(id)
      stream.send('pin.removed', { id })
      if (caughtUp && shown.size === 0) stream.close()
    }
    const unsubscribes = wanted.map(({ id }) =>
      events.subscribe(id, (event) => {
        checks = checks
          .then(async () => {
            if (isCommentEvent(event)) {
              // A thread is shown only beside a pin the reader sees, and only while the pin takes comments.
              if (!shown.has(id)) return
              const [pin] = await store.findPins([id])
              if (pin?.allowComments && (await visible(pin))) stream.send(event.type, commentEventData(event))
              return
            }
            const pin = event.type === 'pin.deleted' ? undefined : event.pin
            if (pin && (await visible(pin))) {
              shown.add(id)
              stream.send('pin.updated', publicPinView(pin), pin.version)
            } else if (shown.has(id)) {
              remove(id)
            }
          })
          .catch(() => stream.close())
      }),
    )
    // Catch up after subscribing: what changed since the versions the page was built with. Every pin
    // that cannot be seen is `pin.removed` here alike, whether it is private, deleted or never existed.
    const current = new Map((await store.findPins(wanted.map((w) => w.id))).map((pin) => [pin.id, pin]))
    for (const { id, version } of wanted) {
      const pin = current.get(id)
      if (!pin || !(await visible(pin))) {
        if (!shown.has(id)) stream.send('pin.removed', { id })
        continue
      }
      shown.add(id)
      if (pin.version > version) stream.send('pin.updated', publicPinView(pin), pin.version)
    }
    caughtUp = true
    if (shown.size === 0) stream.close()
    await stream.closed
    for (const unsubscribe of unsubscribes) unsubscribe()
  })
}
