import type { Vocabulary } from './types';

export const zhHant: Vocabulary = {
  language: 'zh-Hant',
  rollback: ['回滾', '回退', '版本回退', '還原至上一版', '恢復到上一版本', '撤回發布'],
  criteria: ['觸發', '條件', '情況', '標準', '準則', '時機', '判斷', '判定'],
  notTriggers: ['成功', '完成', '驗證'],
  triggerTitles: ['觸發條件'],
  triggerPhrases: ['觸發條件', '何時回滾'],
  procedure: ['恢復', '還原', '復原'],
  notProcedure: ['負責人', '紀錄', '歷史', '聯絡'],
  census: ['副作用', '影響範圍', '補償'],
  brief: ['發布概要', '發佈說明'],
  conditional: ['如果', '若', '時', '情況下'],
  negative: ['不回滾', '無需', '不要', '禁止'],
  dataCorruption: ['資料損毀', '資料損壞', '資料遺失', '資料不一致', '數據損壞', '數據丟失', '數據不一致', '資料完整性'],
  preferred: ['推薦', '建議', '首選', '優先', '預設'],
  columns: {
    trigger: ['觸發', '條件', '標準', '現象', '指標', '告警', '警報', '事件', '情境'],
    observed: ['偵測', '監控', '檢測', '觀測', '確認方式'],
    budget: ['時間', '時限', '分鐘', '期限'],
  },
};
