import type { ChangeAuthor, PinRecord } from '@pindown/store'

const authorView = (author: ChangeAuthor | null) => author && { kind: author.kind, id: author.id, name: author.name }

/** The pin as the API answers it (`GET /v1/pins/:pinId`), snake_case like the hosted API. */
export function pinView(pin: PinRecord, publicUrl: string) {
  return {
    id: pin.id,
    pin_type: pin.pinType,
    pin_config: pin.pinConfig,
    pin_layout: pin.pinLayout,
    data_type: pin.dataType,
    // Repeated under metadata because SDK users read `pin.metadata.title` and `pin.metadata.pin_config`.
    metadata: {
      title: pin.title,
      tags: pin.tags,
      pin_type: pin.pinType,
      pin_config: pin.pinConfig,
      pin_layout: pin.pinLayout,
    },
    is_public: pin.isPublic,
    allow_edit: pin.allowEdit,
    require_sign_in: pin.requireSignIn,
    allow_comments: pin.allowComments,
    pending_invites: pin.pendingInvites,
    created_at: pin.createdAt,
    updated_at: pin.updatedAt,
    version: pin.version,
    updated_by: authorView(pin.updatedBy),
    shareable_url: shareableUrl(pin, publicUrl),
  }
}

export type PinView = ReturnType<typeof pinView>

const text = JSON.stringify

/** The answers written for frozen records: a store hands the same frozen record back while it is unchanged. */
const written = new WeakMap<PinRecord, { publicUrl: string; json: string }>()

/**
 * `JSON.stringify(pinView(pin, publicUrl))`, written directly: the config, which the view holds twice,
 * is serialised once, and no view object is built. A frozen record (one the store keeps and shares) is
 * written once; others are not remembered, as they die young. The hot answers (get, list, update) use
 * it; a test keeps it equal to `pinView` for every example.
 */
export function pinJson(pin: PinRecord, publicUrl: string): string {
  if (!Object.isFrozen(pin)) return writePin(pin, publicUrl)
  const cached = written.get(pin)
  if (cached?.publicUrl === publicUrl) return cached.json
  const json = writePin(pin, publicUrl)
  written.set(pin, { publicUrl, json })
  return json
}

function writePin(pin: PinRecord, publicUrl: string): string {
  const type = text(pin.pinType)
  const config = text(pin.pinConfig)
  const layout = text(pin.pinLayout)
  return (
    `{"id":${text(pin.id)},"pin_type":${type},"pin_config":${config},"pin_layout":${layout},` +
    `"data_type":${text(pin.dataType)},"metadata":{"title":${text(pin.title)},"tags":${text(pin.tags)},` +
    `"pin_type":${type},"pin_config":${config},"pin_layout":${layout}},"is_public":${pin.isPublic},` +
    `"allow_edit":${pin.allowEdit},"require_sign_in":${pin.requireSignIn},"allow_comments":${pin.allowComments},` +
    `"pending_invites":${text(pin.pendingInvites)},"created_at":${pin.createdAt},"updated_at":${pin.updatedAt},` +
    `"version":${pin.version},"updated_by":${text(pin.updatedBy)},"shareable_url":${text(shareableUrl(pin, publicUrl))}}`
  )
}

export function shareableUrl(pin: PinRecord, publicUrl: string): string | null {
  return pin.isPublic ? `${publicUrl}/share/pin/${pin.id}` : null
}

export function shareView(pin: PinRecord, publicUrl: string) {
  return {
    id: pin.id,
    is_public: pin.isPublic,
    allow_edit: pin.allowEdit,
    require_sign_in: pin.requireSignIn,
    allow_comments: pin.allowComments,
    shareable_url: shareableUrl(pin, publicUrl),
  }
}

/** The answer to a create: what the hosted API returns. */
export function createdView(pin: PinRecord) {
  return {
    id: pin.id,
    data_type: pin.dataType,
    created_at: pin.createdAt,
    is_public: pin.isPublic,
    allow_edit: pin.allowEdit,
    require_sign_in: pin.requireSignIn,
    allow_comments: pin.allowComments,
  }
}

/** What public pages may show of a pin: no sharing settings, no invited emails. */
export function publicPinView(pin: PinRecord) {
  return {
    id: pin.id,
    pin_type: pin.pinType,
    pin_config: pin.pinConfig,
    pin_layout: pin.pinLayout,
    metadata: { title: pin.title, tags: pin.tags },
    allow_edit: pin.allowEdit,
    allow_comments: pin.allowComments,
    created_at: pin.createdAt,
    updated_at: pin.updatedAt,
    updated_by: authorView(pin.updatedBy),
    version: pin.version,
  }
}
