import { changeMyPassword, endMySession, getMe, listMyPins, listMySessions, signOutEverywhere } from './account.js'
import {
  getPermissions,
  inviteCollaborator,
  listCollaborators,
  removeCollaborator,
  updateCollaborator,
} from './collaborators.js'
import { createComment, deleteComment, listComments, updateComment } from './comments.js'
import { getOpenApi } from './openapi.js'
import type { Operation } from './operation.js'
import { watchPin } from './pin-events.js'
import { getPinTypeOperation, listPinTypes } from './pin-types.js'
import { createPin, deletePin, getPin, listPins, sharePin, updatePinOperation } from './pins.js'
import { batchCreatePins, batchDeletePins, batchGetPins, batchUpdatePins } from './pins-batch.js'
import { createKey, inviteMember, listKeys, listMembers, removeMember, revokeKey, updateMember } from './workspace.js'

/**
 * Every `/v1` endpoint, in the order the docs list them. A new endpoint is one entry here and its
 * handler; see docs/architecture.md, "Adding an endpoint".
 */
export const operations: readonly Operation[] = [
  createPin,
  listPins,
  getPin,
  updatePinOperation,
  deletePin,
  sharePin,
  watchPin,
  batchCreatePins,
  batchGetPins,
  batchUpdatePins,
  batchDeletePins,
  listCollaborators,
  inviteCollaborator,
  updateCollaborator,
  removeCollaborator,
  getPermissions,
  listComments,
  createComment,
  updateComment,
  deleteComment,
  listPinTypes,
  getPinTypeOperation,
  getOpenApi,
  getMe,
  listMyPins,
  listMySessions,
  endMySession,
  signOutEverywhere,
  changeMyPassword,
  listMembers,
  inviteMember,
  updateMember,
  removeMember,
  listKeys,
  createKey,
  revokeKey,
]
