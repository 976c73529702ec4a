// Enumerations with their Chinese and English labels: the one place a coded value gets its words.
import { z } from 'zod'

export interface Label {
  zh: string
  en: string
}

/** Build a zod enum and its label table from one literal map, so the two can never drift apart. */
export function labelledEnum<const T extends Record<string, Label>>(labels: T) {
  const keys = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
  return { schema: z.enum(keys), labels, values: keys }
}

export const renovationStatus = labelledEnum({
  not_planned: { zh: '未纳入计划', en: 'Not planned' },
  planned: { zh: '已纳入计划', en: 'Planned' },
  under_way: { zh: '改造中', en: 'Under way' },
  completed: { zh: '已完成改造', en: 'Completed' },
})
export type RenovationStatus = z.infer<typeof renovationStatus.schema>

export const managementType = labelledEnum({
  property_company: { zh: '物业服务企业', en: 'Property management company' },
  trust_property: { zh: '信托制物业', en: 'Trust-based property management' },
  self_managed: { zh: '业主自管', en: 'Self-managed by owners' },
  community_managed: { zh: '街道社区托管', en: 'Managed by street/community' },
  none: { zh: '无物业管理', en: 'No management' },
})
export type ManagementType = z.infer<typeof managementType.schema>

export const buildingStructure = labelledEnum({
  brick_concrete: { zh: '砖混', en: 'Brick-concrete' },
  brick_wood: { zh: '砖木', en: 'Brick-timber' },
  frame: { zh: '框架', en: 'Frame' },
  shear_wall: { zh: '剪力墙', en: 'Shear wall' },
  frame_shear_wall: { zh: '框架-剪力墙', en: 'Frame-shear wall' },
})
export type BuildingStructure = z.infer<typeof buildingStructure.schema>

export const roadClass = labelledEnum({
  arterial: { zh: '主干路', en: 'Arterial road' },
  secondary: { zh: '次干路', en: 'Secondary road' },
  branch: { zh: '支路', en: 'Branch road' },
  lane: { zh: '街巷', en: 'Lane' },
})
export type RoadClass = z.infer<typeof roadClass.schema>

export const facilityType = labelledEnum({
  vegetable_market: { zh: '菜市场', en: 'Vegetable market' },
  elderly_care: { zh: '养老服务站', en: 'Elderly care' },
  elderly_meals: { zh: '老年助餐点', en: 'Elderly meals' },
  clinic: { zh: '社区卫生服务站', en: 'Clinic' },
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  primary_school: { zh: '小学', en: 'Primary school' },
  park: { zh: '公园', en: 'Park' },
  activity_space: { zh: '文体活动场地', en: 'Activity space' },
  parking: { zh: '停车场', en: 'Parking' },
  ebike_charging: { zh: '电动自行车充电棚', en: 'E-bike charging' },
})
export type FacilityType = z.infer<typeof facilityType.schema>

/** Renovation content: the three national categories plus Chengdu's safety category. */
export const itemCategory = labelledEnum({
  basic: { zh: '基础类', en: 'Basic' },
  improvement: { zh: '完善类', en: 'Improvement' },
  upgrade: { zh: '提升类', en: 'Upgrade' },
  safety: { zh: '安全类', en: 'Safety' },
})
export type ItemCategory = z.infer<typeof itemCategory.schema>

export const itemType = labelledEnum({
  drainage: { zh: '雨污管网', en: 'Drainage' },
  water_supply: { zh: '供水', en: 'Water supply' },
  gas: { zh: '燃气', en: 'Gas' },
  power: { zh: '供电', en: 'Power supply' },
  telecom: { zh: '通信线缆', en: 'Telecom lines' },
  pipes: { zh: '地下管网', en: 'Underground pipes' },
  roads: { zh: '小区道路', en: 'Roads' },
  roof_waterproofing: { zh: '屋面防水', en: 'Roof waterproofing' },
  facade: { zh: '外立面', en: 'Facade' },
  lift: { zh: '加装电梯', en: 'Lift' },
  parking: { zh: '停车设施', en: 'Parking' },
  ebike_shed: { zh: '电动自行车棚', en: 'E-bike shed' },
  security: { zh: '安防设施', en: 'Security' },
  lighting: { zh: '照明', en: 'Lighting' },
  greening: { zh: '绿化', en: 'Greening' },
  barrier_free: { zh: '无障碍设施', en: 'Barrier-free access' },
  activity_space: { zh: '活动场地', en: 'Activity space' },
  elderly_service: { zh: '养老托育设施', en: 'Elderly and childcare' },
  convenience_service: { zh: '便民服务设施', en: 'Convenience services' },
  fire_safety: { zh: '消防设施', en: 'Fire safety' },
  structural_repair: { zh: '房屋安全加固', en: 'Structural repair' },
})
export type ItemType = z.infer<typeof itemType.schema>

