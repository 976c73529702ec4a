// /ogc: OGC API Features Part 1 (in progress).
import type { Database } from '@renewal-atlas/db'
import { Router } from 'express'

export function ogcRoutes(_db: Database): Router {
  return Router()
}
