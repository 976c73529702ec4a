// `npm run db:migrate`: apply pending migrations to the configured database (DATABASE_URL or the embedded one).
import { databaseOptionsFromEnv } from '../config.ts'
import { openDatabase } from '../connect.ts'
import { migrateToLatest } from '../migrate.ts'

const db = await openDatabase(databaseOptionsFromEnv())
try {
  const applied = await migrateToLatest(db.knex)
  console.log(
    applied.length
      ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
      : 'already up to date',
  )
} finally {
  await db.close()
}
