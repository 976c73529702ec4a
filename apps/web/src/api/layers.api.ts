// Loads the base-map layers (district, streets, communities, compounds) from the API.
import { getAllFeatures, getJson, type RequestOptions } from './http-client.ts'
import {
  type AtlasLayers,
  communityPageSchema,
  compoundPageSchema,
  districtCollectionSchema,
  streetPageSchema,
} from './layers.schema.ts'

export async function fetchAtlasLayers(options: RequestOptions = {}): Promise<AtlasLayers> {
  // One failed layer fails the map; the other requests are then cancelled rather than left to finish.
  const controller = new AbortController()
  const abort = () => controller.abort()
  options.signal?.addEventListener('abort', abort, { once: true })
  const inner = { signal: controller.signal }
  try {
    const [district, streets, communities, compounds] = await Promise.all([
      // The district is one feature, not a paged list, so it is asked for without paging parameters.
      getJson('/district', districtCollectionSchema, inner),
      getAllFeatures('/streets', streetPageSchema, inner),
      getAllFeatures('/communities', communityPageSchema, inner),
      getAllFeatures('/compounds', compoundPageSchema, inner),
    ])
    return { district, streets, communities, compounds }
  } catch (error) {
    controller.abort()
    throw error
  } finally {
    options.signal?.removeEventListener('abort', abort)
  }
}
