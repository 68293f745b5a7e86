/** The value lists a pin's fields take, shared by the server, the store and (generated) the SDK. */

/** Grid slots a pin asks for: columns x rows. */
export const pinLayouts = ['1x1', '1x2', '2x1', '2x2', '3x1', '3x2', '3x3', '4x4'] as const
export type PinLayout = (typeof pinLayouts)[number]

export const dataTypes = ['json', 'markdown', 'text', 'pin-card'] as const
export type DataType = (typeof dataTypes)[number]

/** The roles a pin's collaborators may be invited with. */
export const inviteRoles = ['editor', 'viewer'] as const
export type InviteRole = (typeof inviteRoles)[number]
