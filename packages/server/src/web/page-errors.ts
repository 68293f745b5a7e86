import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { errorHandler } from '../error-handler.js'
import { sendPage } from './app-layout.js'
import type { FormProblem } from './form-fields.js'

/** An error as the API's envelope states it. */
export interface PageError {
  readonly code: string
  readonly message: string
  readonly details?: readonly { readonly path: string; readonly message: string }[]
}

/** The page a route shows for an error: its form again, with the message by the field it concerns. */
export type ErrorView = (request: FastifyRequest, reply: FastifyReply, error: PageError) => Promise<string> | string

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How a web app route shows its errors; a message page when unset. */
    readonly errorView?: ErrorView
  }
}

/**
 * The web app's error handler: the status, headers (`Retry-After`) and message of the API's own handler
 * (which also logs), shown as a page instead of JSON.
 */
export function pageErrorHandler(fallback: ErrorView) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { error: problem } = errorHandler(error, request, reply)
    const view = request.routeOptions.config.errorView ?? fallback
    return sendPage(reply, reply.statusCode, await view(request, reply, problem))
  }
}

/**
 * The error as a form shows it: each detail by the form's field it names, codes that concern one field by
 * that field, and the rest as the form's message.
 */
export function formProblem(
  error: PageError,
  formFields: readonly string[],
  fieldOfCode: Readonly<Record<string, string>> = {},
): FormProblem {
  const fields: Record<string, string> = {}
  for (const detail of error.details ?? []) {
    const name = detail.path.split(/[.[]/)[0]!
    if (formFields.includes(name)) fields[name] ??= detail.message
  }
  const field = fieldOfCode[error.code]
  if (field) fields[field] = error.message
  const placed = Object.keys(fields).length > 0
  return { message: placed ? 'Check the fields marked below.' : error.message, fields }
}

/** The fields of a posted form (the first of a repeated one); none when the body never arrived. */
export function formValues(request: FastifyRequest): Record<string, string> {
  const body = request.body
  if (typeof body !== 'object' || body === null) return {}
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string') values[name] = first
  }
  return values
}
