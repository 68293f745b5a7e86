import { configSchemaName, inputJsonSchema, pinConfigJsonSchemas, pinTypeIds } from '@pindown/pin-types'
import { z } from 'zod'
import { type ErrorCode, errorCatalogue } from '../errors.js'
import { isKeyed, isSessionAccess, type Operation } from '../operations/operation.js'
import { operations } from '../operations/table.js'
import { createPinBody } from '../pins/pin-body.js'

type Schema = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } })

/**
 * An answer schema as the document shows it: what the server writes (`output`). Schemas with an `id`
 * (the pin) are hoisted into `components`, once, and referred to from every answer that holds them.
 */
function answerSchema(schema: z.ZodType, components: Record<string, Schema>): Schema {
  const {
    $schema: _,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
  })
  const hoist = (value: unknown): Schema =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'))
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = hoist(def)
  return hoist(rest)
}

/** The codes every operation of a kind can answer, on top of those it lists. */
const impliedErrors = (op: Operation): ErrorCode[] => [
  ...(isKeyed(op.access) ? (['UNAUTHORIZED', 'SCOPE_REQUIRED'] as const) : []),
  ...(isSessionAccess(op.access) ? (['SIGN_IN_REQUIRED'] as const) : []),
  ...(isSessionAccess(op.access) && op.method !== 'GET' ? (['CSRF_FAILED'] as const) : []),
  ...(isSessionAccess(op.access) && op.access.session !== 'signed-in' ? (['ROLE_REQUIRED'] as const) : []),
  'RATE_LIMITED',
  ...(op.body || op.query ? (['VALIDATION_ERROR'] as const) : []),
  ...(op.body ? (['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
  ...(isKeyed(op.access) && op.method === 'POST' ? (['IDEMPOTENCY_CONFLICT'] as const) : []),
  ...(op.params ? (['URL_TOO_LONG'] as const) : []),
  ...(op.answer.kind === 'event-stream' ? (['SERVICE_UNAVAILABLE'] as const) : []),
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'INTERNAL_ERROR',
]

/** Every code an operation may answer, catalogue order. */
export function errorsOf(op: Operation): ErrorCode[] {
  const codes = new Set([...impliedErrors(op), ...op.errors])
  return (Object.keys(errorCatalogue) as ErrorCode[]).filter((code) => codes.has(code))
}

function errorResponses(codes: ErrorCode[]): Schema {
  const statuses = [...new Set(codes.map((code) => errorCatalogue[code].status))]
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: codes.filter((c) => errorCatalogue[c].status === status).join(', '),
        ...json(ref('ErrorEnvelope')),
      },
    ]),
  )
}

function success(op: Operation, components: Record<string, Schema>): Schema {
  const { answer } = op
  switch (answer.kind) {
    case 'envelope':
      return {
        [answer.status]: {
          description: 'Success',
          ...json({
            type: 'object',
            required: ['success', 'data'],
            properties: {
              success: { const: true },
              data: answerSchema(answer.data, components),
              message: { type: 'string' },
            },
          }),
        },
      }
    case 'event-stream':
      return {
        200: {
          description: `Server-Sent Events: ${Object.entries(answer.events)
            .map(([name, what]) => `\`${name}\` (${what})`)
            .join('; ')}`,
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        },
      }
    case 'document':
      return { 200: { description: answer.description, ...json({ type: 'object' }) } }
  }
}

/** Each field of a params, query or headers schema as an OpenAPI parameter. */
function parameters(where: 'path' | 'query' | 'header', schema: z.ZodType | undefined): Schema[] {
  if (!schema) return []
  const object = inputJsonSchema(schema) as { properties?: Record<string, Schema>; required?: string[] }
  return Object.entries(object.properties ?? {}).map(([name, { description, ...field }]) => ({
    name,
    in: where,
    ...(where === 'path' || object.required?.includes(name) ? { required: true } : {}),
    ...(description !== undefined && { description }),
    schema: field,
  }))
}

/** The body schema; the create body's `pin_config` is spelled out per `pin_type`. */
function requestBody(op: Operation): Schema | undefined {
  if (!op.body) return undefined
  const schema =
    op.body === createPinBody
      ? { allOf: [inputJsonSchema(op.body), ref('PinTypeAndConfig')] }
      : inputJsonSchema(op.body)
  return { required: !op.body.safeParse(undefined).success, ...json(schema) }
}

function describe(op: Operation, components: Record<string, Schema>): Schema {
  const idempotent = isKeyed(op.access) && op.method === 'POST'
  const parameterList = [
    ...parameters('path', op.params),
    ...parameters('query', op.query),
    ...parameters('header', op.headers),
    ...(idempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            description: 'A retry with the same key gets the first answer',
            schema: { type: 'string', maxLength: 255 },
          },
        ]
      : []),
  ]
  const body = requestBody(op)
  return {
    operationId: op.id,
    summary: op.summary.replace(/`/g, ''),
    security: isKeyed(op.access)
      ? [
          { apiKey: [op.access.scope] },
          // Alternatives: a person's browser session, and for public threads no credentials at all.
          ...(op.access.people ? [{ session: [], ...(op.method !== 'GET' && { csrf: [] }) }] : []),
          ...(op.access.people === 'anyone' ? [{}] : []),
        ]
      : isSessionAccess(op.access)
        ? [{ session: [], ...(op.method !== 'GET' && { csrf: [] }) }]
        : [],
    ...(parameterList.length > 0 && { parameters: parameterList }),
    ...(body && { requestBody: body }),
    responses: { ...success(op, components), ...errorResponses(errorsOf(op)) },
  }
}

