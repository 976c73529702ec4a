// Renovation item catalogue (改造内容清单) and text templates for findings and suggestions. Rates are
// plausible synthetic unit costs in yuan, not tender prices.
import type { FindingIndicator, ItemCategory, ItemType } from '@renewal-atlas/domain'

export interface CompoundMetrics {
  households: number
  buildings: number
  floorAreaM2: number
  footprintM2: number
  siteAreaM2: number
  perimeterM: number
}

export interface CatalogueItem {
  category: ItemCategory
  itemType: ItemType
  description: string
  unit: string
  quantity: (m: CompoundMetrics) => number
  rate: number // yuan per unit
  weight: number // how often it appears
}

const r10 = (n: number) => Math.max(1, Math.round(n / 10) * 10)

export const CATALOGUE: CatalogueItem[] = [
  {
    category: 'basic',
    itemType: 'drainage',
    description: '雨污分流及排水管网改造',
    unit: 'm',
    quantity: (m) => r10(m.perimeterM * 1.2),
    rate: 900,
    weight: 0.85,
  },
  {
    category: 'basic',
    itemType: 'water_supply',
    description: '供水管网及一户一表改造',
    unit: '户',
    quantity: (m) => m.households,
    rate: 1800,
    weight: 0.6,
  },
  {
    category: 'basic',
    itemType: 'gas',
    description: '老化燃气管道更换',
    unit: '户',
    quantity: (m) => m.households,
    rate: 1200,
    weight: 0.35,
  },
  {
    category: 'basic',
    itemType: 'power',
    description: '供电线路及表箱改造',
    unit: '户',
    quantity: (m) => m.households,
    rate: 1500,
    weight: 0.45,
  },
  {
    category: 'basic',
    itemType: 'telecom',
    description: '通信线缆规整（"蜘蛛网"治理）',
    unit: 'm',
    quantity: (m) => r10(m.perimeterM * 1.5),
    rate: 150,
    weight: 0.6,
  },
  {
    category: 'basic',
    itemType: 'pipes',
    description: '地下管网更换',
    unit: 'm',
    quantity: (m) => r10(m.perimeterM * 0.4),
    rate: 1600,
    weight: 0.3,
  },
  {
    category: 'basic',
    itemType: 'roads',
    description: '小区道路及路面修复',
    unit: 'm2',
    quantity: (m) => r10(m.siteAreaM2 * 0.15),
    rate: 220,
    weight: 0.65,
  },
  {
    category: 'basic',
    itemType: 'roof_waterproofing',
    description: '屋面防水及平改坡',
    unit: 'm2',
    quantity: (m) => r10(m.footprintM2),
    rate: 160,
    weight: 0.5,
  },
  {
    category: 'basic',
    itemType: 'facade',
    description: '外立面整治及外墙防渗',
    unit: 'm2',
    quantity: (m) => r10(m.floorAreaM2 * 0.6),
    rate: 180,
    weight: 0.8,
  },
  {
    category: 'improvement',
    itemType: 'parking',
    description: '停车位挖潜增设',
    unit: '个',
    quantity: (m) => Math.max(4, Math.round(m.households / 8)),
    rate: 6000,
    weight: 0.5,
  },
  {
    category: 'improvement',
    itemType: 'ebike_shed',
    description: '电动自行车棚及充电设施',
    unit: '个',
    quantity: (m) => Math.max(10, Math.round(m.households / 6)),
    rate: 1500,
    weight: 0.55,
  },
  {
    category: 'improvement',
    itemType: 'security',
    description: '安防监控及门禁系统',
    unit: '套',
    quantity: (m) => m.buildings + 2,
    rate: 30000,
    weight: 0.6,
  },
  {
    category: 'improvement',
    itemType: 'lighting',
    description: '公共照明改造',
    unit: '盏',
    quantity: (m) => Math.max(6, Math.round(m.perimeterM / 25)),
    rate: 2500,
    weight: 0.4,
  },
  {
    category: 'improvement',
    itemType: 'greening',
    description: '绿化补植及微景观',
    unit: 'm2',
    quantity: (m) => r10(m.siteAreaM2 * 0.1),
    rate: 150,
    weight: 0.45,
  },
  {
    category: 'improvement',
    itemType: 'barrier_free',
    description: '无障碍坡道及扶手',
    unit: '处',
    quantity: (m) => m.buildings,
    rate: 15000,
    weight: 0.3,
  },
  {
    category: 'improvement',
    itemType: 'lift',
    description: '既有住宅加装电梯',
    unit: '部',
    quantity: (m) => Math.max(1, Math.min(m.buildings, Math.round(m.buildings * 0.4))),
    rate: 600000,
    weight: 0.12,
  },
  {
    category: 'upgrade',
    itemType: 'activity_space',
    description: '居民活动场地及党群服务空间',
    unit: 'm2',
    quantity: (m) => r10(Math.min(400, 60 + m.households * 0.6)),
    rate: 1200,
    weight: 0.35,
  },
  {
    category: 'upgrade',
    itemType: 'elderly_service',
    description: '养老托育服务用房',
    unit: 'm2',
    quantity: (m) => r10(Math.min(200, 40 + m.households * 0.3)),
    rate: 2500,
    weight: 0.15,
  },
  {
    category: 'upgrade',
    itemType: 'convenience_service',
    description: '便民服务点',
    unit: 'm2',
    quantity: (m) => r10(Math.min(200, 30 + m.households * 0.3)),
    rate: 2000,
    weight: 0.15,
  },
  {
    category: 'safety',
    itemType: 'fire_safety',
    description: '消防通道整治及消防设施改造',
    unit: '栋',
    quantity: (m) => m.buildings,
    rate: 40000,
    weight: 0.45,
  },
  {
    category: 'safety',
    itemType: 'structural_repair',
    description: '房屋安全隐患排查及加固',
    unit: 'm2',
    quantity: (m) => r10(m.floorAreaM2 * 0.15),
    rate: 600,
    weight: 0.2,
  },
]

