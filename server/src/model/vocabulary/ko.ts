import type { Vocabulary } from './types';

export const ko: Vocabulary = {
  language: 'ko',
  rollback: ['롤백', '되돌리기', '되돌림', '원복', '이전 버전으로', '복귀'],
  criteria: ['기준', '조건', '트리거', '판단', '시점', '언제'],
  notTriggers: ['성공', '완료'],
  triggerTitles: ['트리거', '발동 조건'],
  triggerPhrases: ['롤백 판단'],
  procedure: ['복구', '복원'],
  notProcedure: ['담당', '이력', '연락'],
  census: ['부작용', '영향 범위', '보상'],
  brief: ['릴리스 개요', '릴리즈 개요'],
  conditional: ['경우', '때', '시'],
  negative: ['않', '불필요', '금지'],
  dataCorruption: ['데이터 손상', '데이터 손실', '데이터 유실', '데이터 불일치', '데이터 정합성', '데이터 무결성', '정합성'],
  preferred: ['권장', '우선', '주 경로'],
  columns: {
    trigger: ['트리거', '조건', '기준', '증상', '지표', '메트릭', '이벤트', '알림', '상황'],
    observed: ['감지', '모니터', '확인 방법', '탐지', '관측'],
    budget: ['시간', '기한', '분 이내', '(분)', '제한'],
  },
};
