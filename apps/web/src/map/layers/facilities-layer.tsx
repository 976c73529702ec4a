// Facilities (菜市场, 养老, 幼儿园 …) from their tiles, each with its type's icon, close up. Icons are drawn when a
// tile first needs them (see facility-icons.ts): the map's missing-image resolver is set before the layer asks, and
// those drawn before the web font of their marks had loaded are drawn again when it has.
import { facilityType } from '@renewal-atlas/domain'
import type { ExpressionSpecification } from 'maplibre-gl'
import { useEffect } from 'react'
import { facilityIconId, facilityIconResolver, loadMarkFont, redrawFacilityIcons } from '../facility-icons.ts'
import { Layer } from '../layer.tsx'
import { useMap } from '../map-context.ts'
import { TileSource } from '../tile-source.tsx'

function facilityIcon(): ExpressionSpecification {
  const pairs = facilityType.values.flatMap((type) => [type, facilityIconId(type)])
  return ['match', ['get', 'facilityType'], ...pairs, ''] as unknown as ExpressionSpecification
}

export function FacilitiesLayer() {
  const map = useMap()
  useEffect(() => {
    map.setMissingStyleImageResolver(facilityIconResolver(map))
    let live = true
    loadMarkFont().then(
      () => live && !map._removed && redrawFacilityIcons(map),
      () => undefined, // the font did not load: the icons keep the machine's fonts
    )
    return () => {
      live = false
      if (!map._removed) map.setMissingStyleImageResolver(null)
    }
  }, [map])
  return (
    <TileSource layer="facilities">
      <Layer
        slot="facilities"
        id="facilities"
        type="symbol"
        source-layer="facilities"
        minzoom={14}
        layout={{ 'icon-image': facilityIcon(), 'icon-size': 1, 'icon-allow-overlap': false }}
      />
    </TileSource>
  )
}
