/** The connection a migration runs on, as each backend records how far its database is. */
export interface MigrationConnection {
  /** Runs SQL that may hold several statements. */
  exec(sql: string): unknown
  /** How many migrations the database has had. */
  version(): number | Promise<number>
  /** Records, inside the migration's transaction, that the database has had `version` migrations. */
  record(version: number): unknown
}

/**
 * Applies, in order, the migrations the database has not had: numbered SQL scripts, forward only, each
 * in a transaction of its own together with the record of its number.
 */
export async function runMigrations(migrations: readonly string[], db: MigrationConnection): Promise<void> {
  for (let version = await db.version(); version < migrations.length; version++) {
    await db.exec('BEGIN')
    try {
      await db.exec(migrations[version]!)
      await db.record(version + 1)
      await db.exec('COMMIT')
    } catch (error) {
      await db.exec('ROLLBACK')
      throw error
    }
  }
}
