// The one translation table of the web app: every user-visible string, Simplified Chinese first, English second.
import { renovationStatus } from '@renewal-atlas/domain'

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'zh-CN'

// Coded values keep their words in packages/domain; the table takes them from there so the two never drift.
const zhCN = {
  'app.name': '焕新图谱',
  'language.groupLabel': '界面语言',
  'header.compoundCount': '已加载 {count} 个小区',
  'header.compoundCountPending': '小区数据加载中',
  'load.loading': '正在加载地图数据…',
  'load.errorTitle': '地图数据加载失败',
  'load.errorNetwork': '无法连接到服务器，请检查网络后重试。',
  'load.errorHttp': '服务器返回错误（HTTP {status}）。',
  'load.errorInvalid': '服务器返回的数据格式不正确，请联系系统管理员。',
  'load.errorTechnical': '技术细节',
  'load.retry': '重新加载',
  'map.title': '小区改造状态地图',
  'map.controls': '地图操作',
  'map.zoomIn': '放大',
  'map.zoomOut': '缩小',
  'map.fitDistrict': '显示全区',
  'legend.title': '小区改造状态',
  'legend.total': '合计',
  'class.not_old': '非老旧小区',
  'class.not_planned': renovationStatus.labels.not_planned.zh,
  'class.planned': renovationStatus.labels.planned.zh,
  'class.under_way': renovationStatus.labels.under_way.zh,
  'class.completed': renovationStatus.labels.completed.zh,
  'details.close': '关闭小区信息',
  'details.unknown': '暂无',
  'details.address': '地址',
  'details.community': '所属社区',
  'details.builtYear': '建成年份',
  'details.households': '户数',
  'details.status': '改造状态',
  'details.householdsValue': '{count} 户',
  'details.builtYearValue': '{year} 年',
  'details.completedIn': '（{year} 年完成）',
} as const

export type MessageKey = keyof typeof zhCN

const en: Record<MessageKey, string> = {
  'app.name': 'Renewal Atlas',
  'language.groupLabel': 'Interface language',
  'header.compoundCount': '{count} compounds loaded',
  'header.compoundCountPending': 'Loading compounds',
  'load.loading': 'Loading map data…',
  'load.errorTitle': 'The map data could not be loaded',
  'load.errorNetwork': 'The server could not be reached. Check the network and try again.',
  'load.errorHttp': 'The server answered with an error (HTTP {status}).',
  'load.errorInvalid': 'The server sent data in an unexpected format. Please contact the administrator.',
  'load.errorTechnical': 'Technical details',
  'load.retry': 'Reload',
  'map.title': 'Map of compound renovation status',
  'map.controls': 'Map controls',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.fitDistrict': 'Show the whole district',
  'legend.title': 'Compound renovation status',
  'legend.total': 'Total',
  'class.not_old': 'Not an old compound',
  'class.not_planned': renovationStatus.labels.not_planned.en,
  'class.planned': renovationStatus.labels.planned.en,
  'class.under_way': renovationStatus.labels.under_way.en,
  'class.completed': renovationStatus.labels.completed.en,
  'details.close': 'Close compound details',
  'details.unknown': 'Not recorded',
  'details.address': 'Address',
  'details.community': 'Community',
  'details.builtYear': 'Built',
  'details.households': 'Households',
  'details.status': 'Renovation status',
  'details.householdsValue': '{count}',
  'details.builtYearValue': '{year}',
  'details.completedIn': ' (completed {year})',
}

export const messages: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

/** The endonym of each language, shown on the toggle in its own language whatever the interface language. */
export const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' }

export type MessageParams = Record<string, string | number>

/** Look a key up and fill its `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = messages[language][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}
