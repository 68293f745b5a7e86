import fastifyStatic from '@fastify/static'
import type { PinRecord } from '@pindown/store'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppContext } from '../app-context.js'
import { pinIdPattern } from '../ids.js'
import { isVisibleToPublic, publicPinView } from '../pins/pin-view.js'
import { messagePage, viewerPage } from './html.js'
import { pageHeaders } from './security-headers.js'
import type { ViewerAssets } from './viewer-assets.js'

const maxBoardPins = 50

type ShareContext = AppContext & { readonly assets: ViewerAssets }

/** `a:3,b:5` or `a,b`: pin ids, each with the version the page already shows. */
function parsePinList(text: unknown): { id: string; version: number }[] {
  if (typeof text !== 'string') return []
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
  const { store, events, streams, assets } = context
  await app.register(fastifyStatic, {
    root: assets.dir,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  })

  const page = (reply: FastifyReply, embed: boolean, status: number, html: string) =>
    reply.code(status).headers(pageHeaders({ embed })).type('text/html; charset=utf-8').send(html)
  const notFound = (reply: FastifyReply, embed: boolean) =>
    page(
      reply,
      embed,
      404,
      messagePage('Pin not found', 'This pin does not exist, or it is not shared publicly.', assets),
    )
  const eventsUrl = (pins: PinRecord[]) => `/share/events?pins=${pins.map((p) => `${p.id}:${p.version}`).join(',')}`

  app.get<{ Params: { pinId: string }; Querystring: { embed?: string } }>(
    '/share/pin/:pinId',
    async (request, reply) => {
      const embed = request.query.embed === '1'
      const { pinId } = request.params
      const [pin] = pinIdPattern.test(pinId) ? await store.findPins([pinId]) : []
      if (!pin?.isPublic) return notFound(reply, embed)
      if (pin.requireSignIn) {
        const message = 'The owner of this pin asks viewers to sign in, and this server does not offer sign-in yet.'
        return page(reply, embed, 401, messagePage('Sign-in required', message, assets))
      }
      const data = { kind: 'pin', embed, title: pin.title, pins: [publicPinView(pin)], events: eventsUrl([pin]) }
      return page(reply, embed, 200, viewerPage(pin.title, data, assets))
    },
  )

  app.get<{ Querystring: { pins?: string; title?: string; embed?: string } }>(
    '/share/board',
    async (request, reply) => {
      const embed = request.query.embed === '1'
      const wanted = parsePinList(request.query.pins)
      const found = new Map((await store.findPins(wanted.map((w) => w.id))).map((pin) => [pin.id, pin]))
      // Pins that are not public are left out, exactly as if they did not exist.
      const pins = wanted.flatMap(({ id }) => {
        const pin = found.get(id)
        return pin && isVisibleToPublic(pin) ? [pin] : []
      })
      if (pins.length === 0) return notFound(reply, embed)
      const title = (request.query.title ?? '').slice(0, 200) || 'Board'
      const data = { kind: 'board', embed, title, pins: pins.map(publicPinView), events: eventsUrl(pins) }
      return page(reply, embed, 200, viewerPage(title, data, assets))
    },
  )

  /** Public changes: `pin.updated` with what pages may show, `pin.removed` when a pin is deleted or hidden. */
  app.get<{ Querystring: { pins?: string } }>('/share/events', async (request, reply) => {
    const wanted = parsePinList(request.query.pins)
    const stream = streams.open(request, reply)
    const visible = (pin: PinRecord | undefined) => pin !== undefined && isVisibleToPublic(pin)
    const unsubscribes = wanted.map(({ id }) =>
      events.subscribe(id, (event) => {
        if (event.type !== 'pin.deleted' && visible(event.pin)) {
          stream.send('pin.updated', publicPinView(event.pin), event.pin.version)
        } else {
          stream.send('pin.removed', { id })
        }
      }),
    )
    // Catch up after subscribing: what changed since the versions the page was built with.
    const current = new Map((await store.findPins(wanted.map((w) => w.id))).map((pin) => [pin.id, pin]))
    for (const { id, version } of wanted) {
      const pin = current.get(id)
      if (!visible(pin)) stream.send('pin.removed', { id })
      else if (pin!.version > version) stream.send('pin.updated', publicPinView(pin!), pin!.version)
    }
    await stream.closed
    for (const unsubscribe of unsubscribes) unsubscribe()
  })
}
