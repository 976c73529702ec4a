// GET /api/v1/exports/…: layers as GeoJSON, GeoJSON Text Sequences, CSV, zipped Shapefile or DXF (in progress).
import type { Database } from '@renewal-atlas/db'
import { Router } from 'express'

export function exportRoutes(_db: Database): Router {
  return Router()
}
