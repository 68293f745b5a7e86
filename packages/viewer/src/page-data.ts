/** Who made a change or wrote a comment: a person, or a program through its API key (shown with an "app" badge). */
export interface Author {
  kind: 'user' | 'app'
  id: string
  name: string
}

/** What the server embeds in a page (`<script type="application/json" id="pindown-data">`). */
export interface PublicPin {
  id: string
  pin_type: string
  pin_config: Record<string, unknown>
  pin_layout: string
  metadata: { title: string; tags: readonly string[] }
  /** People with an editor role may edit the pin from its page. */
  allow_edit: boolean
  /** Readers who are signed in may comment; the thread is hidden (and kept) while this is false. */
  allow_comments: boolean
  created_at: number
  updated_at: number
  /** Who made the last change (or created the pin); null for pins stored before this was recorded. */
  updated_by: Author | null
  version: number
}

/** A reader's role for a pin: from their workspace membership, or as the pin's collaborator. */
export type PinRole = 'owner' | 'editor' | 'viewer'

/** The signed-in reader of a page; absent when the reader is anonymous. */
export interface Reader {
  id: string
  name: string
  /** Sent as `X-CSRF-Token` with every change the page makes. */
  csrf: string
  /** The reader's role for each pin of the page that they have one for. */
  roles: Record<string, PinRole>
}

export interface PageData {
  kind: 'pin' | 'board'
  /** Without the page chrome, for iframes. */
  embed: boolean
  title: string
  pins: PublicPin[]
  /** The Server-Sent Events stream of these pins' changes (and, on a pin's page, of its comments). */
  events: string
  reader: Reader | null
}

/** Workspace owners and editors, and editor collaborators, edit a pin that allows editing. */
export const canEdit = (reader: Reader | null, pin: PublicPin): boolean => {
  const role = reader?.roles[pin.id]
  return pin.allow_edit && (role === 'owner' || role === 'editor')
}

export function readPageData(): PageData {
  const element = document.getElementById('pindown-data')
  if (!element?.textContent) throw new Error('This page has no pin data')
  const data = JSON.parse(element.textContent) as PageData
  // The page keeps no copy: content of a pin that is later hidden must not linger in the document.
  element.remove()
  return data
}
