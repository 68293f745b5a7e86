import { ExitError } from '../../errors.js'
import { withStore } from '../open-store.js'

export async function keysRevoke(id: string): Promise<void> {
  const revoked = await withStore((store) => store.revokeApiKey(id, Date.now()))
  if (!revoked) throw new ExitError(`no active key ${id} (see pindown keys list)`)
  console.log(`Revoked ${id}.`)
}
