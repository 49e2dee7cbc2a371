import type { MeetingKind } from './meetingSchemas.js';

/** What a meeting starts from: its kind, year, theme and the aspects problems are checked against. */
export interface MeetingTemplate {
  /** Built-in ids are slugs; a branch's own templates are `custom-<n>`. */
  id: string;
  kind: MeetingKind;
  year: number;
  /** The meeting's usual name, e.g. 2023年主题教育专题民主生活会. */
  name: string;
  theme: string;
  aspects: readonly string[];
  /** Null for built-in templates, else the branch that defined it. */
  branchId: number | null;
}

const THEME_EDUCATION_2023 =
  '学习贯彻习近平新时代中国特色社会主义思想，聚焦学思想、强党性、重实践、建新功总要求，' +
  '对照凝心铸魂筑牢根本、锤炼品格强化忠诚、实干担当促进发展、践行宗旨为民造福、廉洁奉公树立新风具体目标';

/**
 * The templates every branch can start from: the themes and aspects of the superior's notices
 * of recent years. A branch adds its own for a local theme; a meeting's aspects stay editable.
 */
export const BUILT_IN_TEMPLATES: readonly MeetingTemplate[] = Object.freeze([
  {
    id: 'dlm-2024',
    kind: 'democratic-life',
    year: 2024,
    name: '2024年度民主生活会',
    theme:
      '深入学习贯彻习近平新时代中国特色社会主义思想，巩固深化党纪学习教育成果，' +
      '综合发挥党的纪律教育约束、保障激励作用，为进一步全面深化改革、推进中国式现代化提供坚强纪律保证',
    aspects: [
      '带头严守政治纪律和政治规矩，维护党的团结统一',
      '带头增强党性、严守纪律、砥砺作风',
      '带头在遵规守纪、清正廉洁前提下勇于担责、敢于创新',
      '带头履行全面从严治党政治责任',
    ],
    branchId: null,
  },
  {
    id: 'dlm-2023-theme-education',
    kind: 'democratic-life',
    year: 2023,
    name: '2023年主题教育专题民主生活会',
    theme: THEME_EDUCATION_2023,
    aspects: ['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律'],
    branchId: null,
  },
  {
    id: 'olm-2023-theme-education',
    kind: 'organizational-life',
    year: 2023,
    name: '2023年主题教育专题组织生活会',
    theme: THEME_EDUCATION_2023,
    aspects: [
      '组织开展主题教育',
      '执行上级组织决定',
      '严格组织生活',
      '加强党员教育管理监督',
      '联系服务群众',
      '抓好自身建设',
    ],
    branchId: null,
  },
  {
    id: 'dlm-2022',
    kind: 'democratic-life',
    year: 2022,
    name: '2022年度民主生活会',
    theme: '深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神',
    aspects: [
      '带头深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”',
      '带头学习贯彻习近平新时代中国特色社会主义思想，用党的创新理论武装头脑、指导实践、推动工作',
      '带头贯彻落实党的二十大作出的重大决策部署，履职尽责、担当作为',
      '带头践行以人民为中心的发展思想',
      '带头落实全面从严治党政治责任',
      '带头发扬斗争精神、增强斗争本领',
    ],
    branchId: null,
  },
]);

export function findBuiltInTemplate(id: string): MeetingTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