/** Which indicator a finding is about and the item type that fixes it. */
export const INDICATOR_FIX: Record<FindingIndicator, ItemType> = {
  structural_safety: 'structural_repair',
  facade_falling: 'facade',
  gas_safety: 'gas',
  fire_safety: 'fire_safety',
  wall_leak: 'facade',
  waterlogging: 'drainage',
  pipe_collapse: 'pipes',
  pipe_leak: 'water_supply',
  parking_shortage: 'parking',
  no_lift: 'lift',
  barrier_free: 'barrier_free',
  ebike_charging: 'ebike_shed',
  service_gap: 'convenience_service',
}

/** Safety items are baseline items (one failure fails the indicator): fixed by a deadline. */
export const SAFETY_INDICATORS: ReadonlySet<FindingIndicator> = new Set([
  'structural_safety',
  'facade_falling',
  'gas_safety',
  'fire_safety',
  'pipe_collapse',
  'ebike_charging',
])

export const FINDING_TEXT: Record<FindingIndicator, string[]> = {
  structural_safety: [
    '{b}墙体出现贯穿裂缝，需鉴定',
    '{b}楼梯间预制板开裂，存在安全隐患',
    '{b}阳台栏板锈蚀松动',
  ],
  facade_falling: ['{b}外墙瓷砖空鼓，有脱落风险', '{b}外墙抹灰层局部剥落', '{b}空调外机支架锈蚀'],
  gas_safety: ['{b}燃气立管锈蚀，需更换', '{b}部分住户燃气软管老化', '{b}燃气表箱破损'],
  fire_safety: ['消防通道被占用，消防车无法通行', '{b}楼道堆放杂物', '{b}消火栓无水或损坏'],
  wall_leak: ['{b}外墙渗水，顶层住户室内墙面发霉', '{b}外墙裂缝雨天漏水', '{b}山墙渗漏'],
  waterlogging: ['雨季院内积水，最深处没过脚踝', '暴雨后小区出入口积水严重', '地势低洼处排水不畅，雨季内涝'],
  pipe_collapse: ['院内地下管网塌陷，路面下沉', '排水管道破损导致地面塌陷', '化粪池附近管道塌陷'],
  pipe_leak: ['供水管网老化，漏损率高', '{b}供水立管漏水', '院内给水管爆裂频发'],
  parking_shortage: ['车位严重不足，车辆占道停放', '夜间停车难，消防通道被占', '机动车与非机动车混停'],
  no_lift: ['{b}为多层住宅，无电梯，老年住户上下楼困难', '{b}高龄住户多，加装电梯意愿强烈'],
  barrier_free: ['单元出入口无坡道', '{b}出入口台阶无扶手', '院内道路高差无无障碍通道'],
  ebike_charging: ['电动自行车楼道充电，存在火灾隐患', '飞线充电现象突出', '{b}电动自行车入户充电'],
  service_gap: ['周边缺少菜市场，买菜难', '步行范围内无老年助餐点', '缺少居民活动场地'],
}

export const SUGGESTION_TEXT: Partial<Record<ItemType, string[]>> = {
  pipes: [
    '院里下水道又堵了，建议整体更换地下管网',
    '{b}门口路面下沉，怀疑下面管子塌了',
    '地下管道用了三十年，该换了',
  ],
  drainage: ['一下雨院子就淹，希望解决排水问题', '雨季{b}前积水，老人出门不便', '建议雨污分流，改造排水沟'],
  roads: ['院内道路坑洼不平，希望重新铺设', '路太窄，消防车进不来', '{b}旁边的路晚上容易摔跤，希望修平'],
  parking: ['停车太难了，建议规划停车位', '外来车辆占位，希望加装道闸', '希望利用边角地增设车位'],
  facade: ['外墙瓷砖掉落，走路提心吊胆', '{b}外墙漏水，家里墙面发霉', '希望统一外立面，改善院落形象'],
  security: ['希望安装监控和门禁', '院门晚上无人看守，不安全', '建议增加人脸识别门禁'],
  water_supply: ['水压太低，高层用水困难', '希望实行一户一表', '自来水管老化经常爆管'],
  telecom: ['线缆乱拉像蜘蛛网，希望规整', '{b}外墙电线杂乱，有安全隐患', '希望光纤入户'],
  activity_space: [
    '老年人没有活动的地方，希望建活动室',
    '希望有个地方开坝坝会、喝茶聊天',
    '孩子们缺少玩耍场地',
  ],
  ebike_shed: ['电瓶车没地方充电，只能拉线', '希望建集中充电棚', '充电棚太小，车停不下'],
  convenience_service: ['附近买菜不方便，希望有便民菜店', '希望引进便民维修点', '希望能就近买到新鲜蔬菜'],
  lighting: ['院内路灯太暗，晚上不安全', '楼道灯坏了很久没人修'],
  greening: ['希望多种些花草，改善环境', '绿地被占用种菜，希望整治'],
  barrier_free: ['{b}出入口台阶太高，轮椅上不去', '希望楼道加装扶手'],
  elderly_service: ['希望有老年食堂，解决吃饭问题', '独居老人多，希望有人定期探访'],
  roof_waterproofing: ['顶楼漏雨，希望做屋面防水', '{b}外墙和屋顶渗水，墙面发霉', '雨天{b}楼梯间漏水'],
  lift: ['{b}住户老年人多，希望加装电梯', '爬七楼太累了，想装电梯'],
  fire_safety: ['楼道堆放杂物，希望清理', '希望配置灭火器'],
}
