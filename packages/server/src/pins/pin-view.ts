import type { PinRecord } from '@pindown/store'

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
    shareable_url: shareableUrl(pin, publicUrl),
  }
}

export type PinView = ReturnType<typeof pinView>

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
    created_at: pin.createdAt,
    updated_at: pin.updatedAt,
    version: pin.version,
  }
}

/** Whether anyone with the link may see the pin now (sign-in comes with accounts, later). */
export function isVisibleToPublic(pin: PinRecord): boolean {
  return pin.isPublic && !pin.requireSignIn
}
