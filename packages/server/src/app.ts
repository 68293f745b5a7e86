import { randomUUID } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import fastifyCors from '@fastify/cors'
import type { Store } from '@pindown/store'
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'
import type { AppContext } from './app-context.js'
import type { Config } from './config.js'
import { clientErrorHandler, errorHandler, frameworkErrorHandler, notFoundHandler } from './error-handler.js'
import { EventStreams } from './events/event-stream.js'
import { LocalPinEventBus, type PinEventBus } from './events/pin-events.js'
import { SharedPinEventBus } from './events/shared-pin-event-bus.js'
import { lifecycle, registerHooks } from './hooks.js'
import { registerJsonBody } from './json-body.js'
import { registerOperations } from './operations/register.js'
import { operations } from './operations/table.js'
import { signInLimiter } from './people/accounts.js'
import { registerCsrf } from './people/csrf.js'
import { createMailer } from './people/mailer.js'
import { Sessions, sessionTtlMs } from './people/sessions.js'
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter.js'
import type { RateLimiter } from './rate-limit/rate-limiter.js'
import { StoreRateLimiter } from './rate-limit/store-rate-limiter.js'
import { peopleRoutes } from './web/people-routes.js'
import { shareRoutes } from './web/share-routes.js'
import { ssoRoutes } from './web/sso-routes.js'
import { loadViewerAssets, type ViewerAssets } from './web/viewer-assets.js'
import './route-config.js'

export interface AppOptions {
  readonly config: Config
  readonly store: Store
  readonly limiter?: RateLimiter
  readonly logger?: FastifyServerOptions['logger']
  /** Base of shared links when PUBLIC_URL is not set (the server's own address, known once it listens). */
  readonly publicUrl?: () => string
  /** Where pin changes are announced; in-process unless a shared bus is given. */
  readonly events?: PinEventBus
  /** The built web viewer; found next to the server by default. */
  readonly assets?: ViewerAssets
}

const requestIdPattern = /^[\w.:-]{1,64}$/

/** Every log line, whatever put a key in it (a URL, a header echoed in an error): the key is cut out. */
const redactKeys = (line: string) =>
  line
    .replace(/pk_live_[0-9A-Za-z]+/g, 'pk_live_[redacted]')
    .replace(/\/(invite|setup)\/[0-9A-Za-z]{8,}/g, '/$1/[redacted]')
    // Single sign-on URLs carry codes and state (callbacks) and invite links (`next`).
    .replace(/(\/auth\/[\w/]+)\?[^\s"]*/g, '$1?[redacted]')

/** The HTTP API on a store. The caller owns the store; closing the app closes the rate limiter only. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, store } = options
  const limits = {
    windowMs: config.rateLimitWindowMs,
    limits: {
      read: config.readLimit,
      'batch-read': config.batchReadLimit,
      write: config.writeLimit,
      comment: config.commentLimit,
      public: config.publicLimit,
      'auth-failure': config.authFailureLimit,
      'sign-in-account': config.signInLimit,
      'sign-in-ip': config.signInLimit * 3,
    },
  }
  // A store shared by several instances keeps the keys' windows and carries the events; else this process
  // does. Limits per IP address are each instance's own: they guard its resources, not a key's budget.
  const limiter =
    options.limiter ??
    (store.rateLimits ? new StoreRateLimiter(store.rateLimits, limits) : new MemoryRateLimiter(limits))
  const ipLimiter = new MemoryRateLimiter(limits)

  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      hooks: { streamWrite: redactKeys },
      ...(config.logFile && { file: config.logFile }),
    },
    // One line per request, written by the onResponse hook, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    // While shutting down, requests already on open connections are served, not answered 503.
    return503OnClosing: false,
    // Per-address limits count the client behind a trusted proxy, not the proxy.
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID()
    },
  })
  registerJsonBody(app)
  // The API authenticates with a bearer key, never a cookie, so any origin may call it: this is what lets
  // the SDK run in a browser page.
  await app.register(fastifyCors, {
    origin: '*',
    hook: 'onRequest',
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'last-event-id', 'x-request-id'],
    exposedHeaders: [
      'etag',
      'retry-after',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'x-request-id',
      'idempotent-replayed',
    ],
    maxAge: 600,
  })
  // Cookies are read only by the web app's routes and session operations; /v1 pin calls ignore them.
  const secure = config.publicUrl.startsWith('https:')
  await app.register(fastifyCookie)
  await registerCsrf(app, secure)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler(notFoundHandler)
  registerHooks(app)

  const streams = new EventStreams({
    keepAliveMs: config.keepAliveMs,
    max: config.maxStreams,
    perIp: config.maxStreamsPerIp,
  })
  const sharedEvents =
    store.changes && !options.events ? await SharedPinEventBus.start(store, store.changes, app.log) : undefined
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom })
  const signInLimits = signInLimiter(config.signInLimit)
  const release = async () => {
    limiter.close()
    ipLimiter.close()
    mailer?.close()
    signInLimits.close()
    await sharedEvents?.close()
  }
  app.addHook('preClose', async () => streams.closeAll())
  app.addHook('onClose', release)
  try {
    await registerRoutes(
      app,
      {
        store,
        publicUrl: () => config.publicUrl || options.publicUrl?.() || '',
        events: options.events ?? sharedEvents ?? new LocalPinEventBus(),
        streams,
        config,
        sessions: new Sessions({ store, ttlMs: sessionTtlMs(config.sessionTtlDays), secure }),
        mailer,
      },
      { limiter, ipLimiter, signInLimits, assets: options.assets ?? loadViewerAssets() },
    )
  } catch (error) {
    // The app never started, so its onClose hooks will not run: let go of what is already open.
    await release()
    throw error
  }
  return app
}

/** The operations table, the share pages and the web app, on one context. */
async function registerRoutes(
  app: FastifyInstance,
  context: AppContext,
  deps: { limiter: RateLimiter; ipLimiter: RateLimiter; signInLimits: RateLimiter; assets: ViewerAssets },
): Promise<void> {
  const hooks = lifecycle({
    store: context.store,
    limiter: deps.limiter,
    ipLimiter: deps.ipLimiter,
    sessions: context.sessions,
    csrf: app.csrfProtection,
    publicUrl: context.config.publicUrl,
  })
  registerOperations(app, operations, context, hooks)
  await app.register(shareRoutes, { ...context, limiter: deps.ipLimiter, assets: deps.assets })
  const peopleContext = { ...context, limiter: deps.ipLimiter, signInLimits: deps.signInLimits, assets: deps.assets }
  await app.register(peopleRoutes, peopleContext)
  await app.register(ssoRoutes, peopleContext)
}