export const fundingSource = labelledEnum({
  fiscal: { zh: '财政资金', en: 'Fiscal' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  residents: { zh: '居民出资', en: 'Residents' },
  social_capital: { zh: '社会资本', en: 'Social capital' },
})
export type FundingSource = z.infer<typeof fundingSource.schema>

export const projectStatus = labelledEnum({
  planned: { zh: '计划中', en: 'Planned' },
  under_way: { zh: '实施中', en: 'Under way' },
  completed: { zh: '已完工', en: 'Completed' },
})
export type ProjectStatus = z.infer<typeof projectStatus.schema>

export const planStatus = labelledEnum({
  draft: { zh: '草案', en: 'Draft' },
  approved: { zh: '已批准', en: 'Approved' },
})
export type PlanStatus = z.infer<typeof planStatus.schema>

export const measureType = labelledEnum({
  road_widening: { zh: '道路拓宽', en: 'Road widening' },
  dead_end_connection: { zh: '断头路打通', en: 'Dead-end connection' },
  pipe_replacement: { zh: '管网更换', en: 'Pipe replacement' },
  pipe_repair: { zh: '管网修复', en: 'Pipe repair' },
  facade: { zh: '立面整治', en: 'Facade renovation' },
  parking: { zh: '停车设施', en: 'Parking' },
  facility: { zh: '新增设施', en: 'New facility' },
})
export type MeasureType = z.infer<typeof measureType.schema>

/** Urban health check (城市体检) indicators at housing and compound level. */
export const findingIndicator = labelledEnum({
  structural_safety: { zh: '房屋结构安全', en: 'Structural safety' },
  facade_falling: { zh: '外墙脱落隐患', en: 'Facade falling hazard' },
  gas_safety: { zh: '燃气安全隐患', en: 'Gas safety' },
  fire_safety: { zh: '消防安全隐患', en: 'Fire safety' },
  wall_leak: { zh: '外墙漏水', en: 'Leaking exterior wall' },
  waterlogging: { zh: '雨季内涝', en: 'Rainy-season waterlogging' },
  pipe_collapse: { zh: '地下管网塌陷', en: 'Underground pipe collapse' },
  pipe_leak: { zh: '管网漏损', en: 'Pipe leakage' },
  parking_shortage: { zh: '停车难', en: 'Parking shortage' },
  no_lift: { zh: '无电梯', en: 'No lift' },
  barrier_free: { zh: '无障碍设施缺失', en: 'Missing barrier-free access' },
  ebike_charging: { zh: '电动自行车充电隐患', en: 'E-bike charging hazard' },
  service_gap: { zh: '公共服务设施不足', en: 'Service facility gap' },
})
export type FindingIndicator = z.infer<typeof findingIndicator.schema>

export const findingSeverity = labelledEnum({
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
  critical: { zh: '严重', en: 'Critical' },
})
export type FindingSeverity = z.infer<typeof findingSeverity.schema>

export const findingStatus = labelledEnum({
  open: { zh: '待整改', en: 'Open' },
  rectifying: { zh: '整改中', en: 'Being rectified' },
  resolved: { zh: '已整改', en: 'Resolved' },
})
export type FindingStatus = z.infer<typeof findingStatus.schema>

export const rectification = labelledEnum({
  fix_by_deadline: { zh: '限时解决', en: 'Fix by deadline' },
  as_resources_allow: { zh: '尽力解决', en: 'As resources allow' },
})
export type Rectification = z.infer<typeof rectification.schema>

export const suggestionChannel = labelledEnum({
  night_talk: { zh: '夜话平台', en: 'Evening talks' },
  hearing: { zh: '听证会', en: 'Hearing' },
  home_visit: { zh: '入户走访', en: 'Home visit' },
  phone: { zh: '电话', en: 'Phone' },
  questionnaire: { zh: '问卷', en: 'Questionnaire' },
})
export type SuggestionChannel = z.infer<typeof suggestionChannel.schema>

export const suggestionStatus = labelledEnum({
  collected: { zh: '已收集', en: 'Collected' },
  consensus: { zh: '已达成共识', en: 'Consensus' },
  project: { zh: '已转化为项目', en: 'Became a project' },
})
export type SuggestionStatus = z.infer<typeof suggestionStatus.schema>

export const roleCode = labelledEnum({
  admin: { zh: '管理员', en: 'Administrator' },
  planner: { zh: '规划人员', en: 'Planner' },
  leadership: { zh: '领导', en: 'Leadership' },
  design_institute: { zh: '设计院', en: 'Design institute' },
  viewer: { zh: '只读用户', en: 'Viewer' },
})
export type RoleCode = z.infer<typeof roleCode.schema>
