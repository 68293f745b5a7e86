// The checkpointer's thread: its own connection, copying the WAL back into the database file on request.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database((workerData as { path: string }).path)
db.pragma('busy_timeout = 5000')
parentPort!.on('message', (message: 'checkpoint' | 'close') => {
  if (message === 'close') {
    db.close()
    parentPort!.close()
    return
  }
  // PASSIVE never waits for the writer or readers: it copies what it can and leaves the rest for next time.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
  parentPort!.postMessage(result?.log ?? 0)
})
