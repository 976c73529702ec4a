// Where a map looks: its zoom and centre, as a shared link keeps it.
export interface MapPosition {
  zoom: number
  center: [lon: number, lat: number]
}
