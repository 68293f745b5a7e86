import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** One server setting: where it comes from, what it means, and how its text becomes a value. */
interface Setting<T> {
  readonly env: string
  readonly description: string
  readonly default: string
  readonly parse: (raw: string) => T
}

function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`must be a whole number from ${min} to ${max}`)
    return n
  }
}

function oneOf<const T extends string>(...values: T[]) {
  return (raw: string): T => {
    if (!(values as string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`)
    return raw as T
  }
}

const text = (raw: string) => raw

/** Every setting the server reads, in the order `pindown serve --help` lists them. */
export const settings = {
  port: { env: 'PORT', default: '4000', description: 'TCP port to listen on', parse: integer(0, 65535) },
  host: { env: 'HOST', default: '127.0.0.1', description: 'address to listen on (0.0.0.0 for all)', parse: text },
  databaseUrl: {
    env: 'DATABASE_URL',
    default: 'sqlite:./data/pindown.db',
    description: 'sqlite:<path> (embedded, the default) or postgres://user:pass@host/db',
    parse: text,
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    default: '',
    description: 'base URL of shared links (default http://HOST:PORT)',
    parse: (raw: string) => raw.replace(/\/+$/, ''),
  },
  readLimit: { env: 'RATE_LIMIT_READS', default: '120', description: 'reads per key per minute', parse: integer(1) },
  batchReadLimit: {
    env: 'RATE_LIMIT_BATCH_READS',
    default: '60',
    description: 'batch reads per key per minute',
    parse: integer(1),
  },
  writeLimit: { env: 'RATE_LIMIT_WRITES', default: '90', description: 'writes per key per minute', parse: integer(1) },
  publicLimit: {
    env: 'RATE_LIMIT_PUBLIC',
    default: '600',
    description: 'requests per IP per minute to public pages, their event streams and public API documents',
    parse: integer(1),
  },
  authFailureLimit: {
    env: 'RATE_LIMIT_AUTH_FAILURES',
    default: '30',
    description: 'failed API key checks per IP per minute before 401s become 429s',
    parse: integer(1),
  },
  rateLimitWindowMs: {
    env: 'RATE_LIMIT_WINDOW_MS',
    default: '60000',
    description: 'length of the rolling rate-limit window in ms',
    parse: integer(1000),
  },
  bodyLimit: {
    env: 'BODY_LIMIT',
    default: '1048576',
    description: 'largest request body in bytes',
    parse: integer(1024),
  },
  keepAliveMs: {
    env: 'SSE_KEEPALIVE_MS',
    default: '15000',
    description: 'how often an idle event stream gets a keep-alive comment, in ms',
    parse: integer(100),
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    default: '',
    description: 'proxy addresses whose X-Forwarded-For names the client (e.g. 127.0.0.1), or true for any',
    parse: (raw: string): boolean | string => (raw === 'true' ? true : raw === '' || raw === 'false' ? false : raw),
  },
  maxStreams: {
    env: 'EVENT_STREAMS_MAX',
    default: 'auto',
    description: 'open event streams in all (auto: the open-files limit less 256 for everything else)',
    parse: (raw: string) => (raw === 'auto' ? autoStreamLimit() : integer(1)(raw)),
  },
  maxStreamsPerIp: {
    env: 'EVENT_STREAMS_PER_IP',
    default: '32',
    description: 'open public event streams (/share/events) per IP address',
    parse: integer(1),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    default: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  logFile: {
    env: 'LOG_FILE',
    default: '',
    description: 'append log lines to this file instead of standard output',
    parse: text,
  },
  registration: {
    env: 'REGISTRATION',
    default: 'invite-only',
    description:
      'who may create an account: invite-only, open (anyone) or closed (invited people only, no sign-up page)',
    parse: oneOf('invite-only', 'open', 'closed'),
  },
  sessionTtlDays: {
    env: 'SESSION_TTL_DAYS',
    default: '14',
    description: 'days a browser session lasts without use (each use extends it)',
    parse: integer(1, 365),
  },
  inviteTtlDays: {
    env: 'INVITE_TTL_DAYS',
    default: '14',
    description: 'days an invite link stays valid',
    parse: integer(1, 365),
  },
  commentLimit: {
    env: 'RATE_LIMIT_COMMENTS',
    default: '20',
    description: 'comments posted per person or API key per minute',
    parse: integer(1),
  },
  signInLimit: {
    env: 'RATE_LIMIT_SIGN_IN',
    default: '10',
    description: 'failed sign-ins per account per 15 minutes (three times as many per IP address)',
    parse: integer(1),
  },
  smtpUrl: {
    env: 'SMTP_URL',
    default: '',
    description: 'send invites by email: smtp://user:pass@host:587 or smtps://... (unset: links are shown instead)',
    parse: text,
  },
  smtpFrom: {
    env: 'SMTP_FROM',
    default: 'Pindown <pindown@localhost>',
    description: 'From address of invite emails',
    parse: text,
  },
  oidcIssuer: {
    env: 'OIDC_ISSUER',
    default: '',
    description: 'OpenID Connect issuer URL for single sign-on (Google, Keycloak, Authentik...)',
    parse: (raw: string) => raw.replace(/\/+$/, ''),
  },
  oidcClientId: { env: 'OIDC_CLIENT_ID', default: '', description: 'OpenID Connect client id', parse: text },
  oidcClientSecret: {
    env: 'OIDC_CLIENT_SECRET',
    default: '',
    description: 'OpenID Connect client secret',
    parse: text,
  },
  oidcName: {
    env: 'OIDC_NAME',
    default: 'single sign-on',
    description: 'what the sign-in button calls the OpenID provider ("Sign in with ...")',
    parse: text,
  },
  githubClientId: { env: 'GITHUB_CLIENT_ID', default: '', description: 'GitHub OAuth app client id', parse: text },
  githubClientSecret: {
    env: 'GITHUB_CLIENT_SECRET',
    default: '',
    description: 'GitHub OAuth app client secret',
    parse: text,
  },
  sqliteSynchronous: {
    env: 'SQLITE_SYNCHRONOUS',
    default: 'full',
    description: 'full: a 201 survives power loss; normal: survives a process crash only',
    parse: oneOf('full', 'normal'),
  },
} satisfies Record<string, Setting<unknown>>

type Settings = typeof settings
export type Config = { readonly [K in keyof Settings]: ReturnType<Settings[K]['parse']> }

export class ConfigError extends Error {}

/** Reads the configuration from environment variables; a bad value is a `ConfigError` naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {}
  for (const [name, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env]?.trim() || setting.default
    try {
      out[name] = setting.parse(raw)
    } catch (error) {
      throw new ConfigError(`${setting.env}=${raw}: ${(error as Error).message}`)
    }
  }
  const config = out as Config
  checkSignInProviders(config)
  const databaseUrl = config.databaseUrl.startsWith('sqlite:')
    ? `sqlite:${resolveSqlitePath(config.databaseUrl.slice('sqlite:'.length))}`
    : config.databaseUrl
  return { ...config, databaseUrl }
}

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * Single sign-on settings come in sets. The issuer must be https: plain http would let anyone on the
 * path read codes and forge ID tokens, except for a provider on this machine (a local Keycloak, the
 * tests' provider), which has no path to listen on.
 */
function checkSignInProviders(config: Config): void {
  if (config.oidcIssuer) {
    let url: URL
    try {
      url = new URL(config.oidcIssuer)
    } catch {
      throw new ConfigError(`OIDC_ISSUER=${config.oidcIssuer}: must be a URL such as https://accounts.google.com`)
    }
    if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname)))) {
      throw new ConfigError(
        `OIDC_ISSUER=${config.oidcIssuer}: must be https (http only for 127.0.0.1, ::1 or localhost)`,
      )
    }
    if (!config.oidcClientId) throw new ConfigError('OIDC_CLIENT_ID must be set with OIDC_ISSUER')
  }
  if (config.githubClientId && !config.githubClientSecret) {
    throw new ConfigError('GITHUB_CLIENT_SECRET must be set with GITHUB_CLIENT_ID')
  }
}

/** The soft limit on open files (Linux), less room for the database, logs and ordinary requests. */
function autoStreamLimit(): number {
  let limit = 1024
  try {
    const line = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))
    if (line) limit = Number(line[1])
  } catch {}
  return Math.max(16, limit - 256)
}

function resolveSqlitePath(path: string): string {
  return path === ':memory:' ? path : resolve(path)
}
