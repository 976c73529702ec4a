// The administrative areas (district, streets, communities) as GeoJSON: for labels, the district's extent and
// the filter panel's lists. The map draws the areas themselves from vector tiles.
import { getAllFeatures, getJson, type RequestOptions } from './http-client.ts'
import {
  type AtlasAreas,
  communityPageSchema,
  districtCollectionSchema,
  streetPageSchema,
} from './layers.schema.ts'

export async function fetchAreas(options: RequestOptions = {}): Promise<AtlasAreas> {
  // One failed request fails the map; the others are then cancelled rather than left to finish.
  const controller = new AbortController()
  const abort = () => controller.abort()
  options.signal?.addEventListener('abort', abort, { once: true })
  const inner = { signal: controller.signal }
  try {
    const [district, streets, communities] = await Promise.all([
      // The district is one feature, not a paged list, so it is asked for without paging parameters.
      getJson('/district', districtCollectionSchema, inner),
      getAllFeatures('/streets', streetPageSchema, inner),
      getAllFeatures('/communities', communityPageSchema, inner),
    ])
    return { district, streets, communities }
  } catch (error) {
    controller.abort()
    throw error
  } finally {
    options.signal?.removeEventListener('abort', abort)
  }
}
