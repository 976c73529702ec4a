// Figures of the 2023 Jinjiang case study that the generator reproduces exactly: the Wufuyuan compound (五福苑)
// and its residents' evening talks (五福夜话), and the data set's reference date.

/** The data set's "today": dates of open findings and project progress are relative to it. */
export const REFERENCE_DATE = '2025-06-30'
export const WUFUYUAN = {
  name: '五福苑',
  communityCode: '510104030004',
  address: '马家沟1号',
  builtYear: 1996,
  buildings: 9,
  households: 497,
  residents: 1500,
  floorAreaM2: 33000,
  renovationYear: 2021,
  suggestions: 288,
  consensus: 192,
  projectItems: 13,
} as const
