import type { Vocabulary } from './types';

export const zhHans: Vocabulary = {
  language: 'zh-Hans',
  rollback: ['回滚', '回退', '版本回退', '撤回发布', '恢复到上一版本', '恢复上一版本'],
  criteria: ['触发', '条件', '情况', '标准', '准则', '时机', '判断', '判定'],
  notTriggers: ['成功', '完成', '验证'],
  triggerTitles: ['触发条件', '触发器'],
  triggerPhrases: ['触发条件', '何时回滚'],
  procedure: ['恢复', '还原'],
  notProcedure: ['负责人', '记录', '历史', '联系'],
  census: ['副作用', '影响范围', '补偿'],
  brief: ['发布概要', '发布说明'],
  conditional: ['如果', '若', '时', '情况下'],
  negative: ['不回滚', '无需', '不要', '禁止'],
  dataCorruption: ['数据损坏', '数据丢失', '数据不一致', '数据错乱', '脏数据', '数据异常', '数据完整性'],
  preferred: ['推荐', '首选', '优先', '默认'],
  columns: {
    trigger: ['触发', '条件', '标准', '现象', '指标', '告警', '事件', '场景'],
    observed: ['检测', '监控', '观测', '发现方式', '确认方式'],
    budget: ['时间', '时限', '分钟', '期限'],
  },
};
