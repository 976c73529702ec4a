// Types for @terraformer/wkt, which ships none: the two conversions it offers.
declare module '@terraformer/wkt' {
  import type { Geometry } from '../types.ts'

  export function geojsonToWKT(geometry: Geometry): string
  export function wktToGeoJSON(wkt: string): Geometry
}
