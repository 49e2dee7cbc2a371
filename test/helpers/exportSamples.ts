import type { ExportDocument } from '../../server/export/exportBlocks.js';
import type { LedgerRow } from '../../server/export/renderLedgerXlsx.js';

export const RECTIFICATION_HEADER = [
  '序号',
  '问题来源',
  '所属方面',
  '问题表现',
  '整改措施',
  '责任领导',
  '责任人',
  '完成时限',
  '状态',
  '销号',
];

/** Minutes-like content with every block kind, redactions (`**局`) included. */
export function sampleDocument(): ExportDocument {
  return {
    title: 'XX党支部2024年度组织生活会会议记录',
    subtitle: '（2025年1月15日）',
    blocks: [
      {
        type: 'fields',
        rows: [
          ['会议名称', 'XX党支部2024年度组织生活会'],
          ['时间', '2025年1月15日 9:00—11:30'],
          ['地点', '三楼会议室'],
          ['主持人', '王**（支部书记）'],
          ['缺席人员及原因', '李**（出差）\n赵**（病假）'],
        ],
      },
      { type: 'heading', level: 1, text: '一、存在的主要问题' },
      { type: 'heading', level: 2, text: '（一）理论学习方面' },
      {
        type: 'paragraph',
        inlines: [
          { text: '一是学习不够深入。', bold: true },
          { text: '对**局下发的学习材料读得不细，' },
          { text: '满足于“读过了”。\n比如，专题学习只有3次。' },
        ],
      },
      { type: 'heading', level: 3, text: '1.学用结合不够' },
      { type: 'heading', level: 4, text: '（1）调研不够' },
      {
        type: 'list',
        ordered: true,
        items: [[{ text: '制定学习计划' }], [{ text: '每月交流一次' }]],
      },
      { type: 'list', ordered: false, items: [[{ text: '督导组点评', bold: true }]] },
      {
        type: 'table',
        header: RECTIFICATION_HEADER,
        rows: [
          [
            '1',
            '自查',
            '理论学习',
            '学习不够深入，对**局的材料读得不细',
            '每月集中学习一次',
            '王**',
            '张**',
            '2025-06-30',
            '推进中',
            '',
          ],
        ],
      },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: '二、原因剖析' },
      {
        type: 'paragraph',
        inlines: [{ text: '以上材料，请审阅。' }],
        indent: false,
        align: 'right',
      },
    ],
  };
}

export function sampleLedgerRows(): LedgerRow[] {
  const base = {
    source: '自查',
    aspect: '理论学习',
    leader: '王书记',
    progress: '',
    verifiedAt: null,
    verifiedBy: null,
  };
  return [
    {
      ...base,
      problem: '学习不够深入，对**局下发的材料读得不细',
      goal: '学深悟透',
      measures: '每月集中学习一次；撰写心得体会',
      owner: '张**',
      deadline: new Date('2025-06-30'),
      longTerm: false,
      status: '已完成',
      progress: '已集中学习6次',
      // 2025-07-02 01:30 Beijing time, still 07-01 in UTC.
      verifiedAt: new Date('2025-07-01T17:30:00Z'),
      verifiedBy: '王书记',
    },
    {
      ...base,
      aspect: '作风建设',
      problem: '联系群众不够紧密',
      goal: '常态化走访',
      measures: '每季度走访一次',
      owner: '李**',
      deadline: null,
      longTerm: true,
      status: '长期坚持',
    },
    {
      ...base,
      source: '相互批评',
      aspect: '担当作为',
      problem: '攻坚克难的劲头不足',
      goal: '主动担当',
      measures: '领办一项重点任务',
      owner: '赵**',
      deadline: null,
      longTerm: false,
      status: '未启动',
    },
  ];
}
