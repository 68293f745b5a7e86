import type { ApiKeyRecord, ChangeAuthor, UserRecord } from '@pindown/store'

/** A program writing through its API key: shown with the key's name and an "app" badge. */
export const keyAuthor = (key: ApiKeyRecord): ChangeAuthor => ({ kind: 'app', id: key.id, name: key.name })

/** A person writing from a page. */
export const userAuthor = (user: UserRecord): ChangeAuthor => ({ kind: 'user', id: user.id, name: user.name })
