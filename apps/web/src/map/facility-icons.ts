// Facility icons drawn in code on a canvas at run time: the style needs no sprite from anywhere.
import { type FacilityType, facilityType } from '@renewal-atlas/domain'
import { uiFontFamilies, uiFontStack } from '../ui/font-stack.ts'

export interface IconSpec {
  colour: string
  /** One character drawn on the badge with the app's web font (loadMarkFont first). */
  mark: string
}

export const facilityIconSpecs: Record<FacilityType, IconSpec> = {
  vegetable_market: { colour: '#2E7D32', mark: '菜' },
  elderly_care: { colour: '#6A1B9A', mark: '老' },
  elderly_meals: { colour: '#8E24AA', mark: '餐' },
  clinic: { colour: '#C62828', mark: '医' },
  kindergarten: { colour: '#EF6C00', mark: '幼' },
  primary_school: { colour: '#1565C0', mark: '学' },
  park: { colour: '#388E3C', mark: '园' },
  activity_space: { colour: '#00838F', mark: '文' },
  parking: { colour: '#37474F', mark: 'P' },
  ebike_charging: { colour: '#F9A825', mark: '电' },
}

export function facilityIconId(type: FacilityType): string {
  return `facility-${type}`
}

const pixelRatio = 2
const size = 22 * pixelRatio
const markFont = (family: string) => `600 ${13 * pixelRatio}px ${family}`

/**
 * Loads the web font's face the marks are drawn with (a canvas draws with what is loaded at that moment). Only the
 * first family: `load` fetches every family of a stack whose range has the text, even one never drawn with.
 */
export async function loadMarkFont(): Promise<void> {
  const marks = Object.values(facilityIconSpecs).map((spec) => spec.mark)
  await document.fonts.load(markFont(`"${uiFontFamilies.common}"`), marks.join(''))
}

/** A round badge in the type's colour with its mark in white, as pixels for `map.addImage`. */
export function drawFacilityIcon(spec: IconSpec): ImageData | undefined {
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const context = canvas.getContext('2d')
  if (!context) return undefined
  const radius = size / 2 - pixelRatio
  context.beginPath()
  context.arc(size / 2, size / 2, radius, 0, Math.PI * 2)
  context.fillStyle = spec.colour
  context.fill()
  context.lineWidth = 1.5 * pixelRatio
  context.strokeStyle = '#ffffff'
  context.stroke()
  context.fillStyle = '#ffffff'
  context.font = markFont(uiFontStack)
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  context.fillText(spec.mark, size / 2, size / 2 + pixelRatio)
  return context.getImageData(0, 0, size, size)
}

export interface IconSink {
  hasImage(id: string): boolean
  addImage(id: string, image: ImageData, options: { pixelRatio: number }): void
  updateImage(id: string, image: ImageData): void
}

const iconTypes = new Map<string, FacilityType>(
  facilityType.values.map((type) => [facilityIconId(type), type]),
)

/**
 * The map's missing-image resolver (`map.setMissingStyleImageResolver`): draws a facility icon the first time a
 * tile asks for it, before maplibre would warn that the image could not be loaded. Other ids are left alone.
 */
export function facilityIconResolver(
  map: IconSink,
  draw: (spec: IconSpec) => ImageData | undefined = drawFacilityIcon,
): (id: string) => void {
  return (id) => {
    const type = iconTypes.get(id)
    if (type === undefined || map.hasImage(id)) return
    const image = draw(facilityIconSpecs[type])
    if (image) map.addImage(id, image, { pixelRatio })
  }
}

/**
 * Draws again the icons the map already has, once their font has loaded: an icon drawn before that has its mark in
 * whatever font the machine had, and with no Chinese font that is a box.
 */
export function redrawFacilityIcons(
  map: IconSink,
  draw: (spec: IconSpec) => ImageData | undefined = drawFacilityIcon,
): void {
  for (const [id, type] of iconTypes) {
    if (!map.hasImage(id)) continue
    const image = draw(facilityIconSpecs[type])
    if (image) map.updateImage(id, image)
  }
}
