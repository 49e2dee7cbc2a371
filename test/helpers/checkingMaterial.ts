/**
 * A short 个人对照检查材料 as its author would type it: a title, the opening paragraph, then
 * problems by aspect with their points (一是…二是…), causes and measures. No blank lines, so
 * a copy with one paragraph a line has the same line numbers.
 */
export const CHECKING_MATERIAL = [
  '2023年度专题民主生活会个人对照检查材料',
  '按照上级党委关于召开主题教育专题民主生活会的通知要求，本人认真学习，深入查摆问题，现将有关情况报告如下。',
  '一、存在的主要问题',
  '（一）在理论学习方面',
  '一是学习不够系统，满足于读原文、记笔记。二是学用结合不紧，比如对新发展理念的理解停留在字面上。',
  '（二）在担当作为方面',
  '一是攻坚克难的劲头不足。二是工作标准不高，满足于过得去。',
  '二、产生问题的原因',
  '理想信念有所松懈，党性修养有所放松，宗旨意识有所淡化。',
  '三、今后的努力方向和整改措施',
  '（一）强化理论武装',
  '一是制定个人学习计划，每周集中学习不少于4小时。二是带着问题学，做到学用结合。',
  '（二）勇于担当作为',
  '一是对标先进找差距。二是对**局交办的事项建立台账，逐项销号。',
].join('\n');