/** `/v1/pins/:pinId` → `/v1/pins/{pinId}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

/** The OpenAPI 3.1 document, generated from the operations table. */
export function openApiDocument(serverUrl: string, table: readonly Operation[] = operations): Schema {
  const paths: Record<string, Schema> = {}
  const components: Record<string, Schema> = {}
  for (const op of table) {
    const path = openApiPath(op.path)
    paths[path] = { ...paths[path], [op.method.toLowerCase()]: describe(op, components) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pindown Pins API',
      version: '1.0.0',
      description: 'Publish typed, validated content blocks (pins) and share them.',
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'pk_live_... API key' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'pindown_session',
          description:
            'The web app’s session cookie (`__Host-pindown_session` behind https); for its own operations only',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description:
            'Every cookie-authenticated change also needs a same-site Origin and this token (GET /v1/me gives one)',
        },
      },
      schemas: {
        ErrorEnvelope: errorEnvelope(),
        PinType: { enum: pinTypeIds },
        ...componentsOf(pinConfigJsonSchemas()),
        PinTypeAndConfig: pinTypeAndConfig(),
        ...components,
      },
    },
    paths,
  }
}

function errorEnvelope(): Schema {
  return {
    type: 'object',
    required: ['success', 'error'],
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { enum: Object.keys(errorCatalogue) },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  }
}

/**
 * `pin_type` picks the schema of `pin_config`: one variant per type. Without `pin_type` a pin is
 * markdown, so only the markdown variant leaves it optional. (The server also accepts both fields
 * inside `metadata`; that form is checked the same way but not spelled out here.)
 */
function pinTypeAndConfig(): Schema {
  return {
    oneOf: pinTypeIds.map((id) => ({
      type: 'object',
      properties: { pin_type: { const: id }, pin_config: ref(configSchemaName(id)) },
      ...(id === 'markdown' ? {} : { required: ['pin_type'] }),
    })),
  }
}

/**
 * Config schemas as OpenAPI components. A schema's own `$defs` (the recursive JSON value of
 * `json-viewer`, say) point at `#/$defs/...`, which inside the document means its root, so they
 * become components of their own, named after the schema, and the references follow.
 */
function componentsOf(schemas: Record<string, Schema>): Record<string, Schema> {
  const out: Record<string, Schema> = {}
  for (const [name, { $defs, ...schema }] of Object.entries(schemas)) {
    if (!$defs) {
      out[name] = schema
      continue
    }
    const rename = (text: string) =>
      text.replace(/"#\/\$defs\/([^"]+)"/g, (_, def: string) => `"#/components/schemas/${name}_${def}"`)
    out[name] = JSON.parse(rename(JSON.stringify(schema)))
    for (const [def, defSchema] of Object.entries($defs as Record<string, Schema>)) {
      out[`${name}_${def}`] = JSON.parse(rename(JSON.stringify(defSchema)))
    }
  }
  return out
}
