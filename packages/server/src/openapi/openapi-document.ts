import { configSchemaName, inputJsonSchema, pinConfigJsonSchemas, pinTypeIds } from '@pindown/pin-types'
import { errorCatalogue } from '../errors.js'
import {
  batchCreateBody,
  batchDeleteBody,
  batchGetBody,
  batchUpdateBody,
  createPinBody,
  sharePinBody,
  updatePinBody,
} from '../pins/pin-body.js'

type Schema = Record<string, unknown>

/** JSON Schema of a request body, as the route validates it. */
const bodySchema = inputJsonSchema

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } })
const envelope = (data: Schema) => ({
  type: 'object',
  required: ['success', 'data'],
  properties: { success: { const: true }, data, message: { type: 'string' } },
})

const errorResponses = (codes: (keyof typeof errorCatalogue)[]) =>
  Object.fromEntries(
    [...new Set(codes.map((code) => errorCatalogue[code].status))].map((status) => [
      String(status),
      {
        description: codes.filter((c) => errorCatalogue[c].status === status).join(', '),
        ...json(ref('ErrorEnvelope')),
      },
    ]),
  )

const authErrors = ['UNAUTHORIZED', 'SCOPE_REQUIRED', 'RATE_LIMITED', 'INTERNAL_ERROR'] as const
const bodyErrors = ['VALIDATION_ERROR', 'INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const

function operation(options: {
  summary: string
  scope?: string
  body?: Schema
  ok: { status: string; data: Schema }
  errors?: (keyof typeof errorCatalogue)[]
  parameters?: Schema[]
}): Schema {
  return {
    summary: options.summary,
    ...(options.scope && { security: [{ apiKey: [options.scope] }] }),
    ...(options.parameters && { parameters: options.parameters }),
    ...(options.body && { requestBody: { required: true, ...json(options.body) } }),
    responses: {
      [options.ok.status]: { description: 'Success', ...json(envelope(options.ok.data)) },
      ...errorResponses([...(options.scope ? authErrors : ['INTERNAL_ERROR' as const]), ...(options.errors ?? [])]),
    },
  }
}

const pinIdParam = {
  name: 'pinId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^p-[a-z0-9]{12}$' },
}
const query = (name: string, schema: Schema, description: string) => ({ name, in: 'query', schema, description })

/** The OpenAPI 3.1 document, generated from the schemas the routes validate with. */
export function openApiDocument(serverUrl: string): Schema {
  const pinTypeErrors = ['INVALID_PIN_TYPE', 'PIN_CONFIG_INVALID'] as const
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pindown Pins API',
      version: '1.0.0',
      description: 'Publish typed, validated content blocks (pins) and share them.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'pk_live_... API key' } },
      schemas: {
        ErrorEnvelope: {
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
                  items: {
                    type: 'object',
                    properties: { path: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
        Pin: { type: 'object', description: 'A pin, as GET /v1/pins/{pinId} answers it' },
        CreatePinRequest: { allOf: [bodySchema(createPinBody), ref('PinTypeAndConfig')] },
        UpdatePinRequest: bodySchema(updatePinBody),
        SharePinRequest: bodySchema(sharePinBody),
        PinType: { enum: pinTypeIds },
        ...componentsOf(pinConfigJsonSchemas()),
        PinTypeAndConfig: pinTypeAndConfig(),
      },
    },
    paths: {
      '/v1/pins': {
        post: operation({
          summary: 'Create a pin',
          scope: 'pins:write',
          body: ref('CreatePinRequest'),
          ok: { status: '201', data: { type: 'object' } },
          errors: [...bodyErrors, ...pinTypeErrors, 'IDEMPOTENCY_CONFLICT'],
        }),
        get: operation({
          summary: 'List pins, newest first',
          scope: 'pins:read',
          parameters: [
            query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 50 }, 'Page size'),
            query('offset', { type: 'integer', minimum: 0, default: 0 }, 'Pins to skip'),
            query('cursor', { type: 'string' }, 'next_cursor of the previous page'),
            query('pin_type', ref('PinType'), 'Only pins of this type'),
            query('tag', { type: 'string' }, 'Only pins with this tag'),
            query('q', { type: 'string' }, 'Title contains this text'),
          ],
          ok: { status: '200', data: { type: 'object' } },
          errors: ['VALIDATION_ERROR'],
        }),
      },
      '/v1/pins/{pinId}': {
        get: operation({
          summary: 'Get a pin',
          scope: 'pins:read',
          parameters: [pinIdParam],
          ok: { status: '200', data: ref('Pin') },
          errors: ['NOT_FOUND'],
        }),
        put: operation({
          summary: 'Update a pin (partial); If-Match makes it conditional',
          scope: 'pins:write',
          parameters: [pinIdParam, { name: 'If-Match', in: 'header', schema: { type: 'string' } }],
          body: ref('UpdatePinRequest'),
          ok: { status: '200', data: ref('Pin') },
          errors: [...bodyErrors, ...pinTypeErrors, 'NOT_FOUND', 'VERSION_CONFLICT'],
        }),
        delete: operation({
          summary: 'Delete a pin',
          scope: 'pins:write',
          parameters: [pinIdParam],
          ok: { status: '200', data: { type: 'object' } },
          errors: ['NOT_FOUND'],
        }),
      },
      '/v1/pins/{pinId}/share': {
        post: operation({
          summary: 'Set sharing flags',
          scope: 'pins:share',
          parameters: [pinIdParam],
          body: ref('SharePinRequest'),
          ok: { status: '200', data: { type: 'object' } },
          errors: [...bodyErrors, 'NOT_FOUND'],
        }),
      },
      '/v1/pins/batch': {
        post: operation({
          summary: 'Create up to 50 pins',
          scope: 'pins:write',
          body: bodySchema(batchCreateBody),
          ok: { status: '200', data: { type: 'object' } },
          errors: [...bodyErrors, 'BATCH_TOO_LARGE'],
        }),
        patch: operation({
          summary: 'Update up to 50 pins',
          scope: 'pins:write',
          body: bodySchema(batchUpdateBody),
          ok: { status: '200', data: { type: 'object' } },
          errors: [...bodyErrors, 'BATCH_TOO_LARGE'],
        }),
        delete: operation({
          summary: 'Delete up to 50 pins',
          scope: 'pins:write',
          body: bodySchema(batchDeleteBody),
          ok: { status: '200', data: { type: 'object' } },
          errors: [...bodyErrors, 'BATCH_TOO_LARGE'],
        }),
      },
      '/v1/pins/batch/get': {
        post: operation({
          summary: 'Read up to 100 pins by id',
          scope: 'pins:read',
          body: bodySchema(batchGetBody),
          ok: { status: '200', data: { type: 'object' } },
          errors: [...bodyErrors, 'BATCH_TOO_LARGE'],
        }),
      },
      '/v1/pin-types': {
        get: operation({
          summary: 'The pin types and their JSON Schemas',
          ok: { status: '200', data: { type: 'object' } },
        }),
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
