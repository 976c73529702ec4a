// Policy constants from the source case and national standards; settings that a district may override.

/** The seed figures (../shared/seeds/FACTS.md) that the demo data reproduces exactly. */
export const JINJIANG_FACTS = {
  districtCode: '510104',
  compounds: 1189,
  oldCompounds: 751,
  renovatedOldCompounds: 477,
  householdsBenefiting: 54_000,
  officialAreaKm2: 60.99,
  residentPopulation: 902_900,
  servicePopulation: 2_200_000,
} as const

/** Old-compound cut-off year: built no later than this to be on the register. */
export const OLD_COMPOUND_CUTOFF_YEAR = { national: 2000, chengdu: 2004 } as const

/** GB 50180-2018 life circles, as walking distances in metres. */
export const LIFE_CIRCLE_WALK_M = { fiveMinute: 300, tenMinute: 500, fifteenMinute: 1000 } as const

/** Preferred branch-road (支路) red-line width, metres. */
export const BRANCH_ROAD_RED_LINE_M = { min: 14, max: 20 } as const

/** Micro-grid (微网格) size in households. */
export const MICRO_GRID_HOUSEHOLDS = { min: 30, max: 100 } as const
