// /api/v1/imports: upload, validate, commit and roll back survey files (in progress).
import type { Database } from '@renewal-atlas/db'
import { Router } from 'express'

export function importRoutes(_db: Database): Router {
  return Router()
}
