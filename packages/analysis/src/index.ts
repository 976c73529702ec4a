// Pure geospatial computation shared by the web app (live preview) and the API (authoritative).
export type { DeadEndOptions, DeadEndProperties } from './dead-ends.ts'
export { findDeadEnds } from './dead-ends.ts'
export { type Extent, extentOf } from './extent.ts'
export type { RoadEdge, RoadGraph, RoadGraphOptions, RoadNode } from './road-graph.ts'
export { buildRoadGraph, nodeKeyOf, roundPosition } from './road-graph.ts'
